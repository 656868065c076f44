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
