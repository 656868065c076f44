import type ExcelJS from 'exceljs';

/**
 * A new Excel workbook. exceljs and its dependencies take about half a second to load, so they are
 * imported here on the first Excel export, not when the server starts.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
	const { default: excel } = await import('exceljs');
	const workbook = new excel.Workbook();
	workbook.creator = 'Standpunt';
	return workbook;
}

export type Cell = string | number | null;
export type Rows = Cell[][];

/** A number rounded to `digits` decimals for a cell; NaN and ±Infinity become an empty cell. */
export const round = (value: number, digits = 4): number | null =>
	Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

/** Adds a sheet of rows, the first row as a bold header. Numbers stay numbers. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Rows, widths?: number[]): void {
	const sheet = workbook.addWorksheet(name.slice(0, 31));
	for (const row of rows) sheet.addRow(row);
	if (rows.length) sheet.getRow(1).font = { bold: true };
	(widths ?? []).forEach((width, c) => (sheet.getColumn(c + 1).width = width));
}
