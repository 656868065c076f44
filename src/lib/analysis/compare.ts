import type { AnalysisResult } from './types.js';

export interface VersionComparison {
	/** For each factor of A (0-based), the matched factor of B and the correlation of their z-scores. */
	factorMatch: { a: number; b: number | null; correlation: number | null }[];
	/** Sorts whose defining factor changed (by matched factor), or that appear in only one version. */
	movedSorts: { sortId: string; from: number[]; to: number[] }[];
	/** Per matched factor pair, the statements whose array value changed. */
	arrayChanges: { a: number; b: number; changes: { statement: number; from: number; to: number }[] }[];
}

function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number | null {
	const pairs = x
		.map((v, i) => [v, y[i]])
		.filter((p): p is [number, number] => p[0] !== null && p[1] !== null && p[1] !== undefined);
	if (pairs.length < 3) return null;
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
	const mx = mean(pairs.map((p) => p[0]));
	const my = mean(pairs.map((p) => p[1]));
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const [a, b] of pairs) {
		sxy += (a - mx) * (b - my);
		sxx += (a - mx) ** 2;
		syy += (b - my) ** 2;
	}
	return sxx && syy ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * Compares two saved versions of an analysis of the same study. Factor numbers can differ between
 * versions, so factors are matched greedily by the correlation of their z-scores (statements matched by
 * code); a factor with no positive match stays unmatched.
 */
export function compareVersions(a: AnalysisResult, b: AnalysisResult): VersionComparison {
	const bIndex = new Map(b.statementCodes.map((code, s) => [code, s]));
	const column = (result: AnalysisResult, f: number, codes: readonly string[], index?: Map<string, number>) =>
		codes.map((code, s) => {
			const row = index ? index.get(code) : s;
			return row === undefined ? null : (result.zScores[row]?.[f] ?? null);
		});
	const candidates: { a: number; b: number; r: number }[] = [];
	for (let fa = 0; fa < a.nFactors; fa++) {
		for (let fb = 0; fb < b.nFactors; fb++) {
			const r = pearson(column(a, fa, a.statementCodes), column(b, fb, a.statementCodes, bIndex));
			if (r !== null && r > 0) candidates.push({ a: fa, b: fb, r });
		}
	}
	candidates.sort((x, y) => y.r - x.r);
	const matchA = new Map<number, { b: number; r: number }>();
	const usedB = new Set<number>();
	for (const c of candidates) {
		if (matchA.has(c.a) || usedB.has(c.b)) continue;
		matchA.set(c.a, { b: c.b, r: c.r });
		usedB.add(c.b);
	}
	const factorMatch = Array.from({ length: a.nFactors }, (_, f) => ({
		a: f,
		b: matchA.get(f)?.b ?? null,
		correlation: matchA.get(f)?.r ?? null
	}));
	const bToA = new Map([...matchA].map(([fa, m]) => [m.b, fa]));

	const flaggedOn = (result: AnalysisResult, i: number, map?: Map<number, number>) =>
		(result.flagged[i] ?? []).flatMap((flag, f) => (flag ? [map ? (map.get(f) ?? -1 - f) : f] : []));
	const bSorts = new Map(b.sortIds.map((id, i) => [id, i]));
	const movedSorts: VersionComparison['movedSorts'] = [];
	const ids = [...new Set([...a.sortIds, ...b.sortIds])];
	for (const sortId of ids) {
		const ia = a.sortIds.indexOf(sortId);
		const ib = bSorts.get(sortId);
		const from = ia >= 0 ? flaggedOn(a, ia) : [];
		const toInA = ib !== undefined ? flaggedOn(b, ib, bToA) : [];
		if (ia < 0 || ib === undefined || from.join() !== toInA.join()) {
			movedSorts.push({
				sortId,
				from: from.map((f) => f + 1),
				to: ib !== undefined ? flaggedOn(b, ib).map((f) => f + 1) : []
			});
		}
	}
	const arrayChanges = factorMatch
		.filter((m): m is { a: number; b: number; correlation: number } => m.b !== null)
		.map((m) => ({
			a: m.a,
			b: m.b,
			changes: a.statementCodes.flatMap((code, s) => {
				const row = bIndex.get(code);
				const from = a.factorArrays[s]?.[m.a];
				const to = row === undefined ? null : b.factorArrays[row]?.[m.b];
				return from !== null && from !== undefined && to !== null && to !== undefined && from !== to
					? [{ statement: s, from, to }]
					: [];
			})
		}));
	return { factorMatch, movedSorts, arrayChanges };
}
