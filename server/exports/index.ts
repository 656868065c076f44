import { writeJson } from '../../src/lib/qmethod/io/csv.js';
import { answersCsv, commentsCsv, datFile, sortsCsv, staFile, statementsCsv } from './files.js';
import type { ExportData } from './study-data.js';
import { xlsxFile } from './xlsx.js';
// The formats are part of the API (the export route's querystring): listed once, in src/lib/api/types.
import type { ExportFormat } from '../../src/lib/api/types/study-requests.js';

export interface ExportFile {
	body: string | Buffer;
	contentType: string;
	filename: string;
}

export interface ExportOptions {
	/** Sorts excluded from analysis are left out of dat/csv/answers/comments unless asked for; json and xlsx keep them, flagged. */
	includeExcluded: boolean;
	/** The language the Excel workbook's sheet and column names are in (the page's); default: the study's export language. */
	sheetLanguage?: string;
}

/** Builds one export file of a study. */
export async function buildExport(
	data: ExportData,
	format: ExportFormat,
	{ includeExcluded, sheetLanguage }: ExportOptions
): Promise<ExportFile> {
	const slug = data.study.slug;
	const selected = includeExcluded ? data.sorts : data.sorts.filter((s) => !s.excluded);
	const csv = 'text/csv; charset=utf-8';
	switch (format) {
		case 'dat':
			return { body: datFile(data, selected), contentType: 'text/plain; charset=us-ascii', filename: `${slug}.dat` };
		case 'sta':
			return { body: staFile(data), contentType: 'text/plain; charset=us-ascii', filename: `${slug}.sta` };
		case 'csv':
			return { body: sortsCsv(data, selected), contentType: csv, filename: `${slug}-sorts.csv` };
		case 'answers-csv':
			return { body: answersCsv(data, selected), contentType: csv, filename: `${slug}-answers.csv` };
		case 'comments-csv':
			return { body: commentsCsv(selected), contentType: csv, filename: `${slug}-comments.csv` };
		case 'statements-csv':
			return { body: statementsCsv(data), contentType: csv, filename: `${slug}-statements.csv` };
		case 'json':
			return {
				body: writeJson({
					format: 'standpunt-study',
					version: 1,
					exportedAt: new Date().toISOString(),
					study: data.study,
					sorts: data.sorts
				}),
				contentType: 'application/json; charset=utf-8',
				filename: `${slug}.json`
			};
		case 'xlsx':
			return {
				body: await xlsxFile(data, sheetLanguage ?? data.language),
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				filename: `${slug}.xlsx`
			};
	}
}
