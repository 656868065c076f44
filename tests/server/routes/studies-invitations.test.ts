// Issue 11 §11: adding a member by e-mail must not tell the caller whether an account exists. Both cases get
// the same answer (202 with an invitation) and look the same in the members list; the invitation becomes a
// membership when that account opens its list of studies. On the run's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudy } from '../../../server/studies/studies.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let owner: ReturnType<typeof client>;
let studyId: string;

beforeAll(async () => {
	t = await buildTestApp();
	const cookie = await loginAs(t.app, t.database, 'eigenaar@example.org');
	owner = client(t.app, cookie);
	const me = await t.database.db
		.selectFrom('researchers')
		.select('id')
		.where('email', '=', 'eigenaar@example.org')
		.executeTakeFirstOrThrow();
	studyId = (await createStudy(t.database.db, me.id, smallStudy('uitnodigingen'))).id;
});
afterAll(async () => t?.close());

/** The response with the parts that differ by design (the address itself, ids and times) taken out. */
function shape(response: { statusCode: number; json(): unknown; headers: Record<string, unknown> }) {
	const body = JSON.stringify(response.json())
		.replace(/"[^"]*@example\.org"/g, '"<email>"')
		.replace(/"[0-9a-f-]{36}"/g, '"<id>"')
		.replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, '"<time>"');
	return { status: response.statusCode, body, length: body.length, type: response.headers['content-type'] };
}

describe('adding a member by e-mail', () => {
	it('answers an address with an account exactly like one without', async () => {
		await loginAs(t.app, t.database, 'collega@example.org');
		const known = await owner('POST', `/api/studies/${studyId}/members`, {
			email: 'collega@example.org',
			role: 'facilitator'
		});
		const unknown = await owner('POST', `/api/studies/${studyId}/members`, {
			email: 'niemand@example.org',
			role: 'facilitator'
		});
		expect(known.statusCode, known.body).toBe(202);
		expect(shape(unknown)).toEqual(shape(known));
		const list = (await owner('GET', `/api/studies/${studyId}/members`)).json();
		expect(list.members.map((m: { email: string }) => m.email)).toEqual(['eigenaar@example.org']);
		expect(list.invitations.map((i: { email: string; role: string }) => [i.email, i.role])).toEqual([
			['collega@example.org', 'facilitator'],
			['niemand@example.org', 'facilitator']
		]);
		// Inviting again changes the role, still with the same answer.
		const again = await owner('POST', `/api/studies/${studyId}/members`, {
			email: ' NIEMAND@example.org ',
			role: 'co_researcher'
		});
		expect(again.statusCode).toBe(202);
		expect(again.json().invitation).toMatchObject({ email: 'niemand@example.org', role: 'co_researcher' });
	});

	it('turns the invitation into a membership when that account opens its studies', async () => {
		const colleague = client(t.app, await loginAs(t.app, t.database, 'later@example.org'));
		await owner('POST', `/api/studies/${studyId}/members`, { email: 'later@example.org', role: 'co_researcher' });
		expect((await colleague('GET', `/api/studies/${studyId}`)).statusCode).toBe(404);
		const studies = (await colleague('GET', '/api/studies')).json().studies;
		expect(studies.map((s: { id: string }) => s.id)).toEqual([studyId]);
		expect((await colleague('GET', `/api/studies/${studyId}`)).json().study.role).toBe('co_researcher');
		const list = (await owner('GET', `/api/studies/${studyId}/members`)).json();
		expect(list.members.find((m: { email: string }) => m.email === 'later@example.org')?.role).toBe('co_researcher');
		expect(list.invitations.map((i: { email: string }) => i.email)).not.toContain('later@example.org');
		// A member cannot be invited again; the owner already sees them in the list.
		const twice = await owner('POST', `/api/studies/${studyId}/members`, {
			email: 'later@example.org',
			role: 'facilitator'
		});
		expect(twice.statusCode).toBe(409);
		expect(twice.json().error.code).toBe('ALREADY_MEMBER');
	});

	it('withdraws an invitation, refuses a malformed address, and changes nothing on refusal', async () => {
		const { invitations } = (await owner('GET', `/api/studies/${studyId}/members`)).json();
		const target = invitations.find((i: { email: string }) => i.email === 'niemand@example.org');
		expect((await owner('DELETE', `/api/studies/${studyId}/invitations/${target.id}`)).statusCode).toBe(204);
		expect((await owner('DELETE', `/api/studies/${studyId}/invitations/${target.id}`)).json().error.code).toBe(
			'INVITATION_NOT_FOUND'
		);
		expect((await owner('DELETE', `/api/studies/${studyId}/invitations/not-a-uuid`)).statusCode).toBe(404);
		const before = (await owner('GET', `/api/studies/${studyId}/members`)).json();
		const bad = await owner('POST', `/api/studies/${studyId}/members`, { email: 'geen adres', role: 'facilitator' });
		expect(bad.statusCode).toBe(422);
		expect(bad.json().error.code).toBe('EMAIL_INVALID');
		expect((await owner('GET', `/api/studies/${studyId}/members`)).json()).toEqual(before);
	});
});
