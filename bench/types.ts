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
	/**
	 * Timed alternately with `run`, in the same process, when set; the target is then the ratio of the
	 * medians (run ÷ baseline), which a busy machine changes much less than either time.
	 */
	baseline?: { label: string; targetRatio: number; run(prepared: unknown): unknown };
	prepare(): unknown;
	/** The timed work; may return a promise (awaited, inside the timing). */
	run(prepared: unknown): unknown;
}

export interface BenchModule {
	cases: BenchCase[];
}
