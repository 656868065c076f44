import { CRITICAL_Z } from './flagging.js';

export interface StatementClassification {
	/** Per factor, 0-based statements different from every other scored factor at p < .05. */
	distinguishing05: number[][];
	/** Per factor, the subset that also differs from every other factor at p < .01. */
	distinguishing01: number[][];
	/** Statements with no pair of factors different at p < .05 (qmethod "Consensus", PQMethod starred). */
	consensus05: number[];
	/** Statements with no pair different at p < .01 (PQMethod's consensus list). */
	consensus01: number[];
	/** significance[(s * k + f) * k + g]: 0 n.s., 1 p < .05, 2 p < .01 for the pair (f, g). */
	pairSignificance: Uint8Array;
}

/**
 * Distinguishing and consensus statements (docs/methods.md §8; PQMethod/KADE two tiers, qmethod `qdc`).
 * A pair differs at level α when `|z_sf − z_sg| > c_α · SED_fg` (strict; c = 1.96, 2.58).
 * A statement distinguishes f when it differs from every other scored factor; it is consensus
 * when no pair differs. Factors without scores (NaN) are left out. With one scored factor there
 * is nothing to compare: no distinguishing statements, and every statement is consensus.
 */
export function classifyStatements(
	zScores: Float64Array,
	sed: Float64Array,
	m: number,
	k: number
): StatementClassification {
	const scored: number[] = [];
	for (let f = 0; f < k; f++) if (!Number.isNaN(zScores[f])) scored.push(f);
	const pairSignificance = new Uint8Array(m * k * k);
	const distinguishing05: number[][] = Array.from({ length: k }, () => []);
	const distinguishing01: number[][] = Array.from({ length: k }, () => []);
	const consensus05: number[] = [];
	const consensus01: number[] = [];
	for (let s = 0; s < m; s++) {
		let any05 = false;
		let any01 = false;
		for (const f of scored) {
			for (const g of scored) {
				if (f === g) continue;
				const difference = Math.abs(zScores[s * k + f] - zScores[s * k + g]);
				const level =
					difference > CRITICAL_Z[0.01] * sed[f * k + g] ? 2 : difference > CRITICAL_Z[0.05] * sed[f * k + g] ? 1 : 0;
				pairSignificance[(s * k + f) * k + g] = level;
				if (level >= 1) any05 = true;
				if (level === 2) any01 = true;
			}
		}
		if (!any05) consensus05.push(s);
		if (!any01) consensus01.push(s);
		if (scored.length < 2) continue;
		for (const f of scored) {
			let all05 = true;
			let all01 = true;
			for (const g of scored) {
				if (g === f) continue;
				const level = pairSignificance[(s * k + f) * k + g];
				if (level < 1) all05 = false;
				if (level < 2) all01 = false;
			}
			if (all05) distinguishing05[f].push(s);
			if (all01) distinguishing01[f].push(s);
		}
	}
	return { distinguishing05, distinguishing01, consensus05, consensus01, pairSignificance };
}

export interface CribSheet {
	/** Statements at the highest / lowest array value of the factor (0-based). */
	top: number[];
	bottom: number[];
	/** Statements placed higher / lower in this factor's array than in every other scored factor. */
	rankedHigher: number[];
	rankedLower: number[];
}

/** Crib-sheet data per factor (Watts & Stenner 2012; KADE "Rel Ranks"), from the factor arrays. */
export function cribSheets(arrays: Float64Array, m: number, k: number): CribSheet[] {
	const scored: number[] = [];
	for (let f = 0; f < k; f++) if (!Number.isNaN(arrays[f])) scored.push(f);
	return Array.from({ length: k }, (_, f) => {
		const sheet: CribSheet = { top: [], bottom: [], rankedHigher: [], rankedLower: [] };
		if (!scored.includes(f)) return sheet;
		let high = -Infinity;
		let low = Infinity;
		for (let s = 0; s < m; s++) {
			high = Math.max(high, arrays[s * k + f]);
			low = Math.min(low, arrays[s * k + f]);
		}
		for (let s = 0; s < m; s++) {
			const value = arrays[s * k + f];
			if (value === high) sheet.top.push(s);
			if (value === low) sheet.bottom.push(s);
			const others = scored.filter((g) => g !== f).map((g) => arrays[s * k + g]);
			if (others.length && others.every((other) => value > other)) sheet.rankedHigher.push(s);
			if (others.length && others.every((other) => value < other)) sheet.rankedLower.push(s);
		}
		return sheet;
	});
}

export interface PairDifferences {
	f: number;
	g: number;
	/** Statements (0-based) with z_f − z_g, sorted by difference descending (ties: statement order). */
	differences: { statement: number; difference: number }[];
}

/** Descending array of differences for every pair f < g of scored factors (PQMethod .LIS). */
export function descendingDifferences(zScores: Float64Array, m: number, k: number): PairDifferences[] {
	const result: PairDifferences[] = [];
	for (let f = 0; f < k; f++) {
		for (let g = f + 1; g < k; g++) {
			if (Number.isNaN(zScores[f]) || Number.isNaN(zScores[g])) continue;
			const differences = Array.from({ length: m }, (_, s) => ({
				statement: s,
				difference: zScores[s * k + f] - zScores[s * k + g]
			}));
			differences.sort((a, b) => b.difference - a.difference || a.statement - b.statement);
			result.push({ f, g, differences });
		}
	}
	return result;
}
