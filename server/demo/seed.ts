import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { oldestResearcherId } from '../auth/researchers.js';
import type { Database } from '../db/schema.js';
import { generateCode } from '../participation/codes.js';
import { insertParticipantRows } from '../participation/participants-repository.js';
import { insertGridColumns } from '../studies/grid.js';
import { insertQuestionRows } from '../studies/questions.js';
import { insertSorts } from '../studies/sorts-repository.js';
import { insertStatements } from '../studies/statements-repository.js';
import { hasAnyStudy, insertMemberships, insertStudy, studyIdBySlug } from '../studies/studies-repository.js';
import { generateDemoSorts } from './generate.js';
import { DEMO_STATEMENTS, DEMO_THEME_NAMES } from './statements.js';
import { DEMO_GRID, DEMO_QUESTIONS, DEMO_SLUG, DEMO_STUDY } from './study.js';

export { DEMO_SLUG } from './study.js';

export interface DemoSeedResult {
	created: boolean;
	studyId: string;
}

function isUniqueViolation(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

async function insertDemo(trx: Transaction<Database>): Promise<string> {
	const study = await insertStudy(trx, {
		slug: DEMO_SLUG,
		title: JSON.stringify(DEMO_STUDY.title),
		languages: JSON.stringify(DEMO_STUDY.languages),
		status: 'open',
		consent: JSON.stringify(DEMO_STUDY.consent),
		instructions: JSON.stringify(DEMO_STUDY.instructions),
		thank_you: JSON.stringify(DEMO_STUDY.thankYou),
		contact: JSON.stringify(DEMO_STUDY.contact),
		self_enrolment: true,
		grid_forced: true,
		is_demo: true
	});
	const studyId = study.id;

	// Seeded after accounts exist (e.g. `cli seed-demo`): the oldest account owns it, so it is never out
	// of everyone's reach. Without accounts, the first account created takes it (server/auth/accounts.ts).
	const oldest = await oldestResearcherId(trx);
	if (oldest) {
		await insertMemberships(trx, [{ study_id: studyId, researcher_id: oldest, role: 'owner' }]);
	}

	// One multi-row insert per table keeps the first start quick on the embedded database.
	await insertStatements(
		trx,
		DEMO_STATEMENTS.map((s, i) => ({
			study_id: studyId,
			code: s.code,
			text: JSON.stringify(s.text),
			position: i + 1,
			themes: JSON.stringify(s.themes.map((theme) => DEMO_THEME_NAMES[theme])),
			in_qset: true
		}))
	);
	await insertGridColumns(trx, studyId, DEMO_GRID);
	await insertQuestionRows(
		trx,
		DEMO_QUESTIONS.map((q, i) => ({
			study_id: studyId,
			key: q.key,
			phase: q.phase,
			type: q.type,
			prompt: JSON.stringify(q.prompt),
			options: JSON.stringify(q.options),
			required: q.required,
			offer_decline: q.offerDecline,
			position: i + 1
		}))
	);

	const sorts = generateDemoSorts().map((sort) => ({ sort, participantId: randomUUID() }));
	await insertParticipantRows(
		trx,
		sorts.map(({ sort, participantId }) => ({
			id: participantId,
			study_id: studyId,
			// Same random format as real codes; nobody holds these, and their sorts are synthetic.
			code: generateCode(),
			status: 'submitted' as const,
			source: sort.facilitated ? ('facilitated' as const) : ('invited' as const),
			created_at: sort.startedAt,
			started_at: sort.startedAt
		}))
	);
	await insertSorts(
		trx,
		sorts.map(({ sort, participantId }) => ({
			study_id: studyId,
			participant_id: participantId,
			label: sort.label,
			source: 'demo' as const,
			placements: JSON.stringify(sort.placements),
			answers: JSON.stringify(sort.answers),
			comments: JSON.stringify(sort.comments),
			interviewer_notes: JSON.stringify(sort.interviewerNotes),
			respondent_number: sort.facilitated ? sort.label : null,
			// Nobody holds a receipt for a synthetic sort, so there is none to withdraw with.
			receipt: null,
			started_at: sort.startedAt,
			submitted_at: sort.submittedAt,
			synthetic: true
		}))
	);
	return studyId;
}

/**
 * Creates the demo study "politie-diversiteit" with its Q-set, grid, questions and 70 synthetic sorts,
 * all in one transaction. Does nothing when a study with that slug exists (also when another process
 * created it at the same moment).
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeedResult> {
	const existing = await studyIdBySlug(db, DEMO_SLUG);
	if (existing) return { created: false, studyId: existing };
	try {
		const studyId = await db.transaction().execute(insertDemo);
		return { created: true, studyId };
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		const raced = await studyIdBySlug(db, DEMO_SLUG);
		if (!raced) throw error;
		return { created: false, studyId: raced };
	}
}

/** Creates the demo study when the database has no studies at all; returns whether it did. */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
	if (await hasAnyStudy(db)) return false;
	return (await seedDemo(db)).created;
}
