// The authorisation matrix: every researcher route × every kind of caller. A study of someone else is
// a 404 (indistinguishable from no study), no session is a 401, a role that is too small is a 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy } from '../../../server/studies/studies.js';
import { createCodes } from '../../../server/studies/codes.js';
import { generateCode } from '../../../server/participation/codes.js';
import type { Permission } from '../../../server/studies/access.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';

type Caller = 'anonymous' | 'participant' | 'other' | 'facilitator' | 'co_researcher' | 'owner';
const CALLERS: Caller[] = ['anonymous', 'participant', 'other', 'facilitator', 'co_researcher', 'owner'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Fixture {
	id: string;
	statementIds: string[];
	questionId: string;
	sortId: string;
	facilitatorId: string;
	receipt: string;
}

interface Route {
	method: Method;
	path: string;
	permission: Permission;
	success: number;
	/** The study has a sort (and so a locked design) for this route. */
	withSort?: boolean;
	request(f: Fixture): { url: string; payload?: unknown };
}

const placements = { S01: -2, S02: -1, S03: 0, S04: 1, S05: 2 };

const routes: Route[] = [
	{ method: 'GET', path: '/:id', permission: 'read', success: 200, request: (f) => ({ url: `/api/studies/${f.id}` }) },
	{
		method: 'PATCH',
		path: '/:id',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}`, payload: { consent: 'Akkoord?' } })
	},
	{
		method: 'DELETE',
		path: '/:id',
		permission: 'own',
		success: 204,
		request: (f) => ({ url: `/api/studies/${f.id}`, payload: { confirm: 'Kleine studie' } })
	},
	{
		method: 'GET',
		path: '/:id/audit',
		permission: 'own',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/audit` })
	},
	{
		method: 'GET',
		path: '/:id/audit?format=csv',
		permission: 'own',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/audit?format=csv` })
	},
	{
		method: 'POST',
		path: '/:id/status',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/status`, payload: { status: 'open' } })
	},
	{
		method: 'GET',
		path: '/:id/statements',
		permission: 'read',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/statements` })
	},
	{
		method: 'POST',
		path: '/:id/statements',
		permission: 'edit',
		success: 201,
		request: (f) => ({
			url: `/api/studies/${f.id}/statements`,
			payload: { statements: [{ text: 'Nieuw', inQset: false }] }
		})
	},
	{
		method: 'POST',
		path: '/:id/statements/bulk',
		permission: 'edit',
		success: 201,
		request: (f) => ({ url: `/api/studies/${f.id}/statements/bulk`, payload: { text: 'Een\nTwee', inQset: false } })
	},
	{
		method: 'POST',
		path: '/:id/statements/import',
		permission: 'edit',
		success: 201,
		request: (f) => ({
			url: `/api/studies/${f.id}/statements/import`,
			payload: { format: 'sta', content: 'Een\r\n', inQset: false }
		})
	},
	{
		method: 'PUT',
		path: '/:id/statements/order',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/statements/order`, payload: { ids: [...f.statementIds].reverse() } })
	},
	{
		method: 'PATCH',
		path: '/:id/statements/:statementId',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/statements/${f.statementIds[0]}`, payload: { themes: ['x'] } })
	},
	{
		method: 'DELETE',
		path: '/:id/statements/:statementId',
		permission: 'edit',
		success: 204,
		request: (f) => ({ url: `/api/studies/${f.id}/statements/${f.statementIds[0]}` })
	},
	{
		method: 'GET',
		path: '/:id/grid',
		permission: 'read',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/grid` })
	},
	{
		method: 'PUT',
		path: '/:id/grid',
		permission: 'edit',
		success: 200,
		request: (f) => ({
			url: `/api/studies/${f.id}/grid`,
			payload: {
				columns: [
					{ value: -1, capacity: 2 },
					{ value: 0, capacity: 1 },
					{ value: 1, capacity: 2 }
				]
			}
		})
	},
	{
		method: 'GET',
		path: '/:id/questions',
		permission: 'read',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/questions` })
	},
	{
		method: 'POST',
		path: '/:id/questions',
		permission: 'edit',
		success: 201,
		request: (f) => ({
			url: `/api/studies/${f.id}/questions`,
			payload: { phase: 'post', type: 'long_text', prompt: 'Waarom?' }
		})
	},
	{
		method: 'PUT',
		path: '/:id/questions/order',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/questions/order`, payload: { ids: [f.questionId] } })
	},
	{
		method: 'PATCH',
		path: '/:id/questions/:questionId',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/questions/${f.questionId}`, payload: { required: true } })
	},
	{
		method: 'DELETE',
		path: '/:id/questions/:questionId',
		permission: 'edit',
		success: 204,
		request: (f) => ({ url: `/api/studies/${f.id}/questions/${f.questionId}` })
	},
	{
		method: 'GET',
		path: '/:id/members',
		permission: 'read',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/members` })
	},
	{
		method: 'POST',
		path: '/:id/members',
		permission: 'own',
		success: 202,
		request: (f) => ({
			url: `/api/studies/${f.id}/members`,
			payload: { email: 'spare@example.org', role: 'facilitator' }
		})
	},
	{
		method: 'PATCH',
		path: '/:id/members/:researcherId',
		permission: 'own',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/members/${f.facilitatorId}`, payload: { role: 'facilitator' } })
	},
	{
		method: 'DELETE',
		path: '/:id/members/:researcherId',
		permission: 'own',
		success: 204,
		request: (f) => ({ url: `/api/studies/${f.id}/members/${f.facilitatorId}` })
	},
	{
		method: 'POST',
		path: '/:id/codes',
		permission: 'edit',
		success: 201,
		request: (f) => ({ url: `/api/studies/${f.id}/codes`, payload: { count: 3 } })
	},
	{
		method: 'GET',
		path: '/:id/codes',
		permission: 'edit',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/codes?format=csv` })
	},
	{
		method: 'GET',
		path: '/:id/stats',
		permission: 'read',
		success: 200,
		withSort: true,
		request: (f) => ({ url: `/api/studies/${f.id}/stats` })
	},
	{
		method: 'GET',
		path: '/:id/sorts',
		permission: 'edit',
		success: 200,
		withSort: true,
		request: (f) => ({ url: `/api/studies/${f.id}/sorts` })
	},
	{
		method: 'POST',
		path: '/:id/sorts',
		permission: 'edit',
		success: 201,
		request: (f) => ({ url: `/api/studies/${f.id}/sorts`, payload: { label: 'papier', placements } })
	},
	{
		method: 'POST',
		path: '/:id/sorts/:sortId/exclusion',
		permission: 'edit',
		success: 200,
		withSort: true,
		request: (f) => ({
			url: `/api/studies/${f.id}/sorts/${f.sortId}/exclusion`,
			payload: { excluded: true, reason: 'test' }
		})
	},
	{
		method: 'DELETE',
		path: '/:id/sorts/:sortId',
		permission: 'edit',
		success: 204,
		withSort: true,
		request: (f) => ({ url: `/api/studies/${f.id}/sorts/${f.sortId}` })
	},
	{
		method: 'POST',
		path: '/:id/withdrawals',
		permission: 'edit',
		success: 201,
		withSort: true,
		request: (f) => ({ url: `/api/studies/${f.id}/withdrawals`, payload: { receipt: f.receipt } })
	},
	{
		method: 'GET',
		path: '/:id/withdrawals',
		permission: 'read',
		success: 200,
		request: (f) => ({ url: `/api/studies/${f.id}/withdrawals` })
	},
	{
		method: 'POST',
		path: '/:id/import',
		permission: 'edit',
		success: 201,
		request: (f) => ({
			url: `/api/studies/${f.id}/import`,
			payload: { format: 'csv', content: 'sort,S01,S02,S03,S04,S05\nP9,2,1,0,-1,-2\n' }
		})
	},
	{
		method: 'GET',
		path: '/:id/export',
		permission: 'edit',
		success: 200,
		withSort: true,
		request: (f) => ({ url: `/api/studies/${f.id}/export?format=xlsx` })
	}
];

