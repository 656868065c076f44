import type { Locale } from '../../src/lib/i18n/types.js';
import { communalities, explainedVariance } from '../../src/lib/qmethod/index.js';
import type { ExportSource } from './analysis-source.js';
import { factorSheets, summarySheets } from './analysis-workbook-factors.js';
import { addSheet, newWorkbook, round, type Rows } from './workbook.js';

/** The workbook's language is the interface language of the page it was downloaded from. */
export type WorkbookLanguage = Locale;

/** Dutch names of the sheets (the workbook follows the language of the page it was downloaded from). */
const DUTCH_SHEETS: [RegExp, string][] = [
	[/^Overview$/, 'Overzicht'],
	[/^Statements$/, 'Stellingen'],
	[/^Q-sorts$/, 'Q-sorteringen'],
	[/^Correlation matrix$/, 'Correlatiematrix'],
	[/^Unrotated factors$/, 'Ongeroteerde factoren'],
	[/^Cumulative communalities$/, 'Cumulatieve communaliteiten'],
	[/^Factor loadings$/, 'Factorladingen'],
	[/^Loadings by factor group$/, 'Ladingen per factorgroep'],
	[/^Factor (\d+) defining sorts$/, 'Factor $1 bepalende sorteringen'],
	[/^Factor (\d+) scores$/, 'Factor $1 scores'],
	[/^Factor score ranks$/, 'Rangorde factorscores'],
	[/^Factor arrays$/, 'Factorarrays'],
	[/^Factor score correlations$/, 'Correlaties factorscores'],
	[/^Differences (F\d+-F\d+)$/, 'Verschillen $1'],
	[/^Consensus-disagreement$/, 'Consensus-onenigheid'],
	[/^Factor characteristics$/, 'Factorkenmerken'],
	[/^SE of differences$/, 'SE van verschillen'],
	[/^Distinguishing (F\d+)$/, 'Onderscheidend $1'],
	[/^Consensus statements$/, 'Consensusstellingen'],
	[/^Crib sheets$/, 'Spiekbriefjes']
];

/** A sheet's name in the workbook's language (the English name is the one the code builds with). */
export function sheetName(name: string, language: WorkbookLanguage): string {
	if (language === 'en') return name;
	for (const [pattern, dutch] of DUTCH_SHEETS) if (pattern.test(name)) return name.replace(pattern, dutch);
	return name;
}

/** The sheet names, in order, for a k-factor analysis (KADE/PQMethod order, docs/methods.md §11.5). */
export function workbookSheetNames(k: number, scored: boolean[], language: WorkbookLanguage = 'en'): string[] {
	return englishSheetNames(k, scored).map((name) => sheetName(name, language));
}

function englishSheetNames(k: number, scored: boolean[]): string[] {
	const perFactor = Array.from({ length: k }, (_, f) =>
		scored[f] ? [`Factor ${f + 1} defining sorts`, `Factor ${f + 1} scores`] : []
	).flat();
	const pairs: string[] = [];
	for (let f = 0; f < k; f++)
		for (let g = f + 1; g < k; g++) if (scored[f] && scored[g]) pairs.push(`Differences F${f + 1}-F${g + 1}`);
	return [
		'Overview',
		'Statements',
		'Q-sorts',
		'Correlation matrix',
		'Unrotated factors',
		'Cumulative communalities',
		'Factor loadings',
		'Loadings by factor group',
		...perFactor,
		'Factor score ranks',
		'Factor arrays',
		'Factor score correlations',
		...pairs,
		'Consensus-disagreement',
		'Factor characteristics',
		'SE of differences',
		...Array.from({ length: k }, (_, f) => (scored[f] ? [`Distinguishing F${f + 1}`] : [])).flat(),
		'Consensus statements',
		'Crib sheets'
	];
}

/**
 * The analysis workbook with the sheets researchers know from KADE and PQMethod (docs/methods.md §11.5); `language`
 * names the sheets in Dutch or English.
 */
