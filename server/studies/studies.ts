import type { Kysely } from 'kysely';
import type { StudyDetail, StudySummary } from '../../src/lib/api/types/studies.js';
import type { NewStudy, StudyPatch } from '../../src/lib/api/types/study-requests.js';
import type { Database, Study, StudyRole, StudyStatus, StudyUpdate } from '../db/schema.js';
import { countAnalyses } from '../analyses/repository.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { AppError } from '../errors.js';
import { countParticipants, deleteUnusedCodes } from '../participation/participants-repository.js';
import { assertGridFits, designProblems, normalizeGrid } from './design.js';
import { insertGridColumns, loadGrid } from './grid.js';
import { questionRowToDto, statementRowToDto, studyRowToSummary } from './dto.js';
import { assertDesignUnlocked } from './locks.js';
import { questionRows } from './questions.js';
import { countSorts } from './sorts-repository.js';
import { assertStatementCodes, cleanThemes, nextCodes } from './statements.js';
import { insertStatements, statementRows } from './statements-repository.js';
import {
	deleteStudyRow,
	insertMemberships,
	insertStudy,
	memberStudies,
	studyIdBySlug,
	updateStudyRow
} from './studies-repository.js';
import { toLocalized } from './texts.js';

// server/exports imports the detail under its server-side name.
export type { StudyDetail as StudyDetailDto };

const slugTaken = () =>
	new AppError(409, 'SLUG_TAKEN', 'Another study already uses this web address (slug); choose another.');

function uniqueLanguages(languages: string[]): string[] {
	return [...new Set(languages)];
}

async function assertSlugFree(db: Kysely<Database>, slug: string, exceptId?: string): Promise<void> {
	if (await studyIdBySlug(db, slug, exceptId)) throw slugTaken();
}

/** Creates a study owned by `ownerId` with its statements and grid, in one transaction. */
export async function createStudy(
	db: Kysely<Database>,
	ownerId: string,
	input: NewStudy
): Promise<{ id: string; slug: string }> {
	const languages = uniqueLanguages(input.languages);
	const statements = input.statements ?? [];
	const codes = nextCodes([], statements.length).map((generated, i) => statements[i]!.code?.trim() || generated);
	assertStatementCodes(codes);
	const grid = normalizeGrid(input.grid ?? []);
	const forced = input.gridForced ?? true;
	assertGridFits(grid, forced, statements.filter((s) => s.inQset !== false).length);
	await assertSlugFree(db, input.slug);
	return db.transaction().execute(async (trx) => {
		const study = await insertStudy(trx, {
			slug: input.slug,
			title: JSON.stringify(toLocalized(input.title, languages)),
			languages: JSON.stringify(languages),
			consent: JSON.stringify(toLocalized(input.consent, languages)),
			instructions: JSON.stringify(toLocalized(input.instructions, languages)),
			thank_you: JSON.stringify(toLocalized(input.thankYou, languages)),
			contact: JSON.stringify(toLocalized(input.contact, languages)),
			self_enrolment: input.selfEnrolment ?? false,
			grid_forced: forced
		});
		await insertMemberships(trx, [{ study_id: study.id, researcher_id: ownerId, role: 'owner' }]);
		await insertStatements(
			trx,
			statements.map((s, i) => ({
				study_id: study.id,
				code: codes[i]!,
				text: JSON.stringify(toLocalized(s.text, languages)),
				themes: JSON.stringify(cleanThemes(s.themes)),
				in_qset: s.inQset !== false,
				position: i + 1
			}))
		);
		await insertGridColumns(trx, study.id, grid);
		return study;
	});
}

/** The caller's studies (any role), newest first. */
export async function listStudies(db: Kysely<Database>, researcherId: string): Promise<StudySummary[]> {
	const rows = await memberStudies(db, researcherId);
	return rows.map(({ role, sortCount, ...study }) => studyRowToSummary(study, role, sortCount));
}

/** The whole design of a study as the researcher pages need it. */
export async function getStudyDetail(db: Kysely<Database>, study: Study, role: StudyRole): Promise<StudyDetail> {
	const [statements, grid, questions, sortCount] = await Promise.all([
		statementRows(db, study.id),
		loadGrid(db, study.id),
		questionRows(db, study.id),
		countSorts(db, study.id)
	]);
	const qset = statements.filter((s) => s.in_qset);
	return {
		...studyRowToSummary(study, role, sortCount),
		consent: study.consent,
		instructions: study.instructions,
		thankYou: study.thank_you,
		contact: study.contact,
		selfEnrolment: study.self_enrolment,
		gridForced: study.grid_forced,
		draftRetentionDays: study.draft_retention_days,
		locked: sortCount > 0,
		statements: statements.map(statementRowToDto),
		grid,
		questions: questions.map(questionRowToDto),
		problems: designProblems({
			languages: study.languages,
			title: study.title,
			consent: study.consent,
			instructions: study.instructions,
			forced: study.grid_forced,
			grid,
			qset,
			questions
		})
	};
}

