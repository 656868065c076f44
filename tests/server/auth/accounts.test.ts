import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createResearcher, isSetupTokenValid, issueSetupToken } from '../../../server/auth/accounts.js';
import { seedDemo } from '../../../server/demo/seed.js';
import { buildTestApp } from '../../helpers/build-app.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
	t = await buildTestApp();
});
afterAll(async () => t.close());

const demo = (slug: string) =>
	t.database.db
		.insertInto('studies')
		.values({ slug, title: JSON.stringify({ nl: 'Demo' }), is_demo: true })
		.returning('id')
		.executeTakeFirstOrThrow();
const owners = (studyId: string) =>
	t.database.db.selectFrom('study_members').select(['researcher_id', 'role']).where('study_id', '=', studyId).execute();

describe('first start', () => {
	it('prints a one-time setup link when the server starts listening without any account', async () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		const printed = () => write.mock.calls.map((c) => String(c[0])).join('');
		let output = '';
		try {
			await t.app.listen({ port: 0, host: '127.0.0.1' });
			// onListen hooks run after listen() has resolved.
			await vi.waitFor(() => expect(printed()).toMatch(/\/setup\/\S+\n/), { timeout: 10_000 });
			output = printed();
		} finally {
			write.mockRestore();
		}
		const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(output)?.[1];
		expect(token).toBeDefined();
		expect(await isSetupTokenValid(t.database.db, token!)).toBe(true);
	});

	it('does not accept an expired setup token', async () => {
		const token = (await issueSetupToken(t.database.db))!;
		await t.database.db
			.updateTable('setup_tokens')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.execute();
		expect(await isSetupTokenValid(t.database.db, token)).toBe(false);
	});
});

describe('the demo study', () => {
	it('becomes the study of the first account', async () => {
		const { id } = await demo('demo-eerst');
		const first = await createResearcher(t.database.db, {
			email: 'eerste@example.org',
			password: 'lang genoeg wachtwoord'
		});
		expect(await owners(id)).toEqual([{ researcher_id: first.id, role: 'owner' }]);
		expect(await t.database.db.selectFrom('setup_tokens').select('token_hash').execute()).toEqual([]);
		const second = await createResearcher(t.database.db, {
			email: 'tweede@example.org',
			password: 'lang genoeg wachtwoord'
		});
		// The real seed, run after accounts exist (as `cli seed-demo` does): the oldest account owns it.
		const { studyId: later, created } = await seedDemo(t.database.db);
		expect(created).toBe(true);
		expect(await owners(later)).toEqual([{ researcher_id: first.id, role: 'owner' }]);
		expect((await owners(later)).some((m) => m.researcher_id === second.id)).toBe(false);
	});

	it('refuses a second account with the same address, in any case', async () => {
		await expect(
			createResearcher(t.database.db, { email: 'EERSTE@example.org', password: 'lang genoeg wachtwoord' })
		).rejects.toMatchObject({
			statusCode: 409,
			code: 'EMAIL_TAKEN'
		});
	});
});
