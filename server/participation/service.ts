import { type Kysely, type Transaction } from 'kysely';
import type {
	Participation,
	PublicStudy,
	ParticipationQuestion,
	StudyLanguage,
	SubmissionBody
} from '../../src/lib/api/participate.js';
import type { Database, LocalizedText, ParticipantSource, Study } from '../db/schema.js';
import { AppError } from '../errors.js';
import { loadGrid } from '../studies/grid.js';
import { questionRowsByPosition } from '../studies/questions.js';
import { insertSortWithFreeLabel, submittedSortOf } from '../studies/sorts-repository.js';
import { qsetStatements } from '../studies/statements-repository.js';
import { findStudyBySlug, getStudy } from '../studies/studies-repository.js';
import { generateCode, normalizeCode } from './codes.js';
import { deleteDraftOf, draftOf, upsertDraft } from './drafts-repository.js';
import { findParticipantByCode, insertCodes, setParticipantStatus } from './participants-repository.js';
import { submissionHash, validateSubmission } from './validate.js';

type Db = Kysely<Database> | Transaction<Database>;

export const studyClosed = () => new AppError(409, 'STUDY_CLOSED', 'This study is closed and no longer accepts sorts.');
const codeNotFound = () => new AppError(404, 'NOT_FOUND', 'No participation with this code.');
export const notFacilitated = () =>
	new AppError(
		422,
		'NOT_FACILITATED',
		'This code was not made for an interview, so the sort cannot carry a respondent number or interviewer notes.'
	);
const interviewDataMissing = () =>
	new AppError(
		422,
		'FACILITATED_DATA_REQUIRED',
		'This code was made for an interview: submit the sort from the interview, with its respondent number.'
	);
const alreadySubmitted = () =>
	new AppError(409, 'ALREADY_SUBMITTED', 'A different sort was already submitted with this code.');

/** Creates an anonymous participant for an open study that allows self-enrolment; returns the code. */
export async function enrol(db: Db, slug: string): Promise<string> {
	const study = await findStudyBySlug(db, slug);
	// A draft study or one without self-enrolment is not public: answer as if it did not exist.
	if (!study || study.status === 'draft' || !study.self_enrolment)
		throw new AppError(404, 'NOT_FOUND', 'No open study at this address.');
	if (study.status !== 'open') throw studyClosed();
	return createParticipant(db, study.id, 'self_enrolled');
}

/**
 * What the open link `/s/<slug>` shows before anyone enrols: the title (in `lang` when offered) and
 * whether the study still takes sorts. Only for a study that anyone may join (open or closed, with
 * self-enrolment); any other slug is a 404, exactly as for enrolling, so nothing is learnt about
 * draft or invite-only studies.
 */
export async function publicStudy(db: Db, slug: string, lang?: string): Promise<PublicStudy> {
	const study = await findStudyBySlug(db, slug);
	if (!study || study.status === 'draft' || !study.self_enrolment)
		throw new AppError(404, 'NOT_FOUND', 'No open study at this address.');
	const language = chooseLanguage(study, lang);
	return {
		slug: study.slug,
		title: pick(study.title, language, study.languages[0] ?? 'nl'),
		language,
		open: study.status === 'open'
	};
}

/** Inserts a participant with a fresh unique code (the caller has checked the study and the right to enrol). */
export async function createParticipant(
	db: Db,
	studyId: string,
	source: Exclude<ParticipantSource, 'invited'>
): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		const code = generateCode();
		if ((await insertCodes(db, studyId, [code], source)).length > 0) return code;
		if (attempt >= 5) throw new Error('could not create a unique participant code');
	}
}

async function findParticipant(db: Db, code: string, lock = false) {
	const normal = normalizeCode(code);
	if (!normal) return undefined;
	return findParticipantByCode(db, normal, lock);
}

