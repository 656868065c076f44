import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_CODES, PARTICIPANT_CODES } from '../../../server/auth/code-limits.js';
import { buildApp } from '../../../server/app.js';
import { type DatabaseHandle, openDatabase } from '../../../server/db/index.js';
import { createParticipant } from '../../../server/participation/service.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { as, createDialogueFixture } from '../dialogue/dialogue-fixture.js';
import { createTestStudy } from './participate-fixture.js';

// Issue 11.5: guessing participant codes and join codes is limited over all clients, in the database
// (two app instances on one database: two pools on PostgreSQL, the one PGlite in-process otherwise).
let t: Awaited<ReturnType<typeof buildTestApp>>;
let other: { app: FastifyInstance; database: DatabaseHandle; own: boolean };
let participantCode: string;
let joinCode: string;

beforeAll(async () => {
	t = await buildTestApp();
	const own = t.database.kind === 'postgres';
	const database = own ? await openDatabase(t.config) : t.database;
	other = { app: await buildApp({ config: t.config, database }), database, own };
	const { id } = await createTestStudy(t.database.db);
	participantCode = await createParticipant(t.database.db, id, 'self_enrolled');
	const fx = await createDialogueFixture(t.database.db);
	const session = await t.app.inject({
		method: 'POST',
		url: `/api/analyses/${fx.analysisId}/dialogue-sessions`,
		headers: as(fx.cookies.facilitator),
		payload: { name: 'Bureau Noord', place: 'Zwolle', date: '2026-12-01' }
	});
	joinCode = session.json().joinCode;
});
afterAll(async () => {
	await other?.app.close();
	if (other?.own) await other.database.close();
	await t?.close();
});
beforeEach(async () => {
	await t.database.db.deleteFrom('rate_limits').execute();
});

/** Leaves `left` misses of a kind's budget in this window. */
async function spendAllBut(bucket: string, limit: number, left: number): Promise<void> {
	await t.database.db
		.insertInto('rate_limits')
		.values({ bucket, hits: limit - left })
		.onConflict((oc) => oc.column('bucket').doUpdateSet({ hits: limit - left }))
		.execute();
}

const statuses = (responses: LightMyRequestResponse[]) => {
	const counts: Record<number, number> = {};
	for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
	return counts;
};
const passOf = (response: LightMyRequestResponse, name: string) =>
	([] as string[])
		.concat(response.headers['set-cookie'] ?? [])
		.find((c) => c.startsWith(`${name}=`))
		?.split(';')[0];
const randomCode = (i: number) => `ZZZZ-ZZZZ-${String(i).padStart(4, '2').replace(/[01]/g, '2').slice(0, 4)}`;

describe('participant codes', () => {
	it('of 40 parallel unknown codes on two instances, only the rest of the budget is looked up', async () => {
		await spendAllBut(PARTICIPANT_CODES.bucket, PARTICIPANT_CODES.budget.limit, 5);
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				(i % 2 ? t.app : other.app).inject({ method: 'GET', url: `/api/participate/${randomCode(i)}` })
			)
		);
		expect(statuses(responses)).toEqual({ 404: 5, 429: 35 });
		const limited = responses.find((r) => r.statusCode === 429)!;
		expect(limited.json().error.code).toBe('TOO_MANY_ATTEMPTS');
		expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
		// Every lookup now waits, a real code included (it cannot be told from a guess)…
		expect((await t.app.inject({ method: 'GET', url: `/api/participate/${participantCode}` })).statusCode).toBe(429);
		expect(
			(
				await other.app.inject({
					method: 'PUT',
					url: `/api/participate/${participantCode}/draft`,
					payload: { step: 1 }
				})
			).statusCode
		).toBe(429);
	});

	it('a browser that opened its code before carries a pass and is not held up', async () => {
		const opened = await t.app.inject({ method: 'GET', url: `/api/participate/${participantCode}` });
		expect(opened.statusCode).toBe(200);
		const pass = passOf(opened, PARTICIPANT_CODES.cookie.name)!;
		expect(String(opened.headers['set-cookie'])).toMatch(/Path=\/api\/participate; HttpOnly; SameSite=Strict/);
		await spendAllBut(PARTICIPANT_CODES.bucket, PARTICIPANT_CODES.budget.limit, 0);
		expect((await t.app.inject({ method: 'GET', url: `/api/participate/${participantCode}` })).statusCode).toBe(429);
		expect(
			(await other.app.inject({ method: 'GET', url: `/api/participate/${participantCode}`, headers: { cookie: pass } }))
				.statusCode
		).toBe(200);
		const draft = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${participantCode}/draft`,
			headers: { cookie: pass },
			payload: { step: 2 }
		});
		expect(draft.statusCode).toBe(204);
		// The pass is for that code only: another code with it is still a guess.
		expect(
			(await t.app.inject({ method: 'GET', url: `/api/participate/${randomCode(7)}`, headers: { cookie: pass } }))
				.statusCode
		).toBe(429);
	});

	it('known codes do not use up the budget; unknown ones do', async () => {
		for (let i = 0; i < 3; i++)
			expect((await t.app.inject({ method: 'GET', url: `/api/participate/${participantCode}` })).statusCode).toBe(200);
		for (let i = 0; i < 2; i++)
			expect((await t.app.inject({ method: 'GET', url: `/api/participate/${randomCode(i)}` })).statusCode).toBe(404);
		const row = await t.database.db
			.selectFrom('rate_limits')
			.select('hits')
			.where('bucket', '=', PARTICIPANT_CODES.bucket)
			.executeTakeFirstOrThrow();
		expect(row.hits).toBe(2);
	});
});

describe('dialogue join codes', () => {
	const join = (app: FastifyInstance, code: string, cookie?: string) =>
		app.inject({
			method: 'POST',
			url: '/api/dialogue/join',
			headers: { 'x-standpunt-csrf': '1', ...(cookie ? { cookie } : {}) },
			payload: { code }
		});

	it('of 40 parallel guesses on two instances, only the rest of the budget is tried', async () => {
		await spendAllBut(JOIN_CODES.bucket, JOIN_CODES.budget.limit, 3);
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				join(i % 2 ? t.app : other.app, `ZZZ${String(i).padStart(3, '2').replace(/[01]/g, '3')}`)
			)
		);
		expect(statuses(responses)).toEqual({ 404: 3, 429: 37 });
		expect((await t.app.inject({ method: 'GET', url: `/api/dialogue/attend/${joinCode}` })).statusCode).toBe(429);
	});

	it('an attendee who joined before keeps going while the budget is spent', async () => {
		const joined = await join(t.app, joinCode);
		expect(joined.statusCode).toBe(200);
		const cookies = ([] as string[]).concat(joined.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
		expect(cookies[0]).toMatch(/^standpunt_attendee=/);
		expect(cookies[1]).toMatch(/^standpunt_join_pass=/);
		await spendAllBut(JOIN_CODES.bucket, JOIN_CODES.budget.limit, 0);
		expect((await join(other.app, joinCode)).statusCode).toBe(429);
		const state = await other.app.inject({
			method: 'GET',
			url: `/api/dialogue/attend/${joinCode}`,
			headers: { cookie: cookies.join('; ') }
		});
		expect(state.statusCode).toBe(200);
		expect((await join(other.app, joinCode, cookies.join('; '))).statusCode).toBe(200);
	});
});
