import { csvField } from '../../src/lib/qmethod/io/csv.js';

// The one writer of every CSV file the app hands out (study exports, codes, dialogue reactions). They are
// opened in spreadsheets, which run a cell that starts with =, +, - or @ (or a tab or carriage return
// before one) as a formula: `=HYPERLINK(…)` in a comment would become a live link. Such a text gets a
// leading apostrophe, the usual neutraliser (OWASP "CSV injection"); plain numbers such as -3 stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: formulas neutralised, then quoted where CSV needs it. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
	return csvField(text);
}

/** A whole file: a header row and data rows, each line ended by `eol` (the last one too). */
export function toCsv(
	header: readonly CsvValue[],
	rows: readonly (readonly CsvValue[])[],
	eol: '\n' | '\r\n' = '\n'
): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join(eol) + eol;
}
