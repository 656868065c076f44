import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResearcher } from '../../../server/auth/accounts.js';
import {
	ADDRESS_BUDGET,
	ALL_LOGINS_BUDGET,
	DEVICE_BUDGET,
	forgetLoginFailures
} from '../../../server/auth/login-limits.js';
import { buildApp } from '../../../server/app.js';
import { type DatabaseHandle, openDatabase } from '../../../server/db/index.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { PASSWORD } from '../studies/helpers.js';

// The login limits under concurrency (issue 11.4): parallel requests, and two app instances on one
// database — two `pg` pools on PostgreSQL (as two server processes would have), or two Fastify apps on the
// one in-process PGlite.
let t: Awaited<ReturnType<typeof buildTestApp>>;
let second: { app: FastifyInstance; database: DatabaseHandle; ownDatabase: boolean };
let annaId: string;

beforeAll(async () => {
	t = await buildTestApp();
	const ownDatabase = t.database.kind === 'postgres';
	const database = ownDatabase ? await openDatabase(t.config) : t.database;
	second = { app: await buildApp({ config: t.config, database }), database, ownDatabase };
	({ id: annaId } = await createResearcher(t.database.db, { email: 'anna@example.org', password: PASSWORD }));
	await createResearcher(t.database.db, { email: 'bert@example.org', password: PASSWORD });
});
afterAll(async () => {
	await second?.app.close();
	if (second?.ownDatabase) await second.database.close();
	await t?.close();
});
beforeEach(async () => {
	await t.database.db.deleteFrom('rate_limits').execute();
});

const login = (app: FastifyInstance, email: string, password: string, cookie?: string) =>
	app.inject({
		method: 'POST',
		url: '/api/auth/login',
		headers: { 'x-standpunt-csrf': '1', ...(cookie ? { cookie } : {}) },
		payload: { email, password }
	});

const statuses = (responses: LightMyRequestResponse[]) => {
	const counts: Record<number, number> = {};
	for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
	return counts;
};

function deviceCookieOf(response: LightMyRequestResponse): string {
	const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
	const device = header.find((c) => c.startsWith('standpunt_device='));
	if (!device) throw new Error('no device cookie');
	expect(device).toMatch(/Path=\/api\/auth; HttpOnly; SameSite=Strict/);
	return device.split(';')[0]!;
}

describe('the per-address limit under concurrency', () => {
	it(`checks only ${ADDRESS_BUDGET.limit} of 100 parallel wrong passwords; the rest get 429`, async () => {
		const responses = await Promise.all(
			Array.from({ length: 100 }, () => login(t.app, 'anna@example.org', 'wrong password 123'))
		);
		expect(statuses(responses)).toEqual({ 401: ADDRESS_BUDGET.limit, 429: 100 - ADDRESS_BUDGET.limit });
		const limited = responses.find((r) => r.statusCode === 429)!;
		expect(limited.json().error.code).toBe('TOO_MANY_ATTEMPTS');
		expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
		expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(ADDRESS_BUDGET.windowMs / 1000);
	});

	it('holds across two app instances on one database', async () => {
		const responses = await Promise.all(
			Array.from({ length: 60 }, (_, i) => login(i % 2 ? t.app : second.app, 'anna@example.org', 'wrong password 123'))
		);
		expect(statuses(responses)).toEqual({ 401: ADDRESS_BUDGET.limit, 429: 60 - ADDRESS_BUDGET.limit });
		// Both instances refuse the right password now, too.
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(429);
		expect((await login(second.app, 'anna@example.org', PASSWORD)).statusCode).toBe(429);
	});

	it('does not let the right password through among 30 parallel wrong ones once they used the budget', async () => {
		const wrong = await Promise.all(
			Array.from({ length: 30 }, () => login(second.app, 'anna@example.org', 'wrong password 123'))
		);
		expect(statuses(wrong)).toEqual({ 401: ADDRESS_BUDGET.limit, 429: 30 - ADDRESS_BUDGET.limit });
		const mixed = await Promise.all([
			...Array.from({ length: 30 }, () => login(t.app, 'anna@example.org', 'wrong password 123')),
			login(second.app, 'anna@example.org', PASSWORD)
		]);
		expect(statuses(mixed)).toEqual({ 429: 31 });
	});

	it('a success wipes the count of that address only', async () => {
		for (let i = 0; i < ADDRESS_BUDGET.limit - 1; i++)
			expect((await login(t.app, 'anna@example.org', 'wrong password 123')).statusCode).toBe(401);
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(200);
		for (let i = 0; i < ADDRESS_BUDGET.limit; i++)
			expect((await login(t.app, 'anna@example.org', 'wrong password 123')).statusCode).toBe(401);
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(429);
		expect((await login(t.app, 'bert@example.org', PASSWORD)).statusCode).toBe(200);
	});
});

