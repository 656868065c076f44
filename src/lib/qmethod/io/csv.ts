import { QMethodInputError } from '../errors.js';
import type { QSortData } from '../types.js';

/**
 * Parses RFC 4180 CSV: comma-separated (or, with `delimiter: ';'`, semicolon-separated) fields, optional double quotes, `""` inside quotes, line
 * ends CRLF or LF (also inside quoted fields). A final line end and blank lines are ignored.
 * @throws QMethodInputError invalid_file (unterminated quote, text after a closing quote), with its `line`
 */
export function parseCsv(text: string, options: { delimiter?: ',' | ';' } = {}): string[][] {
	const delimiter = options.delimiter ?? ',';
	const delimiterCode = delimiter.charCodeAt(0);
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
				if (index >= text.length)
					throw new QMethodInputError('invalid_file', `CSV line ${start}: a quoted field is not closed`, start);
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
			if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
				throw new QMethodInputError('invalid_file', `CSV line ${line}: unexpected text after a closing quote`, line);
			}
			continue;
		}
		if (char === delimiter) endField();
		else if (char === '\r' || char === '\n') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			endRow();
			line++;
		} else {
			let end = index + 1;
			while (end < text.length) {
				const next = text.charCodeAt(end);
				if (next === delimiterCode || next === 10 || next === 13) break;
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
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const firstLineEnd = source.search(/\r|\n/);
	const headerLine = firstLineEnd < 0 ? source : source.slice(0, firstLineEnd);
	const header = source.includes('"') ? (parseCsv(headerLine)[0] ?? ['']) : headerLine.split(',');
	const statementCodes = header.slice(1).map((code) => code.trim());
	if (statementCodes.length === 0) throw new QMethodInputError('invalid_file', 'the CSV header lists no statements');
	if (statementCodes.some((code) => code === ''))
		throw new QMethodInputError('invalid_file', 'the CSV header has an empty statement code');
	// Unquoted files (the usual case) are scanned without splitting into cell strings.
	const parsed = source.includes('"') ? null : scanUnquoted(source, statementCodes.length);
	const rows =
		parsed ??
		parseCsv(source)
			.slice(1)
			.map((row) => ({ id: row[0], cells: row.slice(1) }));
	if (rows.length < 1)
		throw new QMethodInputError('invalid_file', 'the Q-sort CSV needs a header row and at least one Q-sort');
	const m = statementCodes.length;
	const sortIds: string[] = [];
	const sorts: Float64Array[] = [];
	rows.forEach((row, index) => {
		const lineNumber = index + 2;
		if ('values' in row) {
			sortIds.push(checkedId(row.id, lineNumber));
			sorts.push(row.values);
			return;
		}
		if (row.cells.length !== m) {
			throw new QMethodInputError('invalid_file', `CSV row ${lineNumber}: ${row.cells.length} values, expected ${m}`);
		}
		sortIds.push(checkedId(row.id, lineNumber));
		const values = new Float64Array(m);
		for (let s = 0; s < m; s++) {
			const value = parseNumberCell(row.cells[s]);
			if (Number.isNaN(value)) {
				throw new QMethodInputError(
					'invalid_file',
					`CSV row ${lineNumber}, ${statementCodes[s]}: "${row.cells[s].trim()}" is not a number`
				);
			}
			values[s] = value;
		}
		sorts.push(values);
	});
	return { statementCodes, sortIds, sorts, forced: true };
}

function checkedId(raw: string, lineNumber: number): string {
	const id = raw.trim();
	if (!id) throw new QMethodInputError('invalid_file', `CSV row ${lineNumber}: the Q-sort id is empty`);
	return id;
}

type ScannedRow = { id: string; values: Float64Array } | { id: string; cells: string[] };

/**
 * Reads the data rows of an unquoted CSV by character codes: plain integers are parsed in
 * place; a row with anything else is kept as cells for the careful path (and its messages).
 */
function scanUnquoted(text: string, m: number): ScannedRow[] {
	const rows: ScannedRow[] = [];
	const length = text.length;
	let index = text.search(/\r|\n/);
	if (index < 0) return rows;
	while (index < length) {
		let code = text.charCodeAt(index);
		while (index < length && (code === 10 || code === 13)) code = text.charCodeAt(++index);
		if (index >= length) break;
		const lineStart = index;
		while (index < length && code !== 44 && code !== 10 && code !== 13) code = text.charCodeAt(++index);
		const id = text.slice(lineStart, index);
		const values = new Float64Array(m);
		let field = 0;
		let simple = true;
		while (simple && code === 44) {
			code = text.charCodeAt(++index);
			let sign = 1;
			if (code === 45) {
				sign = -1;
				code = text.charCodeAt(++index);
			}
			let digits = 0;
			let value = 0;
			while (code >= 48 && code <= 57) {
				value = value * 10 + code - 48;
				digits++;
				code = text.charCodeAt(++index);
			}
			if (digits === 0 || field >= m || (code !== 44 && code !== 10 && code !== 13 && index < length)) simple = false;
			else values[field++] = sign * value;
		}
		if (simple && field === m) {
			rows.push({ id, values });
			continue;
		}
		while (index < length && code !== 10 && code !== 13) code = text.charCodeAt(++index);
		rows.push({ id, cells: text.slice(lineStart, index).split(',').slice(1) });
	}
	return rows;
}

/** A decimal number cell (`-2`, ` 3 `, `+1`, `0.5`); NaN for anything else (empty, hex, exponent). */
function parseNumberCell(cell: string): number {
	let start = 0;
	let end = cell.length;
	while (start < end && cell.charCodeAt(start) === 32) start++;
	while (end > start && cell.charCodeAt(end - 1) === 32) end--;
	let index = start;
	let sign = 1;
	const first = cell.charCodeAt(index);
	if (first === 45 || first === 43) {
		sign = first === 45 ? -1 : 1;
		index++;
	}
	if (index >= end) return NaN;
	let value = 0;
	for (; index < end; index++) {
		const digit = cell.charCodeAt(index) - 48;
		if (digit < 0 || digit > 9) break;
		value = value * 10 + digit;
	}
	if (index === end) return sign * value;
	return /^[+-]?\d+\.\d+$/.test(cell.slice(start, end)) ? Number(cell.slice(start, end)) : NaN;
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
		if (row.length !== 2)
			throw new QMethodInputError(
				'invalid_file',
				`statements CSV row ${index + 2}: expected 2 fields, got ${row.length}`
			);
		const code = row[0].trim();
		if (!code || codes.has(code))
			throw new QMethodInputError(
				'invalid_file',
				`statements CSV row ${index + 2}: missing or repeated code "${code}"`
			);
		codes.add(code);
		return { code, text: row[1] };
	});
}

/** One CSV field, quoted when it contains a comma, quote or line end (RFC 4180). */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes Q-sorts as CSV `sort,<codes>` with one row per sort (LF line ends). */
export function writeSortsCsv(data: {
	statementCodes: readonly string[];
	sortIds: readonly string[];
	sorts: ReadonlyArray<ArrayLike<number>>;
}): string {
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
