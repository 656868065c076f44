/** One benchmark case: `prepare` builds inputs (not timed), `run` is the timed work. */
export interface BenchCase {
	name: string;
	/** Shown in the table, e.g. "n=1,000 m=60 k=4". */
	size: string;
	/** Targets from the issue, checked and printed as ok/MISS. */
	targetMs?: number;
	targetMb?: number;
	/** Untimed warm-up runs before the timed ones (JIT); default 0. */
	warmup?: number;
	/** Timed runs; the median is reported. Default 1. */
	repeat?: number;
	prepare(): unknown;
	run(prepared: unknown): unknown;
}

export interface BenchModule {
	cases: BenchCase[];
}
