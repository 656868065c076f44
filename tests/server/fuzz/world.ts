import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../../server/db/index.js';
import { as, createDialogueFixture } from '../dialogue/dialogue-fixture.js';

/** Who sends a fuzzed request: nobody, a participant/attendee (codes and cookie), or a researcher of a role. */
export type Role = 'anonymous' | 'participant' | 'facilitator' | 'owner';
export const ROLES: Role[] = ['anonymous', 'participant', 'facilitator', 'owner'];

/**
 * Everything a route can be addressed with: a study with members of every role, sorts and a saved analysis
 * (the dialogue fixture), opened for self-enrolment, one participant code, one dialogue session with an
 * attendee who wrote a free-text answer. `ids` maps a path parameter's name to the values that exist.
 */
export interface World {
	slug: string;
	ids: Record<string, string[]>;
	headers: Record<Role, Record<string, string>>;
}

function cookieOf(header: string | string[] | undefined, name: string): string {
	const value = Array.isArray(header) ? header.join('; ') : (header ?? '');
	const match = new RegExp(`${name}=([^;]*)`).exec(value);
	if (!match) throw new Error(`no ${name} cookie`);
	return `${name}=${match[1]}`;
}

async function ok(response: { statusCode: number; body: string }, what: string) {
	if (response.statusCode >= 300) throw new Error(`world: ${what} answered ${response.statusCode} ${response.body}`);
	return JSON.parse(response.body || '{}');
}

/** Builds a fresh world (a new slug each time, so a run can build several on one database). */
export async function buildWorld(app: FastifyInstance, database: DatabaseHandle, n: number): Promise<World> {
	const db = database.db;
	const slug = `fuzz-${n}`;
	const fixture = await createDialogueFixture(db, slug);
	await db
		.updateTable('studies')
		.set({ status: 'open', self_enrolment: true })
		.where('id', '=', fixture.studyId)
		.execute();
	const owner = as(fixture.cookies.owner);
	const enrolled = await ok(
		await app.inject({ method: 'POST', url: `/api/studies/by-slug/${slug}/participants`, payload: {} }),
		'enrol'
	);
	const session = await ok(
		await app.inject({
			method: 'POST',
			url: `/api/analyses/${fixture.analysisId}/dialogue-sessions`,
			headers: owner,
			payload: { name: 'Fuzz' }
		}),
		'session'
	);
	await ok(
		await app.inject({
			method: 'PATCH',
			url: `/api/dialogue/sessions/${session.id}`,
			headers: owner,
			payload: { currentQuestion: 'missing' }
		}),
		'open question'
	);
	const joined = await app.inject({
		method: 'POST',
		url: '/api/dialogue/join',
		headers: { 'x-standpunt-csrf': '1' },
		payload: { code: session.joinCode }
	});
	await ok(joined, 'join');
	const attendee = cookieOf(joined.headers['set-cookie'], 'standpunt_attendee');
	await ok(
		await app.inject({
			method: 'PUT',
			url: `/api/dialogue/attend/${session.joinCode}/answers/missing`,
			headers: { cookie: attendee, 'x-standpunt-csrf': '1' },
			payload: { text: 'De wijkagent' }
		}),
		'answer'
	);
	const [statements, sorts, members, responses] = await Promise.all([
		db.selectFrom('statements').select('id').where('study_id', '=', fixture.studyId).execute(),
		db.selectFrom('sorts').select('id').where('study_id', '=', fixture.studyId).execute(),
		db.selectFrom('study_members').select('researcher_id').where('study_id', '=', fixture.studyId).execute(),
		db.selectFrom('dialogue_responses').select('id').where('session_id', '=', session.id).execute()
	]);
	const question = await ok(
		await app.inject({
			method: 'POST',
			url: `/api/studies/${fixture.studyId}/questions`,
			headers: owner,
			payload: {
				phase: 'pre',
				type: 'single',
				prompt: { nl: 'Eenheid', en: 'Unit' },
				options: [
					{ value: 'a', label: { nl: 'A', en: 'A' } },
					{ value: 'b', label: { nl: 'B', en: 'B' } }
				]
			}
		}),
		'question'
	);
	return {
		slug,
		ids: {
			id: [fixture.studyId, fixture.analysisId, session.id],
			statementId: statements.map((s) => s.id).slice(0, 3),
			questionId: [question.question?.id ?? question.id].filter(Boolean),
			researcherId: members.map((m) => m.researcher_id),
			sortId: sorts.map((s) => s.id).slice(0, 3),
			responseId: responses.map((r) => r.id),
			analysisId: [fixture.analysisId],
			factor: ['1', '2'],
			code: [enrolled.code, session.joinCode],
			slug: [slug],
			key: ['missing', 'recognise-1', 'best-fit'],
			token: ['0'.repeat(43)]
		},
		headers: {
			anonymous: {},
			participant: { cookie: attendee },
			facilitator: { cookie: fixture.cookies.facilitator },
			owner: { cookie: fixture.cookies.owner }
		}
	};
}
