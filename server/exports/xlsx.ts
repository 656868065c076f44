import type ExcelJS from 'exceljs';
import { pickText } from '../studies/texts.js';
import { answerText, commentRows } from './files.js';
import type { ExportData } from './study-data.js';
import { newWorkbook } from './workbook.js';

/**
 * An Excel workbook with the sheets statements, sorts, answers and comments. The sorts sheet has one row
 * per sort and one column per statement code (as the CSV), plus source and exclusion columns at the end.
 */
export async function xlsxFile(data: ExportData): Promise<Buffer> {
	const workbook = await newWorkbook();
	const languages = data.study.languages;
	const bold = (sheet: ExcelJS.Worksheet) => {
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
	};

	const statements = workbook.addWorksheet('statements');
	statements.addRow(['number', 'code', ...languages, 'themes', 'in_qset']);
	data.study.statements.forEach((s) => {
		const number = s.inQset ? data.qset.indexOf(s) + 1 : null;
		statements.addRow([number, s.code, ...languages.map((l) => s.text[l] ?? ''), s.themes.join('; '), s.inQset]);
	});
	bold(statements);

	const sorts = workbook.addWorksheet('sorts');
	sorts.addRow(['sort', ...data.qset.map((s) => s.code), 'source', 'synthetic', 'excluded', 'exclusion_reason', 'submitted_at']);
	for (const sort of data.sorts) {
		sorts.addRow([sort.label, ...data.qset.map((s) => sort.placements[s.code]), sort.source, sort.synthetic, sort.excluded, sort.exclusionReason ?? '', sort.submittedAt]);
	}
	bold(sorts);

	const answers = workbook.addWorksheet('answers');
	const questions = data.study.questions;
	answers.addRow(['sort', ...questions.map((q) => q.key)]);
	answers.addRow(['(question)', ...questions.map((q) => pickText(q.prompt, [data.language, ...languages]))]);
	for (const sort of data.sorts) answers.addRow([sort.label, ...questions.map((q) => answerText(sort.answers[q.key]))]);
	bold(answers);

	const comments = workbook.addWorksheet('comments');
	comments.addRow(['sort', 'statement', 'kind', 'text']);
	for (const row of commentRows(data.sorts)) comments.addRow([row.sort, row.statement, row.kind, row.text]);
	bold(comments);

	return Buffer.from(await workbook.xlsx.writeBuffer());
}
