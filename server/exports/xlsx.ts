import type ExcelJS from 'exceljs';
import { pickText } from '../studies/texts.js';
import { answerText, commentRows } from './files.js';
import type { ExportData } from './study-data.js';
import { newWorkbook } from './workbook.js';

/** Sheet and column names of the study workbook, in the language it is downloaded in. */
const LABELS = {
	en: {
		statements: 'statements',
		sorts: 'sorts',
		answers: 'answers',
		comments: 'comments',
		number: 'number',
		code: 'code',
		themes: 'themes',
		inQset: 'in_qset',
		sort: 'sort',
		source: 'source',
		synthetic: 'synthetic',
		excluded: 'excluded',
		reason: 'exclusion_reason',
		submitted: 'submitted_at',
		question: '(question)',
		statement: 'statement',
		kind: 'kind',
		text: 'text'
	},
	nl: {
		statements: 'stellingen',
		sorts: 'sorteringen',
		answers: 'antwoorden',
		comments: 'toelichtingen',
		number: 'nummer',
		code: 'code',
		themes: 'themas',
		inQset: 'in_qset',
		sort: 'sortering',
		source: 'bron',
		synthetic: 'synthetisch',
		excluded: 'uitgesloten',
		reason: 'reden_uitsluiting',
		submitted: 'ingeleverd_op',
		question: '(vraag)',
		statement: 'stelling',
		kind: 'soort',
		text: 'tekst'
	}
} as const;

/**
 * An Excel workbook with the sheets statements, sorts, answers and comments (named in `sheetLanguage`, Dutch or
 * English). The sorts sheet has one row per sort and one column per statement code (as the CSV), plus source and
 * exclusion columns at the end.
 */
export async function xlsxFile(data: ExportData, sheetLanguage: string): Promise<Buffer> {
	const L = sheetLanguage === 'nl' ? LABELS.nl : LABELS.en;
	const workbook = await newWorkbook();
	const languages = data.study.languages;
	const bold = (sheet: ExcelJS.Worksheet) => {
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
	};

	const statements = workbook.addWorksheet(L.statements);
	statements.addRow([L.number, L.code, ...languages, L.themes, L.inQset]);
	data.study.statements.forEach((s) => {
		const number = s.inQset ? data.qset.indexOf(s) + 1 : null;
		statements.addRow([number, s.code, ...languages.map((l) => s.text[l] ?? ''), s.themes.join('; '), s.inQset]);
	});
	bold(statements);

	const sorts = workbook.addWorksheet(L.sorts);
	sorts.addRow([L.sort, ...data.qset.map((s) => s.code), L.source, L.synthetic, L.excluded, L.reason, L.submitted]);
	for (const sort of data.sorts) {
		sorts.addRow([
			sort.label,
			...data.qset.map((s) => sort.placements[s.code]),
			sort.source,
			sort.synthetic,
			sort.excluded,
			sort.exclusionReason ?? '',
			sort.submittedAt
		]);
	}
	bold(sorts);

	const answers = workbook.addWorksheet(L.answers);
	const questions = data.study.questions;
	answers.addRow([L.sort, ...questions.map((q) => q.key)]);
	answers.addRow([L.question, ...questions.map((q) => pickText(q.prompt, [data.language, ...languages]))]);
	for (const sort of data.sorts) answers.addRow([sort.label, ...questions.map((q) => answerText(sort.answers[q.key]))]);
	bold(answers);

	const comments = workbook.addWorksheet(L.comments);
	comments.addRow([L.sort, L.statement, L.kind, L.text]);
	for (const row of commentRows(data.sorts)) comments.addRow([row.sort, row.statement, row.kind, row.text]);
	bold(comments);

	return Buffer.from(await workbook.xlsx.writeBuffer());
}
