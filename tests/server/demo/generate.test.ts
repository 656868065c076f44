import { describe, expect, it } from 'vitest';
import { forceOntoGrid, generateDemoSorts, gridValuesDescending } from '../../../server/demo/generate.js';
import { SeededRandom } from '../../../server/demo/random.js';
import { DEMO_STATEMENTS } from '../../../server/demo/statements.js';
import { VIEWPOINTS } from '../../../server/demo/viewpoints.js';

function pearson(a: number[], b: number[]): number {
	const ma = a.reduce((s, x) => s + x, 0) / a.length;
	const mb = b.reduce((s, x) => s + x, 0) / b.length;
	let ab = 0,
		aa = 0,
		bb = 0;
	a.forEach((x, i) => {
		ab += (x - ma) * ((b[i] as number) - mb);
		aa += (x - ma) ** 2;
		bb += ((b[i] as number) - mb) ** 2;
	});
	return ab / Math.sqrt(aa * bb);
}

describe('demo sort generator', () => {
	it('is deterministic: the same seed gives the same sorts', () => {
		const a = generateDemoSorts();
		const b = generateDemoSorts();
		expect(b.map((s) => s.placements)).toEqual(a.map((s) => s.placements));
		expect(b.map((s) => s.answers)).toEqual(a.map((s) => s.answers));
		expect(generateDemoSorts(7)[0]?.placements).not.toEqual(a[0]?.placements);
	});

	it('the seeded generator repeats its sequence and stays in [0, 1)', () => {
		const r1 = new SeededRandom(42);
		const r2 = new SeededRandom(42);
		const xs = Array.from({ length: 1000 }, () => r1.next());
		expect(Array.from({ length: 1000 }, () => r2.next())).toEqual(xs);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
	});

	it('forces scores onto the grid by rank', () => {
		const scores = Object.fromEntries(DEMO_STATEMENTS.map((s, i) => [s.code, -i]));
		const placed = forceOntoGrid(scores);
		expect(placed.S01).toBe(4);
		expect(placed.S02).toBe(4);
		expect(placed.S03).toBe(3);
		expect(placed.S40).toBe(-4);
		expect(Object.values(placed).sort((a, b) => b - a)).toEqual(gridValuesDescending());
	});

	it('every sort leans towards its own viewpoint more than towards the others', () => {
		const codes = DEMO_STATEMENTS.map((s) => s.code);
		const ideal = new Map(VIEWPOINTS.map((v) => [v.key, codes.map((c) => v.ideal[c] ?? 0)]));
		const sorts = generateDemoSorts();
		expect(sorts).toHaveLength(70);
		const sizes = Object.fromEntries(VIEWPOINTS.map((v) => [v.key, sorts.filter((s) => s.viewpoint === v.key).length]));
		expect(sizes).toEqual(Object.fromEntries(VIEWPOINTS.map((v) => [v.key, v.size])));
		let closestOwn = 0;
		for (const sort of sorts) {
			const x = codes.map((c) => sort.placements[c] as number);
			const r = [...ideal].map(([key, y]) => [key, pearson(x, y)] as const).sort((a, b) => b[1] - a[1]);
			if (r[0]?.[0] === sort.viewpoint) closestOwn++;
		}
		// A quarter of the respondents mix in a second viewpoint, so allow a few to sit closer to that one.
		expect(closestOwn).toBeGreaterThanOrEqual(63);
	});

	it('covers every theme of the flagship study and names each competence', () => {
		const themes = new Set(DEMO_STATEMENTS.flatMap((s) => s.themes));
		expect([...themes].sort()).toEqual(
			[
				'be_yourself',
				'capability_trust',
				'career',
				'diversity_competences',
				'diversity_origin',
				'experience',
				'justice',
				'other_priorities',
				'urgency'
			].sort()
		);
		const competenceText = DEMO_STATEMENTS.filter((s) => s.themes.includes('diversity_competences'))
			.map((s) => s.text.en)
			.join(' ');
		for (const word of ['analytical', 'social media', 'target groups', 'language', 'bad news', 'financial insight']) {
			expect(competenceText).toContain(word);
		}
	});
});