function pick(text: LocalizedText, language: string, fallback: string): string {
	return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

function chooseLanguage(study: Pick<Study, 'languages'>, wanted: string | undefined): StudyLanguage {
	return study.languages.find((l) => l === wanted) ?? study.languages[0] ?? 'nl';
}

/** Everything the participant pages need for one code, texts in the chosen language. */
export async function getParticipation(db: Db, code: string, lang?: string): Promise<Participation> {
	const participant = await findParticipant(db, code);
	if (!participant) throw codeNotFound();
	const study = await getStudy(db, participant.study_id);
	const language = chooseLanguage(study, lang);
	const fallback = study.languages[0] ?? 'nl';
	const [statements, grid, questions, draft] = await Promise.all([
		qsetStatements(db, study.id),
		loadGrid(db, study.id),
		questionRowsByPosition(db, study.id),
		draftOf(db, participant.id)
	]);
	return {
		study: {
			slug: study.slug,
			title: pick(study.title, language, fallback),
			language,
			languages: study.languages,
			open: study.status === 'open',
			consent: pick(study.consent, language, fallback),
			instructions: pick(study.instructions, language, fallback),
			thankYou: pick(study.thank_you, language, fallback),
			contact: pick(study.contact, language, fallback),
			forced: study.grid_forced,
			statements: statements.map((s) => ({ code: s.code, text: pick(s.text, language, fallback) })),
			grid,
			questions: questions.map((q): ParticipationQuestion => ({
				key: q.key,
				phase: q.phase,
				type: q.type,
				prompt: pick(q.prompt, language, fallback),
				options: q.options.map((o) => ({ value: o.value, label: pick(o.label, language, fallback) })),
				required: q.required,
				offerDecline: q.offer_decline
			}))
		},
		status: participant.status,
		draft: draft ? draft.data : null
	};
}

async function openStudyOf(trx: Db, studyId: string) {
	const study = await getStudy(trx, studyId);
	if (study.status !== 'open') throw studyClosed();
	return study;
}

/** Stores the participant's draft as sent (any JSON) and marks the participation as started. */
export async function saveDraft(db: Kysely<Database>, code: string, data: unknown): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const participant = await findParticipant(trx, code, true);
		if (!participant) throw codeNotFound();
		if (participant.status === 'submitted' || participant.status === 'withdrawn') throw alreadySubmitted();
		await openStudyOf(trx, participant.study_id);
		const json = JSON.stringify(data);
		await upsertDraft(trx, participant.id, json);
		if (participant.status === 'new') {
			await setParticipantStatus(trx, participant.id, 'in_progress', new Date());
		}
	});
}

export interface SubmitResult {
	receipt: string;
	/** False when this was an identical retry of an accepted submission. */
	created: boolean;
}

/**
 * Accepts a sort in one transaction: the participant row is locked first, so two concurrent
 * submissions with one code store one sort; an identical retry gets the same receipt back.
 */
export async function submit(db: Kysely<Database>, code: string, body: SubmissionBody): Promise<SubmitResult> {
	const hash = submissionHash(body);
	return db.transaction().execute(async (trx) => {
		const participant = await findParticipant(trx, code, true);
		if (!participant) throw codeNotFound();
		// The route checked the interviewer's session; these two rules hold whoever calls.
		if (body.facilitated && participant.source !== 'facilitated') throw notFacilitated();
		if (!body.facilitated && participant.source === 'facilitated') throw interviewDataMissing();
		if (participant.status === 'submitted' || participant.status === 'withdrawn') {
			const existing = await submittedSortOf(trx, participant.id);
			if (existing?.receipt && existing.payload_hash === hash) return { receipt: existing.receipt, created: false };
			throw alreadySubmitted();
		}
		const study = await openStudyOf(trx, participant.study_id);
		const [statements, grid, questions] = await Promise.all([
			qsetStatements(trx, study.id),
			loadGrid(trx, study.id),
			questionRowsByPosition(trx, study.id)
		]);
		validateSubmission(
			{
				statementCodes: statements.map((s) => s.code),
				grid,
				forced: study.grid_forced,
				questions
			},
			body
		);
		const receipt = generateCode();
		const placements = Object.fromEntries(body.placements.map((p) => [p.statement, p.value]));
		const facilitated = body.facilitated;
		const row = {
			study_id: study.id,
			participant_id: participant.id,
			source: facilitated ? ('facilitated' as const) : ('participant' as const),
			placements: JSON.stringify(placements),
			answers: JSON.stringify(body.answers ?? {}),
			comments: JSON.stringify(body.comments ?? {}),
			interviewer_notes: JSON.stringify(facilitated?.notes ?? {}),
			respondent_number: facilitated?.respondentNumber ?? null,
			receipt,
			payload_hash: hash,
			started_at: participant.started_at
		};
		// Labels are unique per study. An interview's label is its respondent number as the interviewer typed it
		// ("R99" stays "R99", "64" stays "64"); a number already in use gets a random suffix.
		const labels = facilitated ? [facilitated.respondentNumber] : [];
		for (let attempt = 0; ; attempt++) {
			const label =
				labels[attempt] ??
				`${facilitated ? `${facilitated.respondentNumber}-` : 'P'}${generateCode().replace(/-/g, '').slice(0, 6)}`;
			if (await insertSortWithFreeLabel(trx, { ...row, label })) break;
			if (attempt >= 10) throw new Error('could not find a free sort label');
		}
		await setParticipantStatus(trx, participant.id, 'submitted');
		await deleteDraftOf(trx, participant.id);
		return { receipt, created: true };
	});
}
