// compareVersions on two engine runs of Lipset (tests/fixtures/lipset): the same request matches every
// factor to itself (r = 1, no moves, no array changes); swapping the factor order by hand-flags is found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../src/lib/analysis/compare.js';
import { parseSortsCsv, runAnalysis } from '../../../src/lib/qmethod/index.js';

const lipset = parseSortsCsv(readFileSync('tests/fixtures/lipset/lipset.csv', 'utf8'));
const base = runAnalysis(lipset, { factors: 3, extraction: 'pca', rotation: 'varimax' });

describe('compareVersions', () => {
	it('finds nothing between identical versions', () => {
		const diff = compareVersions(base, base);
		expect(diff.factorMatch.map((m) => m.b)).toEqual([0, 1, 2]);
		diff.factorMatch.forEach((m) => expect(m.correlation).toBeCloseTo(1, 12));
		expect(diff.movedSorts).toEqual([]);
		expect(diff.arrayChanges.every((pair) => pair.changes.length === 0)).toBe(true);
	});

	it('reports a sort that moved to another factor and the array places that changed', () => {
		const flags = base.flagged.map((row) => [...row]);
		const us8 = base.sortIds.indexOf('US8');
		const from = flags[us8].indexOf(true);
		flags[us8] = [false, false, false];
		const other = runAnalysis(lipset, { factors: 3, extraction: 'pca', rotation: 'varimax', flags });
		const diff = compareVersions(base, other);
		expect(diff.movedSorts).toEqual([{ sortId: 'US8', from: [from + 1], to: [] }]);
		expect(diff.arrayChanges.find((pair) => pair.a === from)!.changes.length).toBeGreaterThan(0);
	});
});
