import type ExcelJS from 'exceljs';
import type { ExportSource } from './analysis-source.js';
import { addSheet, round, type Rows } from './workbook.js';

/** Per scored factor: its defining sorts with weights, and its scores (z, array, raw defining sorts). */
export function factorSheets(workbook: ExcelJS.Workbook, { full, texts }: ExportSource): void {
	const { nStatements: m, sortIds, values } = full.data;
	const k = full.loadings.columns;
	for (let f = 0; f < k; f++) {
		if (full.characteristics.nDefining[f] === 0) continue;
		const defining = sortIds.map((id, i) => ({ id, i })).filter(({ i }) => full.flags[i][f]);
		const maxWeight = Math.max(...defining.map(({ i }) => Math.abs(full.weights[i * k + f])));
		addSheet(workbook, `Factor ${f + 1} defining sorts`, [
			['Sort', 'Loading', 'Weight a/(1-a²)', 'Weight (largest = 10)'],
			...defining.map(({ id, i }) => [
				id,
				round(full.loadings.data[i * k + f]),
				round(full.weights[i * k + f]),
				round((10 * full.weights[i * k + f]) / maxWeight, 2)
			])
		]);
		const order = Array.from({ length: m }, (_, s) => s).sort(
			(a, b) => full.zScores[b * k + f] - full.zScores[a * k + f] || a - b
		);
		addSheet(
			workbook,
			`Factor ${f + 1} scores`,
			[
				['No.', 'Statement', 'z-score', 'Array', 'Tied', ...defining.map(({ id }) => id)],
				...order.map((s) => [
					s + 1,
					texts[s],
					round(full.zScores[s * k + f], 3),
					full.arrays[s * k + f],
					full.tied[s * k + f] ? 'tie' : '',
					...defining.map(({ i }) => values[i * m + s])
				])
			],
			[6, 70]
		);
	}
}