/** Changes the study's own fields; 409 SLUG_TAKEN, 409 STUDY_LOCKED for forced/free once sorts exist. */
export async function updateStudy(db: Kysely<Database>, study: Study, patch: StudyPatch): Promise<void> {
	const languages = patch.languages ? uniqueLanguages(patch.languages) : study.languages;
	const values: StudyUpdate = {};
	if (patch.slug !== undefined && patch.slug !== study.slug) {
		await assertSlugFree(db, patch.slug, study.id);
		values.slug = patch.slug;
	}
	if (patch.languages) values.languages = JSON.stringify(languages);
	for (const [key, column] of [
		['title', 'title'],
		['consent', 'consent'],
		['instructions', 'instructions'],
		['thankYou', 'thank_you'],
		['contact', 'contact']
	] as const) {
		const value = patch[key];
		if (value !== undefined) values[column] = JSON.stringify(toLocalized(value, languages));
	}
	if (patch.selfEnrolment !== undefined) values.self_enrolment = patch.selfEnrolment;
	if (patch.draftRetentionDays !== undefined) values.draft_retention_days = patch.draftRetentionDays;
	if (patch.gridForced !== undefined && patch.gridForced !== study.grid_forced) {
		await assertDesignUnlocked(db, study.id, 'Whether the grid is forced');
		values.grid_forced = patch.gridForced;
	}
	if (Object.keys(values).length === 0) return;
	try {
		await updateStudyRow(db, study.id, values);
	} catch (error) {
		// Two requests racing for the same slug: the unique index decides.
		if (String((error as { code?: string }).code) === '23505') throw slugTaken();
		throw error;
	}
}

/** What the owner must type to delete a study: its address (slug) or its title in one of its languages. */
function confirmsStudy(study: Study, typed: string): boolean {
	const text = typed.trim();
	return text.length > 0 && (text === study.slug || Object.values(study.title).some((title) => title.trim() === text));
}

/**
 * Deletes a study with everything that belongs to it (the foreign keys cascade: members, statements,
 * grid, questions, codes, drafts, sorts, withdrawals, analyses, interpretations, dialogue sessions,
 * attendees and reactions). Its audit trail stays, with the deletion as its last entry, in the same
 * transaction. 422 CONFIRMATION_MISMATCH unless `typed` is the study's slug or title.
 */
export async function deleteStudy(db: Kysely<Database>, study: Study, typed: string, actor: AuditActor): Promise<void> {
	if (!confirmsStudy(study, typed)) {
		throw new AppError(
			422,
			'CONFIRMATION_MISMATCH',
			`Type the study's name or address (${study.slug}) exactly to delete it.`
		);
	}
	await db.transaction().execute(async (trx) => {
		const sorts = await countSorts(trx, study.id);
		const codes = await countParticipants(trx, study.id);
		const analyses = await countAnalyses(trx, study.id);
		// Recorded first, while the study's slug and owners can still be read into the row.
		await recordAudit(trx, {
			studyId: study.id,
			actor,
			action: 'study.delete',
			details: { sorts, codes, analyses }
		});
		await deleteStudyRow(trx, study.id);
	});
}

const ALLOWED: Record<StudyStatus, StudyStatus[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };

export interface StatusChangeOptions {
	/** On closing: delete the codes nobody has used (status new: no draft, no sort). */
	removeUnusedCodes?: boolean;
}

/**
 * draft → open → closed, and closed → open again; opening checks the design (422 STUDY_DESIGN_INVALID).
 * The change (and the number of unused codes removed on closing) goes into the audit trail.
 */
export async function changeStatus(
	db: Kysely<Database>,
	study: Study,
	role: StudyRole,
	status: StudyStatus,
	actor: AuditActor,
	options: StatusChangeOptions = {}
): Promise<{ status: StudyStatus; removedCodes: number }> {
	if (options.removeUnusedCodes && status !== 'closed') {
		throw new AppError(422, 'REMOVE_CODES_ONLY_ON_CLOSE', 'Unused codes can only be removed when the study is closed.');
	}
	if (status === study.status && !options.removeUnusedCodes) return { status, removedCodes: 0 };
	if (status !== study.status && !ALLOWED[study.status].includes(status)) {
		throw new AppError(409, 'INVALID_STATUS_CHANGE', `A ${study.status} study cannot become ${status}.`);
	}
	if (status === 'open') {
		const { problems } = await getStudyDetail(db, study, role);
		if (problems.length > 0) {
			throw new AppError(
				422,
				'STUDY_DESIGN_INVALID',
				`The study cannot open yet: ${problems.map((p) => p.message).join(' ')}`,
				{ problems }
			);
		}
	}
	return db.transaction().execute(async (trx) => {
		if (status !== study.status) {
			await updateStudyRow(trx, study.id, { status });
			await recordAudit(trx, {
				studyId: study.id,
				actor,
				action: 'study.status',
				details: { from: study.status, to: status }
			});
		}
		let removedCodes = 0;
		if (options.removeUnusedCodes) {
			removedCodes = await deleteUnusedCodes(trx, study.id);
			await recordAudit(trx, { studyId: study.id, actor, action: 'codes.remove', details: { unused: removedCodes } });
		}
		return { status, removedCodes };
	});
}
