import { writeDat, writeSta } from '../../src/lib/qmethod/io/pqmethod.js';
import { pickText } from '../studies/texts.js';
import type { QuoteSource } from '../../src/lib/api/types/interpretations.js';
import { toCsv } from './csv.js';
import { datIds, toAscii, type ExportData } from './study-data.js';

type SortList = ExportData['sorts'];

function sortMatrix(data: ExportData, sorts: SortList): number[][] {
	return sorts.map((sort) => data.qset.map((s) => sort.placements[s.code]!));
}

/**
 * The .DAT distribution line: the grid's columns when they hold exactly one place per statement
 * (always so for a forced grid); for a free grid that does not, the values of the first sort.
 */
function distribution(data: ExportData, sorts: SortList): number[] {
	const places = data.study.grid.flatMap((c) => Array<number>(c.capacity).fill(c.value));
	if (places.length === data.qset.length || sorts.length === 0) return places;
	return data.qset.map((s) => sorts[0]!.placements[s.code]!).sort((a, b) => a - b);
}

/** PQMethod .DAT (fixed-width, CRLF) written by the engine's writer; title and ids in ASCII. */
export function datFile(data: ExportData, sorts: SortList): string {
	return writeDat({
		title: toAscii(pickText(data.study.title, [data.language, ...data.study.languages])),
		sortIds: datIds(sorts.map((s) => s.label)),
		sorts: sortMatrix(data, sorts),
		distribution: distribution(data, sorts)
	});
}

/** PQMethod .STA: one statement per line in statement order, ASCII, cut to PQMethod's 60 characters. */
export function staFile(data: ExportData): string {
	return writeSta(data.qset.map((s) => toAscii(pickText(s.text, [data.language, ...data.study.languages]))));
}

/** Sorts as CSV, one row per sort: `sort,<statement codes>` (the layout of lipset.csv). */
export function sortsCsv(data: ExportData, sorts: SortList): string {
	const matrix = sortMatrix(data, sorts);
	return toCsv(
		['sort', ...data.qset.map((s) => s.code)],
		sorts.map((s, i) => [s.label, ...matrix[i]!])
	);
}

/** Statements as CSV `code,nl,en` (the study's languages), readable by the statements import. */
export function statementsCsv(data: ExportData): string {
	const languages = data.study.languages;
	const rows = data.study.statements
		.filter((s) => s.inQset)
		.map((s) => [s.code, ...languages.map((l) => s.text[l] ?? '')]);
	return toCsv(['code', ...languages], rows);
}

/** One answer as text: several choices joined with "; ", a declined question as "(declined)". */
export function answerText(value: unknown): string {
	if (value === undefined) return '';
	if (value === null) return '(declined)';
	if (Array.isArray(value)) return value.map(String).join('; ');
	if (typeof value === 'object') {
		if ((value as { declined?: unknown }).declined === true) return '(declined)';
		return JSON.stringify(value);
	}
	return String(value);
}

/** Answers as CSV: one row per sort, one column per question key, plus source and exclusion. */
export function answersCsv(data: ExportData, sorts: SortList): string {
	const keys = data.study.questions.map((q) => q.key);
	const header = ['sort', 'source', 'synthetic', 'excluded', 'exclusion_reason', 'submitted_at', ...keys];
	const rows = sorts.map((s) => [
		s.label,
		s.source,
		String(s.synthetic),
		String(s.excluded),
		s.exclusionReason ?? '',
		s.submittedAt,
		...keys.map((k) => answerText(s.answers[k]))
	]);
	return toCsv(header, rows);
}

export interface CommentRow {
	sort: string;
	statement: string;
	kind: QuoteSource;
	text: string;
}

/** Participants' comments and interviewer notes in long form: one row per text (statement empty = whole sort). */
export function commentRows(sorts: SortList): CommentRow[] {
	const rows: CommentRow[] = [];
	for (const sort of sorts) {
		for (const [statement, text] of Object.entries(sort.comments))
			rows.push({ sort: sort.label, statement, kind: 'comment', text });
		const notes = sort.interviewerNotes;
		if (notes.sort) rows.push({ sort: sort.label, statement: '', kind: 'interviewer_note', text: notes.sort });
		for (const [statement, text] of Object.entries(notes.statements ?? {}))
			rows.push({ sort: sort.label, statement, kind: 'interviewer_note', text });
	}
	return rows;
}

export function commentsCsv(sorts: SortList): string {
	return toCsv(
		['sort', 'statement', 'kind', 'text'],
		commentRows(sorts).map((r) => [r.sort, r.statement, r.kind, r.text])
	);
}
