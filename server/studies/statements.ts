import type { Kysely, Updateable } from 'kysely';
import type { StatementDto, ThemeCount } from '../../src/lib/api/types/studies.js';
import type { StatementInput, StatementPatch } from '../../src/lib/api/types/study-requests.js';
import type { Database, StatementsTable, Study } from '../db/schema.js';
import { AppError } from '../errors.js';
import { statementRowToDto } from './dto.js';
import { assertDesignUnlocked, withStudyLock } from './locks.js';
import {
	deleteStatementRow,
	findStatement,
	insertStatements,
	setStatementPositions,
	statementCodes,
	statementRows,
	updateStatementRow
} from './statements-repository.js';
import { toLocalized } from './texts.js';

export const STATEMENT_CODE = /^[A-Za-z0-9_.-]{1,20}$/;

/** 422 unless every code has the allowed form and none repeats. */
export function assertStatementCodes(codes: readonly string[]): void {
	const bad = codes.filter((c) => !STATEMENT_CODE.test(c));
	if (bad.length) {
		throw new AppError(
			422,
			'STATEMENT_CODE_INVALID',
			'Statement codes are 1–20 letters, digits, dots, dashes or underscores.',
			{ codes: bad }
		);
	}
	const seen = new Set<string>();
	const duplicates = codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
	if (duplicates.length) {
		throw new AppError(
			422,
			'DUPLICATE_STATEMENT_CODES',
			`Statement codes must be unique: ${[...new Set(duplicates)].join(', ')}.`,
			{
				codes: [...new Set(duplicates)]
			}
		);
	}
}

