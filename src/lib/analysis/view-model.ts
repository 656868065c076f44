import type { FieldDifference } from './number-diff.js';
import type { AnalysisData, AnalysisResult } from './types.js';

/** Fixed decimals for display; '—' for a missing number. Rounding happens here only. */
export function fmt(value: number | null | undefined, digits = 2): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	const text = value.toFixed(digits);
	return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Signed grid value, e.g. "+3", "0", "−2". */
export function signed(value: number | null | undefined): string {
	if (value === null || value === undefined) return '—';
	return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

/** Order of sorts for the heat map: by id, or by loading on a factor (highest first). */
export function sortOrder(
	sortIds: readonly string[],
	by: 'id' | 'loading',
	loadings?: readonly number[][],
	factor = 0
): number[] {
	const order = sortIds.map((_, i) => i);
	if (by === 'id') return order.sort((a, b) => sortIds[a].localeCompare(sortIds[b], undefined, { numeric: true }));
	return order.sort((a, b) => (loadings?.[b]?.[factor] ?? 0) - (loadings?.[a]?.[factor] ?? 0) || a - b);
}

/** Colour of a correlation from −1 (red) through 0 (white) to +1 (blue). */
export function correlationColour(r: number): string {
	const t = Math.max(-1, Math.min(1, r));
	const mix = (from: number, to: number, amount: number) => Math.round(from + (to - from) * amount);
	if (t >= 0) return `rgb(${mix(255, 31, t)}, ${mix(255, 58, t)}, ${mix(255, 104, t)})`;
	return `rgb(${mix(255, 164, -t)}, ${mix(255, 22, -t)}, ${mix(255, 26, -t)})`;
}

export interface GridColumnCells {
	value: number;
	/** 0-based statements in this column of the factor array, highest z first. */
	statements: number[];
}

/** A factor's array laid out as the study's grid: per column the statements it holds. */
export function factorArrayColumns(
	result: AnalysisResult,
	factor: number,
	grid: AnalysisData['grid']
): GridColumnCells[] {
	const values = grid.length
		? grid.map((c) => c.value)
		: [...new Set(result.factorArrays.map((row) => row[factor] ?? 0))].sort((a, b) => a - b);
	return values.map((value) => ({
		value,
		statements: result.factorArrays
			.map((row, s) => ({ s, v: row[factor], z: result.zScores[s][factor] ?? 0 }))
			.filter((cell) => cell.v === value)
			.sort((a, b) => b.z - a.z || a.s - b.s)
			.map((cell) => cell.s)
	}));
}

/** Sort ids flagged on each factor. */
export function definingSortIds(result: Pick<AnalysisResult, 'sortIds' | 'flagged' | 'nFactors'>): string[][] {
	return Array.from({ length: result.nFactors }, (_, f) => result.sortIds.filter((_, i) => result.flagged[i]?.[f]));
}

export interface StatementVoice {
	sortId: string;
	kind: 'comment' | 'note';
	text: string;
}

/** What the defining sorts of a factor said about a statement: participants' comments and interviewer notes. */
export function statementVoices(
	data: AnalysisData,
	result: AnalysisResult,
	factor: number,
	statement: number
): StatementVoice[] {
	const code = data.statements[statement]?.code;
	if (!code) return [];
	const defining = new Set(definingSortIds(result)[factor]);
	const voices: StatementVoice[] = [];
	for (const sort of data.sorts) {
		if (!defining.has(sort.id)) continue;
		const comment = sort.comments[code];
		if (comment) voices.push({ sortId: sort.id, kind: 'comment', text: comment });
		const note = sort.notes.statements?.[code];
		if (note) voices.push({ sortId: sort.id, kind: 'note', text: note });
	}
	return voices;
}

/** Statement text in the interface language, falling back to the study's languages. */
export function statementText(data: AnalysisData, statement: number, locale: string): string {
	const text = data.statements[statement]?.text ?? {};
	return text[locale] ?? data.languages.map((l) => text[l]).find(Boolean) ?? Object.values(text)[0] ?? '';
}

/** Rows of the z-score table sorted by a column (statement number, or a factor's z-score, descending). */
export function zScoreOrder(result: AnalysisResult, by: 'statement' | number): number[] {
	const order = result.statementCodes.map((_, s) => s);
	if (by === 'statement') return order;
	return order.sort((a, b) => (result.zScores[b][by] ?? -Infinity) - (result.zScores[a][by] ?? -Infinity) || a - b);
}

/** Breaks a text into at most `maxLines` lines of about `width` characters; the last line ends in "…" when cut. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let current = '';
	const words = text.split(/\s+/).filter(Boolean);
	for (let w = 0; w < words.length; w++) {
		const word = words[w];
		const next = current ? `${current} ${word}` : word;
		if (next.length <= width || !current) {
			current = next.length > width ? next.slice(0, width - 1) + '…' : next;
			continue;
		}
		lines.push(current);
		current = word;
		if (lines.length === maxLines) {
			lines[maxLines - 1] = lines[maxLines - 1].replace(/.?$/, '…');
			return lines;
		}
	}
	if (current) lines.push(current);
	return lines.slice(0, maxLines);
}

/** Fields whose rows are sorts, statements or factors, for naming where a difference is. */
const ROWS: Record<string, 'sort' | 'statement' | 'factor'> = {
	loadings: 'sort',
	flagged: 'sort',
	zScores: 'statement',
	factorArrays: 'statement',
	eigenvalues: 'factor',
	explainedVariance: 'factor'
};

/**
 * One line for a field in which two results differ, e.g. "ladingen: 3 waarden, grootste verschil 0.0012
 * (sortering P12, F2)"; `t` is the i18n lookup. Differences are shown with 2 significant digits.
 */
export function differenceText(
	difference: FieldDifference,
	result: AnalysisResult,
	t: (key: string, params?: Record<string, string | number>) => string
): string {
	const fieldKey = `an.diff.field.${difference.field}`;
	const fieldName = t(fieldKey) === fieldKey ? difference.field : t(fieldKey);
	const [row, column] = difference.at;
	let where = '';
	const rows = ROWS[difference.field];
	if (rows === 'factor' && typeof row === 'number') where = t('an.diff.atFactor', { f: row + 1 });
	else if (rows && typeof row === 'number' && typeof column === 'number') {
		const name = rows === 'sort' ? (result.sortIds[row] ?? String(row + 1)) : String(row + 1);
		where = t(rows === 'sort' ? 'an.diff.atSort' : 'an.diff.atStatement', { name, f: column + 1 });
	}
	const text =
		difference.largest === null
			? t('an.diff.changed', { field: fieldName, count: difference.count })
			: t('an.diff.numbers', { field: fieldName, count: difference.count, largest: difference.largest.toPrecision(2) });
	return where ? `${text} (${where})` : text;
}
