import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResearcher, issueSetupToken } from '../../../server/auth/accounts.js';
import { ADDRESS_BUDGET, addressBucket } from '../../../server/auth/login-limits.js';
import { buildApp } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, PASSWORD, sessionCookieOf } from '../studies/helpers.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
	t = await buildTestApp();
});
afterAll(async () => t.close());

const csrf = { 'x-standpunt-csrf': '1' };
const login = (email: string, password: string, headers: Record<string, string> = csrf) =>
	t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });

describe('first-run setup', () => {
	it('reports that setup is required while no account exists', async () => {
		const response = await t.app.inject({ method: 'GET', url: '/api/auth/setup' });
		expect(response.json()).toEqual({ required: true });
	});

	it('creates the first account once with the token, then refuses the same token', async () => {
		const token = (await issueSetupToken(t.database.db))!;
		expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
		const stored = await t.database.db.selectFrom('setup_tokens').select('token_hash').execute();
		expect(stored.map((s) => s.token_hash)).not.toContain(token);

		expect((await t.app.inject({ method: 'GET', url: `/api/auth/setup/${token}` })).statusCode).toBe(200);
		// A guessable password is refused and the link stays usable.
		const guessable = await t.app.inject({
			method: 'POST',
			url: '/api/auth/setup',
			headers: csrf,
			payload: { token, email: 'First@Example.org', password: 'qwerty123456' }
		});
		expect(guessable.statusCode).toBe(422);
		expect(guessable.json().error.code).toBe('PASSWORD_TOO_GUESSABLE');
		expect((await t.app.inject({ method: 'GET', url: `/api/auth/setup/${token}` })).statusCode).toBe(200);
		const first = await t.app.inject({
			method: 'POST',
			url: '/api/auth/setup',
			headers: csrf,
			payload: { token, email: 'First@Example.org', password: PASSWORD }
		});
		expect(first.statusCode).toBe(201);
		expect(first.json().researcher.email).toBe('first@example.org');
		const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieOf(first) } });
		expect(me.json().researcher.email).toBe('first@example.org');

		const again = await t.app.inject({
			method: 'POST',
			url: '/api/auth/setup',
			headers: csrf,
			payload: { token, email: 'second@example.org', password: PASSWORD }
		});
		expect(again.statusCode).toBe(404);
		expect(again.json().error.code).toBe('SETUP_TOKEN_INVALID');
		expect((await t.app.inject({ method: 'GET', url: `/api/auth/setup/${token}` })).statusCode).toBe(404);
		expect((await t.app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({ required: false });
		// Once an account exists no new setup token is issued.
		expect(await issueSetupToken(t.database.db)).toBeUndefined();
	});

	it('refuses an invented token', async () => {
		const response = await t.app.inject({
			method: 'POST',
			url: '/api/auth/setup',
			headers: csrf,
			payload: { token: 'made-up', email: 'x@example.org', password: PASSWORD }
		});
		expect(response.statusCode).toBe(404);
	});
});

describe('POST /api/auth/login', () => {
	beforeAll(async () => {
		await createResearcher(t.database.db, { email: 'anna@example.org', password: PASSWORD });
		await createResearcher(t.database.db, { email: 'limited@example.org', password: PASSWORD });
	});

	it('sets an HttpOnly SameSite=Lax cookie and stores only the token hash', async () => {
		const response = await login('anna@example.org', PASSWORD);
		expect(response.statusCode).toBe(200);
		const cookie = String(response.headers['set-cookie']);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).not.toMatch(/Secure/);
		const token = /standpunt_session=([^;]*)/.exec(cookie)![1]!;
		const sessions = await t.database.db.selectFrom('researcher_sessions').select('token_hash').execute();
		expect(sessions.map((s) => s.token_hash)).not.toContain(token);
	});

	it('marks the cookies Secure behind an HTTPS proxy only when the app trusts its proxy (Fastify trustProxy)', async () => {
		const headers = { ...csrf, 'x-forwarded-proto': 'https' };
		expect(String((await login('anna@example.org', PASSWORD, headers)).headers['set-cookie'])).not.toMatch(/Secure/);
		const trusting = await buildApp({ config: { ...t.config, trustProxy: true }, database: t.database });
		try {
			const response = await trusting.inject({
				method: 'POST',
				url: '/api/auth/login',
				headers,
				payload: { email: 'anna@example.org', password: PASSWORD }
			});
			const cookies = response.headers['set-cookie'] as string[];
			expect(cookies).toHaveLength(2);
			for (const cookie of cookies) expect(cookie).toMatch(/; Secure$/);
			// Without the forwarded header the same app does not claim HTTPS.
			const plain = await trusting.inject({
				method: 'POST',
				url: '/api/auth/login',
				headers: csrf,
				payload: { email: 'anna@example.org', password: PASSWORD }
			});
			expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
		} finally {
			await trusting.close();
		}
	});

	it('checks the Origin against X-Forwarded-Host only when the proxy is trusted', async () => {
		const headers = {
			...csrf,
			host: 'internal:3000',
			'x-forwarded-host': 'standpunt.example.org',
			origin: 'https://standpunt.example.org'
		};
		expect((await login('anna@example.org', PASSWORD, headers)).statusCode).toBe(403);
		const trusting = await buildApp({ config: { ...t.config, trustProxy: true }, database: t.database });
		try {
			const response = await trusting.inject({
				method: 'POST',
				url: '/api/auth/login',
				headers,
				payload: { email: 'anna@example.org', password: PASSWORD }
			});
			expect(response.statusCode).toBe(200);
		} finally {
			await trusting.close();
		}
	});

	it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown address alike', async () => {
		for (const [email, password] of [
			['anna@example.org', 'wrong password!'],
			['nobody@example.org', PASSWORD]
		]) {
			const response = await login(email!, password!);
			expect(response.statusCode).toBe(401);
			expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
		}
	});

	it(`answers 429 after ${ADDRESS_BUDGET.limit} failures for an address, even with the right password, counted in the database`, async () => {
		for (let i = 0; i < ADDRESS_BUDGET.limit; i++)
			expect((await login('limited@example.org', 'nope nope nope')).statusCode).toBe(401);
		const blocked = await login('limited@example.org', PASSWORD);
		expect(blocked.statusCode).toBe(429);
		expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
		expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
		const bucket = await t.database.db
			.selectFrom('rate_limits')
			.selectAll()
			.where('bucket', '=', addressBucket('limited@example.org'))
			.executeTakeFirstOrThrow();
		expect(bucket.hits).toBeGreaterThan(ADDRESS_BUDGET.limit);
		// The address itself is not stored, only its hash.
		expect(bucket.bucket).not.toContain('limited');
		// Another address is not affected.
		expect((await login('anna@example.org', PASSWORD)).statusCode).toBe(200);
	});

	it('lets the address in again once its window has passed', async () => {
		await t.database.db
			.updateTable('rate_limits')
			.set({ window_started_at: new Date(Date.now() - ADDRESS_BUDGET.windowMs - 1000) })
			.where('bucket', '=', addressBucket('limited@example.org'))
			.execute();
		expect((await login('limited@example.org', PASSWORD)).statusCode).toBe(200);
	});

	it('refuses a login without the CSRF header (403 CSRF_REJECTED)', async () => {
		const response = await login('anna@example.org', PASSWORD, {});
		expect(response.statusCode).toBe(403);
		expect(response.json().error.code).toBe('CSRF_REJECTED');
	});
});