/** `count` fresh codes S01, S02, … after the highest S-number in use (three digits from S100 on). */
export function nextCodes(existing: readonly string[], count: number): string[] {
	let highest = 0;
	for (const code of existing) {
		const match = /^S(\d+)$/.exec(code);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	const codes: string[] = [];
	for (let n = highest + 1; codes.length < count; n++) {
		const code = `S${String(n).padStart(2, '0')}`;
		if (!existing.includes(code)) codes.push(code);
	}
	return codes;
}

export function cleanThemes(themes: string[] | undefined): string[] {
	return [...new Set((themes ?? []).map((t) => t.trim()).filter(Boolean))];
}

export async function listStatements(db: Kysely<Database>, studyId: string): Promise<StatementDto[]> {
	return (await statementRows(db, studyId)).map(statementRowToDto);
}

/** How many statements carry each theme, in the Q-set and in the concourse (to balance the Q-set). */
export function themeCounts(statements: readonly StatementDto[]): ThemeCount[] {
	const counts = new Map<string, ThemeCount>();
	for (const statement of statements) {
		for (const theme of statement.themes) {
			const entry = counts.get(theme) ?? { theme, qset: 0, concourse: 0 };
			if (statement.inQset) entry.qset++;
			else entry.concourse++;
			counts.set(theme, entry);
		}
	}
	return [...counts.values()].sort((a, b) => a.theme.localeCompare(b.theme));
}

/** Adds statements at the end; statements going into the Q-set need an unlocked study (409 STUDY_LOCKED). */
async function addStatementsLocked(
	db: Kysely<Database>,
	study: Study,
	items: readonly StatementInput[]
): Promise<StatementDto[]> {
	if (items.length === 0) return [];
	if (items.some((s) => s.inQset !== false)) await assertDesignUnlocked(db, study.id, 'The Q-set');
	const existing = await statementCodes(db, study.id);
	const generated = nextCodes(
		[...existing.map((s) => s.code), ...items.flatMap((s) => (s.code ? [s.code.trim()] : []))],
		items.length
	);
	const codes = items.map((s, i) => s.code?.trim() || generated[i]!);
	assertStatementCodes([...existing.map((s) => s.code), ...codes]);
	const start = existing.reduce((max, s) => Math.max(max, s.position), 0) + 1;
	const texts = items.map((s) => toLocalized(s.text, study.languages));
	if (texts.some((t) => Object.keys(t).length === 0)) {
		throw new AppError(422, 'STATEMENT_TEXT_EMPTY', 'Every statement needs a text in at least one language.');
	}
	const rows = await insertStatements(
		db,
		items.map((s, i) => ({
			study_id: study.id,
			code: codes[i]!,
			text: JSON.stringify(texts[i]),
			themes: JSON.stringify(cleanThemes(s.themes)),
			in_qset: s.inQset !== false,
			position: start + i
		}))
	);
	return rows.map(statementRowToDto);
}

/** Splits pasted text into statements: one per non-empty line, surrounding spaces and list bullets removed. */
export function splitLines(text: string): string[] {
	return text
		.split(/\r\n|\r|\n/)
		.map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
		.filter(Boolean);
}

const statementNotFound = () => new AppError(404, 'STATEMENT_NOT_FOUND', 'There is no such statement in this study.');

/**
 * Edits one statement. Themes can always change; code and text of a Q-set statement, and moving a
 * statement into or out of the Q-set, need an unlocked study. Text given per language is merged.
 */
async function updateStatementLocked(
	db: Kysely<Database>,
	study: Study,
	statementId: string,
	patch: StatementPatch
): Promise<StatementDto> {
	const row = await findStatement(db, study.id, statementId);
	if (!row) throw statementNotFound();
	const changesQset =
		(patch.inQset !== undefined && patch.inQset !== row.in_qset) ||
		(row.in_qset && ((patch.code !== undefined && patch.code !== row.code) || patch.text !== undefined));
	if (changesQset) await assertDesignUnlocked(db, study.id, 'The Q-set');
	const values: Updateable<StatementsTable> = {};
	if (patch.code !== undefined && patch.code !== row.code) {
		const others = await statementCodes(db, study.id, row.id);
		assertStatementCodes([...others.map((o) => o.code), patch.code]);
		values.code = patch.code;
	}
	if (patch.text !== undefined) {
		const merged =
			typeof patch.text === 'string' ? toLocalized(patch.text, study.languages) : { ...row.text, ...patch.text };
		const text = toLocalized(merged, study.languages);
		if (Object.keys(text).length === 0)
			throw new AppError(422, 'STATEMENT_TEXT_EMPTY', 'A statement needs a text in at least one language.');
		values.text = JSON.stringify(text);
	}
	if (patch.themes !== undefined) values.themes = JSON.stringify(cleanThemes(patch.themes));
	if (patch.inQset !== undefined) values.in_qset = patch.inQset;
	if (Object.keys(values).length === 0) return statementRowToDto(row);
	return statementRowToDto(await updateStatementRow(db, row.id, values));
}

export async function deleteStatement(db: Kysely<Database>, study: Study, statementId: string): Promise<void> {
	const row = await findStatement(db, study.id, statementId);
	if (!row) throw statementNotFound();
	if (row.in_qset) await assertDesignUnlocked(db, study.id, 'The Q-set');
	await deleteStatementRow(db, row.id);
}

/** Puts the statements in the given order; `ids` must name every statement of the study exactly once. */
export async function reorderStatements(
	db: Kysely<Database>,
	study: Study,
	ids: readonly string[]
): Promise<StatementDto[]> {
	const rows = await statementCodes(db, study.id);
	const known = new Set(rows.map((r) => r.id));
	if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
		throw new AppError(422, 'ORDER_INVALID', 'The new order must list every statement of the study exactly once.');
	}
	await assertDesignUnlocked(db, study.id, 'The order of the Q-set');
	await db.transaction().execute((trx) => setStatementPositions(trx, ids));
	return listStatements(db, study.id);
}

/** {@link addStatementsLocked} under the study's row lock, so that parallel requests cannot pick the same code or key. */
export function addStatements(
	db: Kysely<Database>,
	study: Study,
	items: readonly StatementInput[]
): Promise<StatementDto[]> {
	return withStudyLock(db, study.id, (trx) => addStatementsLocked(trx, study, items));
}

/** {@link updateStatementLocked} under the study's row lock, so that parallel requests cannot pick the same code or key. */
export function updateStatement(
	db: Kysely<Database>,
	study: Study,
	statementId: string,
	patch: StatementPatch
): Promise<StatementDto> {
	return withStudyLock(db, study.id, (trx) => updateStatementLocked(trx, study, statementId, patch));
}