/** The study-wide sheets after the per-factor ones. */
export function summarySheets(workbook: ExcelJS.Workbook, { full, texts }: ExportSource): void {
	const m = full.data.nStatements;
	const k = full.loadings.columns;
	const scored = Array.from({ length: k }, (_, f) => full.characteristics.nDefining[f] > 0);
	const heads = Array.from({ length: k }, (_, f) => `F${f + 1}`);
	const statementCell = (s: number): [number, string] => [s + 1, texts[s]];
	const z = (s: number, f: number) => full.zScores[s * k + f];

	const ranks: Rows = [['No.', 'Statement', ...heads]];
	const rankOf = heads.map((_, f) => {
		const order = Array.from({ length: m }, (_, s) => s).sort((a, b) => z(b, f) - z(a, f) || a - b);
		const rank = new Array<number>(m);
		order.forEach((s, r) => (rank[s] = r + 1));
		return rank;
	});
	for (let s = 0; s < m; s++)
		ranks.push([...statementCell(s), ...heads.map((_, f) => (scored[f] ? rankOf[f][s] : null))]);
	addSheet(workbook, 'Factor score ranks', ranks, [6, 70]);
	addSheet(
		workbook,
		'Factor arrays',
		[
			['No.', 'Statement', ...heads],
			...Array.from({ length: m }, (_, s) => [
				...statementCell(s),
				...heads.map((_, f) => (scored[f] ? full.arrays[s * k + f] : null))
			])
		],
		[6, 70]
	);
	addSheet(workbook, 'Factor score correlations', [
		['', ...heads],
		...heads.map((head, f) => [head, ...heads.map((_, g) => round(full.factorCorrelations[f * k + g]))])
	]);

	for (const pair of full.descendingDifferences) {
		addSheet(
			workbook,
			`Differences F${pair.f + 1}-F${pair.g + 1}`,
			[
				['No.', 'Statement', `z F${pair.f + 1}`, `z F${pair.g + 1}`, 'Difference'],
				...pair.differences.map(({ statement: s, difference }) => [
					...statementCell(s),
					round(z(s, pair.f), 3),
					round(z(s, pair.g), 3),
					round(difference, 3)
				])
			],
			[6, 70]
		);
	}

	const scoredFactors = heads.map((_, f) => f).filter((f) => scored[f]);
	const variance = (s: number) => {
		const zs = scoredFactors.map((f) => z(s, f));
		const mean = zs.reduce((a, b) => a + b, 0) / (zs.length || 1);
		return zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length || 1);
	};
	const byVariance = Array.from({ length: m }, (_, s) => s).sort((a, b) => variance(a) - variance(b) || a - b);
	addSheet(
		workbook,
		'Consensus-disagreement',
		[
			['No.', 'Statement', 'Variance of z', ...heads.map((h) => `z ${h}`)],
			...byVariance.map((s) => [...statementCell(s), round(variance(s)), ...heads.map((_, f) => round(z(s, f), 3))])
		],
		[6, 70]
	);

	const chars = full.characteristics;
	addSheet(workbook, 'Factor characteristics', [
		['', ...heads],
		['No. of defining variables', ...chars.nDefining],
		['Average reliability coefficient', ...chars.avgRelCoef],
		['Composite reliability', ...chars.compositeReliability.map((v) => round(v))],
		['S.E. of factor z-scores', ...chars.seZScores.map((v) => round(v))]
	]);
	addSheet(workbook, 'SE of differences', [
		['', ...heads],
		...heads.map((head, f) => [head, ...heads.map((_, g) => round(full.sed[f * k + g]))])
	]);

	const { distinguishing05, distinguishing01, consensus05, consensus01 } = full.classification;
	for (let f = 0; f < k; f++) {
		if (!scored[f]) continue;
		const strong = new Set(distinguishing01[f]);
		addSheet(
			workbook,
			`Distinguishing F${f + 1}`,
			[
				[
					'No.',
					'Statement',
					'Array',
					'z-score',
					'Significance',
					'Direction',
					...heads.filter((_, g) => g !== f && scored[g]).map((h) => `Array ${h}`)
				],
				...distinguishing05[f].map((s) => {
					const higher = scoredFactors.every((g) => g === f || z(s, f) > z(s, g));
					return [
						...statementCell(s),
						full.arrays[s * k + f],
						round(z(s, f), 3),
						strong.has(s) ? 'p < .01' : 'p < .05',
						higher ? 'higher' : scoredFactors.every((g) => g === f || z(s, f) < z(s, g)) ? 'lower' : 'mixed',
						...scoredFactors.filter((g) => g !== f).map((g) => full.arrays[s * k + g])
					];
				})
			],
			[6, 70]
		);
	}
	const starred = new Set(consensus05);
	addSheet(
		workbook,
		'Consensus statements',
		[
			[
				'No.',
				'Statement',
				'Not significant at p < .05 for any pair',
				...heads.map((h) => `Array ${h}`),
				...heads.map((h) => `z ${h}`)
			],
			...consensus01.map((s) => [
				...statementCell(s),
				starred.has(s) ? '*' : '',
				...heads.map((_, f) => full.arrays[s * k + f]),
				...heads.map((_, f) => round(z(s, f), 3))
			])
		],
		[6, 70]
	);

	const crib: Rows = [['Factor', 'Group', 'No.', 'Statement', 'Array']];
	full.cribSheets.forEach((sheet, f) => {
		const groups: [string, number[]][] = [
			['Ranked highest', sheet.top],
			['Ranked higher than in all other factors', sheet.rankedHigher],
			['Ranked lower than in all other factors', sheet.rankedLower],
			['Ranked lowest', sheet.bottom]
		];
		for (const [group, list] of groups)
			for (const s of list) crib.push([`F${f + 1}`, group, s + 1, texts[s], full.arrays[s * k + f]]);
	});
	addSheet(workbook, 'Crib sheets', crib, [8, 40, 6, 70]);
}