const RANK: Record<Caller, number> = {
	anonymous: 0,
	participant: 0,
	other: 0,
	facilitator: 1,
	co_researcher: 2,
	owner: 3
};
const NEEDED: Record<Permission, number> = { read: 1, edit: 2, own: 3 };

function expectedStatus(route: Route, caller: Caller): number {
	if (caller === 'anonymous' || caller === 'participant') return 401;
	if (caller === 'other') return 404;
	return RANK[caller] >= NEEDED[route.permission] ? route.success : 403;
}

let t: Awaited<ReturnType<typeof buildTestApp>>;
const cookies: Partial<Record<Caller, string>> = {};
const ids: Record<string, string> = {};
let counter = 0;

beforeAll(async () => {
	t = await buildTestApp();
	for (const caller of ['owner', 'co_researcher', 'facilitator', 'other'] as const) {
		cookies[caller] = await loginAs(t.app, t.database, `${caller}@example.org`);
		const row = await t.database.db
			.selectFrom('researchers')
			.select('id')
			.where('email', '=', `${caller}@example.org`)
			.executeTakeFirstOrThrow();
		ids[caller] = row.id;
	}
	await loginAs(t.app, t.database, 'spare@example.org');
});
afterAll(async () => t.close());

async function fixture(withSort: boolean): Promise<{ fixture: Fixture; participantCode: string }> {
	const db = t.database.db;
	const { id } = await createStudy(db, ids.owner!, smallStudy(`matrix-${++counter}`));
	await db
		.insertInto('study_members')
		.values([
			{ study_id: id, researcher_id: ids.co_researcher!, role: 'co_researcher' },
			{ study_id: id, researcher_id: ids.facilitator!, role: 'facilitator' }
		])
		.execute();
	const statements = await db
		.selectFrom('statements')
		.select('id')
		.where('study_id', '=', id)
		.orderBy('position')
		.execute();
	const question = await db
		.insertInto('questions')
		.values({
			study_id: id,
			key: 'q1',
			phase: 'pre',
			type: 'short_text',
			prompt: JSON.stringify({ nl: 'Vraag', en: 'Question' }),
			position: 1
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	let sortId = '00000000-0000-4000-8000-000000000000';
	const receipt = generateCode();
	if (withSort) {
		const sort = await db
			.insertInto('sorts')
			.values({ study_id: id, label: 'P1', source: 'participant', placements: JSON.stringify(placements), receipt })
			.returning('id')
			.executeTakeFirstOrThrow();
		sortId = sort.id;
	}
	const [participantCode] = await createCodes(db, id, 1);
	return {
		fixture: {
			id,
			statementIds: statements.map((s) => s.id),
			questionId: question.id,
			sortId,
			facilitatorId: ids.facilitator!,
			receipt
		},
		participantCode: participantCode!
	};
}

const cases = routes.flatMap((route) =>
	CALLERS.map((caller) => [`${route.method} ${route.path}`, caller, expectedStatus(route, caller), route] as const)
);

describe('authorisation matrix', () => {
	it.each(cases)('%s as %s → %i', async (_name, caller, expected, route) => {
		const { fixture: f, participantCode } = await fixture(route.withSort === true);
		const { url, payload } = route.request(f);
		const headers: Record<string, string> = route.method === 'GET' ? {} : { 'x-standpunt-csrf': '1' };
		if (caller === 'participant') {
			headers.cookie = `standpunt_session=${participantCode}`;
			headers.authorization = `Bearer ${participantCode}`;
		} else if (caller !== 'anonymous') headers.cookie = cookies[caller]!;
		const response = await t.app.inject({
			method: route.method,
			url,
			headers,
			...(payload === undefined ? {} : { payload: payload as object })
		});
		expect(response.statusCode, response.body.slice(0, 300)).toBe(expected);
		if (expected >= 400)
			expect(response.json().error.code).toBe(
				{ 401: 'UNAUTHENTICATED', 403: 'ROLE_TOO_LOW', 404: 'STUDY_NOT_FOUND' }[expected]
			);
		if (caller === 'other') {
			// Not a member: the answer must not differ from a study id that does not exist at all.
			const unknown = await t.app.inject({
				method: route.method,
				url: url.replace(f.id, '00000000-0000-4000-8000-00000000abcd'),
				headers,
				...(payload === undefined ? {} : { payload: payload as object })
			});
			expect(unknown.statusCode).toBe(404);
			expect(unknown.json()).toEqual(response.json());
		}
	});

	it.each([
		['GET', '/api/studies', 200],
		['POST', '/api/studies', 201],
		['GET', '/api/auth/me', 200]
	] as const)('%s %s needs a session (401), and works with one', async (method, url, success) => {
		const payload = method === 'POST' ? smallStudy(`eigen-${++counter}`) : undefined;
		const headers = method === 'POST' ? { 'x-standpunt-csrf': '1' } : {};
		const anonymous = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
		expect(anonymous.statusCode).toBe(401);
		const withSession = await client(t.app, cookies.other)(method, url, payload);
		expect(withSession.statusCode).toBe(success);
	});

	it("lists only the caller's studies", async () => {
		await fixture(false);
		const list = async (caller: Caller) =>
			(await client(t.app, cookies[caller])('GET', '/api/studies')).json().studies as { slug: string; role: string }[];
		const mine = await list('facilitator');
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((s) => s.role === 'facilitator')).toBe(true);
		expect((await list('other')).every((s) => s.slug.startsWith('eigen-'))).toBe(true);
	});
});
