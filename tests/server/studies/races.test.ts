import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { type DatabaseHandle, openDatabase } from '../../../server/db/index.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from './helpers.js';

// Issue 11.8: invariants under concurrency. Requests go to two app instances on one database (two `pg`
// pools on PostgreSQL, as two server processes would have; the one PGlite in-process otherwise).
let t: Awaited<ReturnType<typeof buildTestApp>>;
let other: { app: FastifyInstance; database: DatabaseHandle; own: boolean };
let anna: string;
let bert: string;
let annaId: string;
let bertId: string;

beforeAll(async () => {
	t = await buildTestApp();
	const own = t.database.kind === 'postgres';
	const database = own ? await openDatabase(t.config) : t.database;
	other = { app: await buildApp({ config: t.config, database }), database, own };
	anna = await loginAs(t.app, t.database, 'anna@example.org');
	bert = await loginAs(t.app, t.database, 'bert@example.org');
	const ids = await t.database.db.selectFrom('researchers').select(['id', 'email']).execute();
	annaId = ids.find((r) => r.email === 'anna@example.org')!.id;
	bertId = ids.find((r) => r.email === 'bert@example.org')!.id;
});
afterAll(async () => {
	await other?.app.close();
	if (other?.own) await other.database.close();
	await t?.close();
});

/** A study of anna's with bert as a second owner (invited, and accepted by opening his studies). */
async function twoOwnerStudy(slug: string): Promise<string> {
	const created = await client(t.app, anna)('POST', '/api/studies', smallStudy(slug));
	expect(created.statusCode, created.body).toBe(201);
	const id = created.json().id as string;
	const added = await client(t.app, anna)('POST', `/api/studies/${id}/members`, {
		email: 'bert@example.org',
		role: 'owner'
	});
	expect(added.statusCode, added.body).toBe(202);
	// bert opens his studies: the invitation becomes a membership.
	expect((await client(t.app, bert)('GET', '/api/studies')).statusCode).toBe(200);
	return id;
}

async function owners(studyId: string): Promise<string[]> {
	const rows = await t.database.db
		.selectFrom('study_members')
		.select('researcher_id')
		.where('study_id', '=', studyId)
		.where('role', '=', 'owner')
		.execute();
	return rows.map((r) => r.researcher_id);
}

describe('a study always keeps an owner', () => {
	it('when two owners demote each other at the same moment (10 rounds)', async () => {
		for (let round = 0; round < 10; round++) {
			const id = await twoOwnerStudy(`demote-${round}`);
			const [a, b] = await Promise.all([
				client(t.app, anna)('PATCH', `/api/studies/${id}/members/${bertId}`, { role: 'facilitator' }),
				client(other.app, bert)('PATCH', `/api/studies/${id}/members/${annaId}`, { role: 'facilitator' })
			]);
			const codes = [a.statusCode, b.statusCode].sort();
			// One demotion wins; the other is refused because its sender is no owner any more.
			expect(codes, `${a.body} ${b.body}`).toEqual([200, 403]);
			expect(await owners(id)).toHaveLength(1);
		}
	});

	it('when two owners remove each other at the same moment (10 rounds)', async () => {
		for (let round = 0; round < 10; round++) {
			const id = await twoOwnerStudy(`remove-${round}`);
			const [a, b] = await Promise.all([
				client(other.app, anna)('DELETE', `/api/studies/${id}/members/${bertId}`),
				client(t.app, bert)('DELETE', `/api/studies/${id}/members/${annaId}`)
			]);
			const codes = [a.statusCode, b.statusCode].sort();
			// The loser is no member any more: its study answers 404, like any study that is not yours.
			expect(codes, `${a.body} ${b.body}`).toEqual([204, 404]);
			expect(await owners(id)).toHaveLength(1);
		}
	});

	it('when both owners demote themselves at once', async () => {
		const id = await twoOwnerStudy('self-demote');
		const responses = await Promise.all([
			client(t.app, anna)('PATCH', `/api/studies/${id}/members/${annaId}`, { role: 'co_researcher' }),
			client(other.app, bert)('PATCH', `/api/studies/${id}/members/${bertId}`, { role: 'co_researcher' })
		]);
		expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
		expect(responses.find((r) => r.statusCode === 409)!.json().error.code).toBe('LAST_OWNER');
		expect(await owners(id)).toHaveLength(1);
	});
});

describe('codes stay unique under parallel additions', () => {
	it('8 parallel statement additions all succeed with 8 different codes', async () => {
		const created = await client(t.app, anna)('POST', '/api/studies', smallStudy('parallel-statements'));
		const id = created.json().id as string;
		const responses = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				client(i % 2 ? other.app : t.app, anna)('POST', `/api/studies/${id}/statements`, {
					statements: [{ text: { nl: `Nieuw ${i}`, en: `New ${i}` }, inQset: false }]
				})
			)
		);
		expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
		const rows = await t.database.db
			.selectFrom('statements')
			.select(['code', 'position'])
			.where('study_id', '=', id)
			.execute();
		expect(new Set(rows.map((r) => r.code)).size).toBe(5 + 8);
		expect(new Set(rows.map((r) => r.position)).size).toBe(5 + 8);
	});

	it('8 parallel question additions all succeed with 8 different keys', async () => {
		const created = await client(t.app, anna)('POST', '/api/studies', smallStudy('parallel-questions'));
		const id = created.json().id as string;
		const responses = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				client(i % 2 ? other.app : t.app, anna)('POST', `/api/studies/${id}/questions`, {
					phase: 'post',
					type: 'long_text',
					prompt: `Waarom ${i}?`
				})
			)
		);
		expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
		const keys = responses.map((r) => r.json().question.key as string);
		expect(new Set(keys).size).toBe(8);
	});

	it('the same explicit code sent twice at once: one 201, one 422, never a 500', async () => {
		const created = await client(t.app, anna)('POST', '/api/studies', smallStudy('same-code'));
		const id = created.json().id as string;
		const responses = await Promise.all(
			[t.app, other.app].map((app) =>
				client(app, anna)('POST', `/api/studies/${id}/statements`, {
					statements: [{ code: 'X1', text: { nl: 'Zelfde', en: 'Same' }, inQset: false }]
				})
			)
		);
		expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422]);
		expect(responses.find((r) => r.statusCode === 422)!.json().error.code).toBe('DUPLICATE_STATEMENT_CODES');
	});
});
