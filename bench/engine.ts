import { bootstrap, parseSortsCsv, runAnalysis, writeSortsCsv, type QSortData } from '../src/lib/qmethod/index.js';
import { generatedStudy, grid } from '../tests/qmethod/generated.js';
import type { BenchCase } from './types.js';

/**
 * Analysis engine benchmarks (issue 3). Inputs are seeded synthetic forced Q-sorts with four
 * viewpoints. The PCA pipeline case times everything from CSV text to the result JSON: parse,
 * validate, correlate (m × m cross-product), extract, varimax, flag, z-scores, arrays,
 * distinguishing/consensus.
 */
const grid60 = grid(-5, [2, 3, 4, 6, 8, 14, 8, 6, 4, 3, 2]);
const grid40 = grid(-4, [2, 3, 4, 6, 10, 6, 4, 3, 2]);
const count = (n: number) => n.toLocaleString('en-US');

function pcaPipeline(n: number, targetMs?: number, targetMb?: number): BenchCase {
	return {
		name: `pca-pipeline-${n}`,
		size: `n=${count(n)} m=60 k=4`,
		targetMs,
		targetMb,
		warmup: n <= 1000 ? 3 : n <= 10_000 ? 1 : 0,
		repeat: n <= 1000 ? 5 : n <= 10_000 ? 3 : 1,
		prepare: () => writeSortsCsv(generatedStudy({ sorts: n, distribution: grid60, viewpoints: 4, seed: n })),
		run: (csv) => runAnalysis(parseSortsCsv(csv as string), { factors: 4, extraction: 'pca', rotation: 'varimax' })
	};
}

function centroid(n: number, targetMs?: number): BenchCase {
	return {
		name: `centroid-${n}`,
		size: `n=${count(n)} m=60 k=4`,
		targetMs,
		warmup: n <= 70 ? 3 : 1,
		repeat: 3,
		prepare: () => generatedStudy({ sorts: n, distribution: grid60, viewpoints: 4, seed: n }),
		run: (study) => runAnalysis(study as QSortData, { factors: 4, extraction: 'centroid', rotation: 'varimax' })
	};
}

export const cases: BenchCase[] = [
	pcaPipeline(70),
	pcaPipeline(1000),
	pcaPipeline(10_000, 300),
	pcaPipeline(100_000, 3000, 1024),
	centroid(70),
	centroid(1000, 1000),
	{
		name: 'bootstrap-1000',
		size: 'B=1,000 n=70 m=40 k=3',
		targetMs: 3000,
		warmup: 0,
		repeat: 1,
		prepare: () => generatedStudy({ sorts: 70, distribution: grid40, viewpoints: 3, seed: 70 }),
		run: (study) => bootstrap(study as QSortData, { factors: 3, resamples: 1000, seed: 1 })
	}
];
