import { explainedVariance, type FullAnalysis } from './analysis.js';
import { communalities } from './orientation.js';

/** Correlation matrices between sorts are printed only up to this many sorts. */
const MAX_SORTS_IN_MATRIX = 40;

/**
 * A plain-text report with the sections researchers know from PQMethod's .LIS (docs/methods.md §11.3):
 * correlations between sorts (small studies), unrotated factors with eigenvalues, factor matrix
 * with X for defining sorts, factor scores per factor, factor arrays, correlations between
 * factors, characteristics, SE of differences, distinguishing and consensus statements,
 * descending differences. Numbers are rounded here only. `statementTexts` (optional) by index.
 */
export function formatTextReport(
	analysis: FullAnalysis,
	statementTexts?: readonly string[],
	correlations?: Float64Array
): string {
	const { data, loadings, characteristics, classification } = analysis;
	const m = data.nStatements;
	const n = data.nSorts;
	const k = loadings.columns;
	const ids = data.sortIds;
	const factorHeads = Array.from({ length: k }, (_, f) => pad(`F${f + 1}`, 8)).join('');
	const fixed = (value: number, digits = 4) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
	const label = (s: number) => {
		const text = statementTexts?.[s] ?? '';
		return `${String(s + 1).padStart(3)} ${data.statementCodes[s].padEnd(6)} ${text.slice(0, 60)}`;
	};
	const out: string[] = [];
	const section = (title: string) => out.push('', title, '-'.repeat(title.length));
	const opts = analysis.options;
	out.push(
		`Q-methodology analysis: ${n} Q-sorts, ${m} statements, ${opts.extraction} extraction, ${opts.rotation} rotation, ${k} factor(s), ${opts.correlation} correlations, flagging p < ${opts.flagLevel}${opts.manualFlags ? ' (manual flags)' : ''}`
	);

	if (correlations && n <= MAX_SORTS_IN_MATRIX) {
		section('Correlation matrix between sorts');
		out.push(' '.repeat(10) + ids.map((id) => pad(id.slice(0, 6), 7)).join(''));
		for (let i = 0; i < n; i++) {
			out.push(
				ids[i].slice(0, 9).padEnd(10) +
					Array.from({ length: n }, (_, j) => pad(fixed(correlations[i * n + j], 2), 7)).join('')
			);
		}
	}

	section('Unrotated factor matrix');
	out.push('Sort'.padEnd(12) + factorHeads);
	for (let i = 0; i < n; i++) out.push(ids[i].slice(0, 11).padEnd(12) + row(analysis.unrotated.data, i, k, fixed));
	out.push('Eigenvalue'.padEnd(12) + Array.from(analysis.eigenvalues, (v) => pad(fixed(v), 8)).join(''));
	out.push(
		'% expl.Var.'.padEnd(12) + Array.from(analysis.eigenvalues, (v) => pad(fixed((100 * v) / n, 1), 8)).join('')
	);

	section('Factor matrix with an X indicating a defining sort');
	const h2 = communalities(loadings);
	out.push('Sort'.padEnd(12) + Array.from({ length: k }, (_, f) => pad(`F${f + 1}`, 9)).join('') + pad('h2', 8));
	for (let i = 0; i < n; i++) {
		const cells = Array.from({ length: k }, (_, f) =>
			pad(fixed(loadings.data[i * k + f]) + (analysis.flags[i][f] ? 'X' : ' '), 9)
		).join('');
		out.push(ids[i].slice(0, 11).padEnd(12) + cells + pad(fixed(h2[i]), 8));
	}
	out.push(
		'% expl.Var.'.padEnd(12) +
			explainedVariance(loadings)
				.map((v) => pad(fixed(v, 1), 9))
				.join('')
	);

	section('Correlations between factor scores');
	out.push(' '.repeat(6) + factorHeads);
	for (let f = 0; f < k; f++) out.push(`F${f + 1}`.padEnd(6) + row(analysis.factorCorrelations, f, k, fixed));

	for (let f = 0; f < k; f++) {
		if (characteristics.nDefining[f] === 0) continue;
		section(`Factor scores for factor ${f + 1} (z, array), highest first`);
		const order = Array.from({ length: m }, (_, s) => s).sort(
			(a, b) => analysis.zScores[b * k + f] - analysis.zScores[a * k + f] || a - b
		);
		for (const s of order) {
			const tie = analysis.tied[s * k + f] === 2 ? ' (tie)' : '';
			out.push(
				`${label(s).padEnd(72)} ${pad(fixed(analysis.zScores[s * k + f], 3), 7)} ${pad(fixed(analysis.arrays[s * k + f], 0), 3)}${tie}`
			);
		}
	}

	for (const pair of analysis.descendingDifferences) {
		section(`Descending array of differences between factors ${pair.f + 1} and ${pair.g + 1}`);
		for (const { statement, difference } of pair.differences)
			out.push(`${label(statement).padEnd(72)} ${pad(fixed(difference, 3), 7)}`);
	}

	section('Factor arrays (factor Q-sort values)');
	out.push(' '.repeat(72) + factorHeads);
	for (let s = 0; s < m; s++) out.push(label(s).padEnd(72) + row(analysis.arrays, s, k, (v) => fixed(v, 0)));

	section('Factor characteristics');
	out.push(' '.repeat(34) + factorHeads);
	out.push('No. of defining variables'.padEnd(34) + characteristics.nDefining.map((v) => pad(String(v), 8)).join(''));
	out.push('Average rel. coef.'.padEnd(34) + characteristics.avgRelCoef.map((v) => pad(fixed(v, 3), 8)).join(''));
	out.push(
		'Composite reliability'.padEnd(34) + characteristics.compositeReliability.map((v) => pad(fixed(v, 3), 8)).join('')
	);
	out.push('S.E. of factor z-scores'.padEnd(34) + characteristics.seZScores.map((v) => pad(fixed(v, 3), 8)).join(''));

	section('Standard errors for differences in factor z-scores');
	out.push(' '.repeat(6) + factorHeads);
	for (let f = 0; f < k; f++) out.push(`F${f + 1}`.padEnd(6) + row(analysis.sed, f, k, (v) => fixed(v, 3)));

	for (let f = 0; f < k; f++) {
		section(`Distinguishing statements for factor ${f + 1} (p < .05; * = p < .01)`);
		const strong = new Set(classification.distinguishing01[f]);
		if (classification.distinguishing05[f].length === 0) out.push('(none)');
		for (const s of classification.distinguishing05[f]) {
			const others = Array.from(
				{ length: k },
				(_, g) => `${pad(fixed(analysis.arrays[s * k + g], 0), 3)} ${pad(fixed(analysis.zScores[s * k + g], 2), 6)}`
			).join('  ');
			out.push(`${label(s).padEnd(72)} ${others}${strong.has(s) ? ' *' : ''}`);
		}
	}

	section('Consensus statements (no pair of factors differs at p < .01; * = none at p < .05 either)');
	const starred = new Set(classification.consensus05);
	if (classification.consensus01.length === 0) out.push('(none)');
	for (const s of classification.consensus01) {
		const cells = Array.from(
			{ length: k },
			(_, g) => `${pad(fixed(analysis.arrays[s * k + g], 0), 3)} ${pad(fixed(analysis.zScores[s * k + g], 2), 6)}`
		).join('  ');
		out.push(`${label(s).padEnd(72)} ${cells}${starred.has(s) ? ' *' : ''}`);
	}

	if (analysis.warnings.length) {
		section('Warnings');
		for (const warning of analysis.warnings) out.push(`[${warning.code}] ${warning.message}`);
	}
	return out.join('\n') + '\n';
}

function pad(text: string, width: number): string {
	return text.padStart(width);
}

function row(matrix: Float64Array, r: number, k: number, format: (value: number) => string): string {
	return Array.from(matrix.subarray(r * k, r * k + k), (v) => pad(format(v), 8)).join('');
}