describe('the rightful user cannot be locked out', () => {
	it('a browser that logged in to the account before gets in while the address is locked', async () => {
		const device = deviceCookieOf(await login(t.app, 'anna@example.org', PASSWORD));
		await Promise.all(Array.from({ length: 40 }, () => login(second.app, 'anna@example.org', 'wrong password 123')));
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(429);
		const own = await login(second.app, 'anna@example.org', PASSWORD, device);
		expect(own.statusCode).toBe(200);
		// The same device cookie comes back (it is not a new one per login).
		expect(deviceCookieOf(own)).toBe(device);
	});

	it('a device cookie of another account, or a forged one, exempts nothing', async () => {
		const bertDevice = deviceCookieOf(await login(t.app, 'bert@example.org', PASSWORD));
		const forged = `standpunt_device=${annaId}.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`;
		await Promise.all(Array.from({ length: 10 }, () => login(t.app, 'anna@example.org', 'wrong password 123')));
		expect((await login(t.app, 'anna@example.org', PASSWORD, bertDevice)).statusCode).toBe(429);
		expect((await login(t.app, 'anna@example.org', PASSWORD, forged)).statusCode).toBe(429);
	});

	it(`a device has its own budget of ${DEVICE_BUDGET.limit} attempts (a stolen laptop cannot guess without end)`, async () => {
		const device = deviceCookieOf(await login(t.app, 'anna@example.org', PASSWORD));
		const responses = await Promise.all(
			Array.from({ length: 30 }, () => login(t.app, 'anna@example.org', 'wrong password 123', device))
		);
		expect(statuses(responses)).toEqual({ 401: DEVICE_BUDGET.limit, 429: 30 - DEVICE_BUDGET.limit });
	});

	it('`user set-password` lets a locked account in again from any browser', async () => {
		await Promise.all(Array.from({ length: 10 }, () => login(t.app, 'anna@example.org', 'wrong password 123')));
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(429);
		await forgetLoginFailures(t.database.db, 'anna@example.org', annaId);
		expect((await login(t.app, 'anna@example.org', PASSWORD)).statusCode).toBe(200);
	});
});

describe('the limit on all logins together', () => {
	it(`stops trying many addresses after ${ALL_LOGINS_BUDGET.limit} failed attempts, on both instances; known devices still get in`, async () => {
		const device = deviceCookieOf(await login(t.app, 'anna@example.org', PASSWORD));
		// Most of the budget already spent (checking 100 passwords would only make the test slow).
		await t.database.db
			.insertInto('rate_limits')
			.values({ bucket: 'login:all', hits: ALL_LOGINS_BUDGET.limit - 5 })
			.onConflict((oc) => oc.column('bucket').doUpdateSet({ hits: ALL_LOGINS_BUDGET.limit - 5 }))
			.execute();
		const responses = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				login(i % 2 ? t.app : second.app, `guess${i}@example.org`, 'wrong password 123')
			)
		);
		expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
		// A new browser has to wait, whatever the address…
		expect((await login(second.app, 'bert@example.org', PASSWORD)).statusCode).toBe(429);
		// …and the refused attempt did not use up bert's own attempts.
		const bertBucket = await t.database.db
			.selectFrom('rate_limits')
			.select('hits')
			.where('bucket', 'like', 'login:address:%')
			.execute();
		expect(bertBucket.every((b) => b.hits <= 1)).toBe(true);
		// A browser that logged in before is not held up.
		expect((await login(second.app, 'anna@example.org', PASSWORD, device)).statusCode).toBe(200);
	});

	it('successful logins do not use up the budget of all logins', async () => {
		for (let i = 0; i < 3; i++) expect((await login(t.app, 'bert@example.org', PASSWORD)).statusCode).toBe(200);
		const all = await t.database.db
			.selectFrom('rate_limits')
			.select('hits')
			.where('bucket', '=', 'login:all')
			.executeTakeFirst();
		expect(all?.hits ?? 0).toBe(0);
	});
});
