import { seededRandom, shuffleInPlace, type QSortData } from '../../src/lib/qmethod/index.js';

/** A forced grid with the given lowest value and column heights, ascending. */
export function grid(lowest: number, heights: number[]): number[] {
	return heights.flatMap((height, column) => new Array<number>(height).fill(lowest + column));
}

/**
 * Synthetic forced Q-sorts with `viewpoints` latent factors: each sort ranks statements by a
 * noisy copy of one viewpoint's (or its mirror's) latent scores, then takes the grid in that
 * order. Seeded, so tests and benchmarks are reproducible.
 */
export function generatedStudy(options: {
	sorts: number;
	distribution: number[];
	viewpoints: number;
	noise?: number;
	seed?: number;
}): QSortData {
	const { sorts: n, distribution, viewpoints } = options;
	const m = distribution.length;
	const random = seededRandom(options.seed ?? 1);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const latent = Array.from({ length: viewpoints }, () => Array.from({ length: m }, normal));
	const sorted = [...distribution].sort((a, b) => a - b);
	const order = new Float64Array(m);
	const sorts: number[][] = [];
	for (let i = 0; i < n; i++) {
		const viewpoint = latent[i % viewpoints];
		const mirror = i % 7 === 6 ? -1 : 1;
		const noisy = viewpoint.map((value) => mirror * value + (options.noise ?? 0.8) * normal());
		for (let s = 0; s < m; s++) order[s] = s;
		shuffleInPlace(order, random);
		const ranking = Array.from(order).sort((a, b) => noisy[a] - noisy[b]);
		const sort = new Array<number>(m);
		ranking.forEach((statement, rank) => (sort[statement] = sorted[rank]));
		sorts.push(sort);
	}
	return {
		statementCodes: Array.from({ length: m }, (_, s) => `S${String(s + 1).padStart(2, '0')}`),
		sortIds: Array.from({ length: n }, (_, i) => `P${i + 1}`),
		sorts,
		distribution: sorted
	};
}