export async function analysisWorkbook(source: ExportSource, language: WorkbookLanguage = 'en'): Promise<Buffer> {
	const { stored, full, data, correlations, texts } = source;
	const { nSorts: n, nStatements: m, sortIds, statementCodes } = full.data;
	const k = full.loadings.columns;
	const workbook = await newWorkbook();
	workbook.created = new Date(stored.createdAt);
	const factorHeads = Array.from({ length: k }, (_, f) => `F${f + 1}`);

	addSheet(
		workbook,
		'Overview',
		[
			['Item', 'Value'],
			['Analysis', stored.name || '(unnamed)'],
			['Saved at', stored.createdAt],
			['Saved by', stored.createdBy ? stored.createdBy.displayName || stored.createdBy.email : ''],
			['Engine version', stored.engineVersion],
			['Q-sorts', n],
			['Statements', m],
			['Extraction', stored.request.extraction],
			['Factors extracted', stored.request.factors],
			['Rotation', stored.request.rotation],
			['Rotation steps (after the rotation, in order)', JSON.stringify(stored.request.rotationSteps)],
			[
				'Flags',
				stored.request.flags
					? 'set by hand'
					: `automatic, p < ${stored.request.flagLevel} and majority of common variance`
			],
			['Correlation', 'Pearson'],
			['Warnings', full.warnings.map((w) => w.message).join('; ')],
			['Synthetic (demo) sorts', data.sorts.filter((s) => s.synthetic).length]
		],
		[40, 80]
	);
	addSheet(
		workbook,
		'Statements',
		[['No.', 'Code', 'Statement'], ...statementCodes.map((code, s) => [s + 1, code, texts[s]])],
		[6, 10, 90]
	);

	const values = full.data.values;
	const sortRows: Rows = sortIds.map((id, i) => {
		const row = Array.from(values.subarray(i * m, i * m + m));
		const mean = row.reduce((a, b) => a + b, 0) / m;
		const sd = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / (m - 1));
		return [id, round(mean), round(sd), ...row];
	});
	addSheet(workbook, 'Q-sorts', [['Sort', 'Mean', 'SD', ...statementCodes], ...sortRows]);
	addSheet(workbook, 'Correlation matrix', [
		['Sort', ...sortIds],
		...sortIds.map((id, i) => [id, ...sortIds.map((_, j) => round(correlations[i * n + j]))])
	]);

	const unrotated = full.unrotated.data;
	addSheet(workbook, 'Unrotated factors', [
		['Sort', ...factorHeads],
		...sortIds.map((id, i) => [id, ...factorHeads.map((_, f) => round(unrotated[i * k + f]))]),
		['Eigenvalue', ...Array.from(full.eigenvalues, (v) => round(v))],
		['% explained variance', ...Array.from(full.eigenvalues, (v) => round((100 * v) / n, 2))]
	]);
	const cumulative = sortIds.map((id, i) => {
		let sum = 0;
		return [id, ...factorHeads.map((_, f) => round((sum += unrotated[i * k + f] ** 2)))];
	});
	addSheet(workbook, 'Cumulative communalities', [['Sort', ...factorHeads], ...cumulative]);

	const rotated = full.loadings.data;
	const h2 = communalities(full.loadings);
	addSheet(workbook, 'Factor loadings', [
		['Sort', ...factorHeads.flatMap((head) => [head, `${head} flag`]), 'h2'],
		...sortIds.map((id, i) => [
			id,
			...factorHeads.flatMap((_, f) => [round(rotated[i * k + f]), full.flags[i][f] ? 'X' : '']),
			round(h2[i])
		]),
		['% explained variance', ...explainedVariance(full.loadings).flatMap((v) => [round(v, 2), ''])]
	]);
	const groups: Rows = [['Factor', 'Sort', ...factorHeads]];
	for (let f = 0; f < k; f++) {
		sortIds
			.map((id, i) => ({ id, i }))
			.filter(({ i }) => full.flags[i][f])
			.sort((a, b) => Math.abs(rotated[b.i * k + f]) - Math.abs(rotated[a.i * k + f]))
			.forEach(({ id, i }) => groups.push([`F${f + 1}`, id, ...factorHeads.map((_, g) => round(rotated[i * k + g]))]));
	}
	addSheet(workbook, 'Loadings by factor group', groups);

	factorSheets(workbook, source);
	summarySheets(workbook, source);
	for (const sheet of workbook.worksheets) sheet.name = sheetName(sheet.name, language);
	const buffer = await workbook.xlsx.writeBuffer();
	return Buffer.from(buffer as ArrayBuffer);
}
