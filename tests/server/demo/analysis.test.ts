import { describe, expect, it } from 'vitest';
import { generateDemoSorts } from '../../../server/demo/generate.js';
import { DEMO_STATEMENTS } from '../../../server/demo/statements.js';
import { VIEWPOINTS } from '../../../server/demo/viewpoints.js';
import { analyze } from '../../../src/lib/qmethod/index.js';

// The demo must show what the flagship study found: four recognisable viewpoints. Run the real
// engine on the 70 synthetic sorts and check that each factor is one viewpoint.
describe('demo sorts through the analysis engine', () => {
	const sorts = generateDemoSorts();
	const codes = DEMO_STATEMENTS.map((s) => s.code);
	const input = {
		statementCodes: codes,
		sortIds: sorts.map((s) => s.label),
		sorts: sorts.map((s) => codes.map((c) => s.placements[c] as number))
	};

	for (const extraction of ['pca', 'centroid'] as const) {
		it(`gives four factors, one per viewpoint (${extraction}, varimax)`, () => {
			const result = analyze(input, { factors: 4, extraction });
			const k = 4;
			// Four clear factors, then a drop: the fifth eigenvalue is well below the fourth.
			if (extraction === 'pca') expect(result.allEigenvalues[4]! * 1.5).toBeLessThan(result.allEigenvalues[3]!);

			const viewpointOfFactor: string[] = [];
			for (let f = 0; f < k; f++) {
				const flagged = sorts.filter((_, i) => result.flags[i]![f]);
				const counts = new Map<string, number>();
				for (const s of flagged) counts.set(s.viewpoint, (counts.get(s.viewpoint) ?? 0) + 1);
				const [main, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
				expect(flagged.length).toBeGreaterThanOrEqual(8);
				expect(count / flagged.length).toBeGreaterThanOrEqual(0.85);
				viewpointOfFactor.push(main);
			}
			expect([...viewpointOfFactor].sort()).toEqual(VIEWPOINTS.map((v) => v.key).sort());

			// The factor arrays put each viewpoint's signature statements at the agreeing end.
			const signature: Record<string, string[]> = {
				craft: ['S16', 'S12'],
				justice: ['S01', 'S39'],
				priorities: ['S17', 'S18'],
				belonging: ['S28', 'S31']
			};
			viewpointOfFactor.forEach((viewpoint, f) => {
				for (const code of signature[viewpoint]!) {
					expect(result.arrays[codes.indexOf(code) * k + f]).toBeGreaterThanOrEqual(3);
				}
			});
		});
	}
});
