import { QMethodInputError } from '../errors.js';
import type { QSortData } from '../types.js';

/**
 * Parses RFC 4180 CSV: comma-separated fields, optional double quotes, `""` inside quotes, line
 * ends CRLF or LF (also inside quoted fields). A final line end and blank lines are ignored.
 * @throws QMethodInputError invalid_file (unterminated quote, text after a closing quote)
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let index = 0;
	let line = 1;
	let quotedField = false;
	const endField = () => {
		row.push(field);
		field = '';
		quotedField = false;
	};
	const endRow = () => {
		endField();
		if (!(row.length === 1 && row[0] === '')) rows.push(row);
		row = [];
	};
	while (index < text.length) {
		const char = text[index];
		if (char === '"' && field === '' && !quotedField) {
			const start = line;
			index++;
			for (;;) {
				if (index >= text.length) throw new QMethodInputError('invalid_file', `CSV line ${start}: a quoted field is not closed`);
				const inner = text[index];
				if (inner === '"') {
					if (text[index + 1] === '"') {
						field += '"';
						index += 2;
						continue;
					}
					index++;
					break;
				}
				if (inner === '\n') line++;
				field += inner;
				index++;
			}
			quotedField = true;
			const next = text[index];
			if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
				throw new QMethodInputError('invalid_file', `CSV line ${line}: unexpected text after a closing quote`);
			}
			continue;
		}
		if (char === ',') endField();
		else if (char === '\r' || char === '\n') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			endRow();
			line++;
		} else {
			let end = index + 1;
			while (end < text.length) {
				const next = text.charCodeAt(end);
				if (next === 44 || next === 10 || next === 13) break;
				end++;
			}
			field += text.slice(index, end);
			index = end;
			continue;
		}
		index++;
	}
	if (field !== '' || row.length || quotedField) endRow();
	return rows;
}

/**
 * Reads Q-sorts from CSV with one row per sort: header `sort,S01,S02,…` (any statement codes),
 * then `id,value,value,…` (reference/lipset/FORMAT.md). Values are left as parsed numbers; the
 * engine's validation checks integers and grid. Forced data with the distribution of the first
 * sort unless the caller says otherwise.
 * @throws QMethodInputError invalid_file
 */
export function parseSortsCsv(text: string): QSortData {
	const rows = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (rows.length < 2) throw new QMethodInputError('invalid_file', 'the Q-sort CSV needs a header row and at least one Q-sort');
	const [header, ...body] = rows;
	const statementCodes = header.slice(1).map((code) => code.trim());
	if (statementCodes.length === 0) throw new QMethodInputError('invalid_file', 'the CSV header lists no statements');
	if (statementCodes.some((code) => code === '')) throw new QMethodInputError('invalid_file', 'the CSV header has an empty statement code');
	const sortIds: string[] = [];
	const sorts: number[][] = [];
	body.forEach((row, index) => {
		const lineNumber = index + 2;
		if (row.length !== header.length) {
			throw new QMethodInputError('invalid_file', `CSV row ${lineNumber}: ${row.length - 1} values, expected ${statementCodes.length}`);
		}
		const id = row[0].trim();
		if (!id) throw new QMethodInputError('invalid_file', `CSV row ${lineNumber}: the Q-sort id is empty`);
		sortIds.push(id);
		sorts.push(
			row.slice(1).map((cell, s) => {
				const trimmed = cell.trim();
				if (!/^[+-]?\d+(\.\d+)?$/.test(trimmed)) {
					throw new QMethodInputError('invalid_file', `CSV row ${lineNumber}, ${statementCodes[s]}: "${trimmed}" is not a number`);
				}
				return Number(trimmed);
			})
		);
	});
	return { statementCodes, sortIds, sorts, forced: true };
}

export interface StatementRecord {
	code: string;
	text: string;
}

/**
 * Reads statements from CSV with header `code,text` (RFC 4180).
 * @throws QMethodInputError invalid_file
 */
export function parseStatementsCsv(text: string): StatementRecord[] {
	const rows = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	const header = rows[0]?.map((cell) => cell.trim().toLowerCase());
	if (!header || header[0] !== 'code' || header[1] !== 'text') {
		throw new QMethodInputError('invalid_file', 'the statements CSV must start with the header "code,text"');
	}
	const codes = new Set<string>();
	return rows.slice(1).map((row, index) => {
		if (row.length !== 2) throw new QMethodInputError('invalid_file', `statements CSV row ${index + 2}: expected 2 fields, got ${row.length}`);
		const code = row[0].trim();
		if (!code || codes.has(code)) throw new QMethodInputError('invalid_file', `statements CSV row ${index + 2}: missing or repeated code "${code}"`);
		codes.add(code);
		return { code, text: row[1] };
	});
}

/** One CSV field, quoted when it contains a comma, quote or line end (RFC 4180). */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes Q-sorts as CSV `sort,<codes>` with one row per sort (LF line ends). */
export function writeSortsCsv(data: { statementCodes: readonly string[]; sortIds: readonly string[]; sorts: ReadonlyArray<ArrayLike<number>> }): string {
	const lines = [['sort', ...data.statementCodes].map(csvField).join(',')];
	data.sorts.forEach((sort, i) => lines.push([csvField(data.sortIds[i]), ...Array.from(sort, String)].join(',')));
	return lines.join('\n') + '\n';
}

/** Writes statements as CSV `code,text`, text always quoted (as statements.csv). */
export function writeStatementsCsv(statements: readonly StatementRecord[]): string {
	const lines = ['code,text', ...statements.map(({ code, text }) => `${csvField(code)},"${text.replace(/"/g, '""')}"`)];
	return lines.join('\n') + '\n';
}

/** Writes the analysis result as JSON text (full precision, 2-space indent, final newline). */
export function writeJson(value: unknown): string {
	return JSON.stringify(value, null, 2) + '\n';
}