describe('sessions', () => {
	it('GET /api/auth/me is 401 without a session', async () => {
		const response = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
		expect(response.statusCode).toBe(401);
		expect(response.json().error.code).toBe('UNAUTHENTICATED');
	});

	it('logout ends the session', async () => {
		const cookie = sessionCookieOf(await login('anna@example.org', PASSWORD));
		const api = client(t.app, cookie);
		expect((await api('GET', '/api/auth/me')).statusCode).toBe(200);
		const out = await api('POST', '/api/auth/logout');
		expect(out.statusCode).toBe(204);
		expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
		expect((await api('GET', '/api/auth/me')).statusCode).toBe(401);
	});

	it('refuses a state change with the cookie but without the CSRF header, or from another origin', async () => {
		const cookie = sessionCookieOf(await login('anna@example.org', PASSWORD));
		const noHeader = await t.app.inject({
			method: 'POST',
			url: '/api/studies',
			headers: { cookie },
			payload: { title: 'x', slug: 'x', languages: ['nl'] }
		});
		expect(noHeader.statusCode).toBe(403);
		expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
		const foreign = await t.app.inject({
			method: 'POST',
			url: '/api/auth/logout',
			headers: { cookie, ...csrf, origin: 'https://evil.example', host: 'localhost:80' }
		});
		expect(foreign.statusCode).toBe(403);
		const sameSite = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
		expect(sameSite.statusCode).toBe(200);
		const ownOrigin = await t.app.inject({
			method: 'POST',
			url: '/api/studies',
			headers: { cookie, ...csrf, origin: 'http://localhost:80', host: 'localhost:80' },
			payload: { title: 'x', slug: 'eigen-origin', languages: ['nl'] }
		});
		expect(ownOrigin.statusCode).toBe(201);
		await t.database.db.deleteFrom('studies').execute();
		expect(await t.database.db.selectFrom('studies').select('id').execute()).toHaveLength(0);
	});

	it('changing the password needs the current one and ends the other sessions', async () => {
		await createResearcher(t.database.db, { email: 'bert@example.org', password: PASSWORD });
		const first = sessionCookieOf(await login('bert@example.org', PASSWORD));
		const second = sessionCookieOf(await login('bert@example.org', PASSWORD));
		const wrong = await client(t.app, first)('POST', '/api/auth/password', {
			currentPassword: 'not it at all',
			newPassword: 'a new long password'
		});
		expect(wrong.statusCode).toBe(403);
		const weak = await client(t.app, first)('POST', '/api/auth/password', {
			currentPassword: PASSWORD,
			newPassword: 'short'
		});
		expect(weak.statusCode).toBe(422);
		expect(weak.json().error.code).toBe('WEAK_PASSWORD');
		const repeated = await client(t.app, first)('POST', '/api/auth/password', {
			currentPassword: PASSWORD,
			newPassword: 'aaaaaaaaaaaa'
		});
		expect(repeated.statusCode).toBe(422);
		expect(repeated.json().error).toMatchObject({ code: 'PASSWORD_TOO_GUESSABLE', details: { reason: 'repeat' } });
		expect((await login('bert@example.org', 'aaaaaaaaaaaa')).statusCode).toBe(401);
		const ok = await client(t.app, first)('POST', '/api/auth/password', {
			currentPassword: PASSWORD,
			newPassword: 'a new long password'
		});
		expect(ok.statusCode).toBe(204);
		expect((await client(t.app, first)('GET', '/api/auth/me')).statusCode).toBe(200);
		expect((await client(t.app, second)('GET', '/api/auth/me')).statusCode).toBe(401);
		expect((await login('bert@example.org', PASSWORD)).statusCode).toBe(401);
		expect((await login('bert@example.org', 'a new long password')).statusCode).toBe(200);
	});
});
