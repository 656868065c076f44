// Issue 11 §3: no participant code, receipt, token, answer, comment or SQL parameter in any log line, at
// any level, on either database. The app runs at the most verbose level ("trace") on the run's database
// (PGlite, or Postgres with DATABASE_URL); every route of the OpenAPI document is called, errors included
// (a NUL in a comment, unknown codes, bad tokens, a failing query), and the captured log is searched for
// every secret the run used.
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { issueSetupToken } from '../../server/auth/accounts.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { createTestStudy, validPlacements } from './routes/participate-fixture.js';
import { createDialogueFixture } from './dialogue/dialogue-fixture.js';

let testDb: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
/** Every value that must never reach the log. */
const secrets = new Set<string>();
const secret = (value: string) => (secrets.add(value), value);

const ANSWER = secret('antwoord-Vx7Qe9');
const COMMENT = secret('toelichting-Kp3Wz2');
const FREE_TEXT = secret('vrije-tekst-Mm4Rt8');
const DRAFT = secret('concept-Jh6Ty1');
const PASSWORD = secret('wachtwoord-Lq2Bn5-lang-genoeg');
const SQL_PARAMETER = secret('parameter-Zc9Xd4');

beforeAll(async () => {
	testDb = await createTestDatabase();
	const stream = { write: (line: string) => void lines.push(line) };
	app = await buildApp({ config: testDb.config, database: testDb.database, logger: { level: 'trace', stream } });
	// A query that fails in the database with a private value as its parameter (a uuid column given text).
	app.get('/api/test-failures/query', async () => {
		await sql`select * from studies where id = ${SQL_PARAMETER}::uuid`.execute(app.database.db);
		return {};
	});
	await app.ready();
});
afterAll(async () => {
	await app?.close();
	await testDb?.destroy();
});

function call(method: InjectOptions['method'], url: string, payload?: unknown, cookie?: string) {
	return app.inject({
		method,
		url,
		headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'x-standpunt-csrf': '1' }) },
		...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] })
	});
}

function cookieOf(response: { headers: Record<string, unknown> }, name: string): string {
	const header = response.headers['set-cookie'];
	const value = (Array.isArray(header) ? header : [header]).find((h) => String(h).startsWith(`${name}=`));
	const token =
		String(value ?? '')
			.split(';')[0]!
			.split('=')[1] ?? '';
	secret(token);
	return `${name}=${token}`;
}

describe('what reaches the log', () => {
	it('holds no code, receipt, token, answer, comment or SQL parameter after every route, errors included', async () => {
		const db = testDb.database.db;
		// The first account, through the one-time setup link (page and API), after a bad token.
		const token = secret((await issueSetupToken(db))!);
		expect((await call('GET', `/api/auth/setup/${secret('bad-setup-token-Qw1')}`)).statusCode).toBe(404);
		await call('GET', `/setup/${token}`);
		const setup = await call('POST', '/api/auth/setup', { token, email: 'eigenaar@example.org', password: PASSWORD });
		expect(setup.statusCode, setup.body).toBe(201);
		const owner = cookieOf(setup, 'standpunt_session');
		expect(
			(
				await call('POST', '/api/auth/login', {
					email: 'eigenaar@example.org',
					password: secret('fout-wachtwoord-Rt5')
				})
			).statusCode
		).toBe(401);
		const login = await call('POST', '/api/auth/login', { email: 'eigenaar@example.org', password: PASSWORD });
		const ownerAgain = cookieOf(login, 'standpunt_session');

		// A participant: enrol, read, save a draft, a submission with a NUL in a comment, then a good one.
		const study = await createTestStudy(db, { slug: 'log-studie' });
		const me = (await call('GET', '/api/auth/me', undefined, owner)).json();
		await db
			.insertInto('study_members')
			.values({ study_id: study.id, researcher_id: me.researcher?.id ?? me.id, role: 'owner' })
			.execute();
		const enrolled = await call('POST', '/api/studies/by-slug/log-studie/participants', {});
		expect(enrolled.statusCode, enrolled.body).toBe(201);
		const code = secret(enrolled.json().code);
		secret(code.replace(/-/g, ''));
		await call('GET', `/p/${code}`);
		await call('GET', `/api/participate/${code}?lang=nl`);
		await call('PUT', `/api/participate/${code}/draft`, { step: 'grid', note: DRAFT });
		const placements = validPlacements(study.codes, study.grid);
		const submission = {
			placements,
			answers: { role: 'noodhulp', remarks: ANSWER },
			comments: { [study.codes[0]!]: COMMENT }
		};
		const nul = await call('POST', `/api/participate/${code}/submission`, {
			...submission,
			comments: { [study.codes[0]!]: `${COMMENT}\u0000` }
		});
		expect(nul.statusCode).toBeGreaterThanOrEqual(400);
		const stored = await call('POST', `/api/participate/${code}/submission`, submission);
		expect(stored.statusCode, stored.body).toBe(201);
		const receipt = secret(stored.json().receipt);
		secret(receipt.replace(/-/g, ''));
		await call('GET', `/api/participate/${secret('ZZZZ-ZZZZ-ZZZ9')}`);
		await call('GET', `/p/${secret('QQQQ-QQQQ-QQQ7')}?lang=en`);
		await call('GET', `/api/studies/${study.id}/sorts`, undefined, ownerAgain);
		await call('POST', `/api/studies/${study.id}/withdrawals`, { receipt: secret('WWWW-WWWW-WWW3') }, owner);
		expect((await call('POST', `/api/studies/${study.id}/withdrawals`, { receipt }, owner)).statusCode).toBe(201);

		// A dialogue session: join by code (a wrong one first), answer, free text, moderation.
		const fx = await createDialogueFixture(db, 'log-dialoog');
		for (const c of Object.values(fx.cookies)) secret(c.split('=')[1]!);
		const session = (
			await call('POST', `/api/analyses/${fx.analysisId}/dialogue-sessions`, { name: 'Bureau' }, fx.cookies.owner)
		).json();
		const joinCode = secret(session.joinCode);
		await call('POST', '/api/dialogue/join', { code: secret('XXXXX9') });
		await call('GET', `/d/${joinCode}`);
		const attendee = cookieOf(await call('POST', '/api/dialogue/join', { code: joinCode }), 'standpunt_attendee');
		await call('PATCH', `/api/dialogue/sessions/${session.id}`, { currentQuestion: 'missing' }, fx.cookies.owner);
		await call('PUT', `/api/dialogue/attend/${joinCode}/answers/missing`, { text: FREE_TEXT }, attendee);
		await call('PUT', `/api/dialogue/attend/${joinCode}/answers/missing`, { text: `${FREE_TEXT}\u0000` }, attendee);
		await call('GET', `/api/dialogue/attend/${joinCode}`, undefined, attendee);
		await call('GET', `/api/dialogue/attend/${joinCode}`, undefined, 'standpunt_attendee=forged-token-Hy7');
		secret('forged-token-Hy7');
		await call('GET', `/api/studies/${fx.studyId}/dialogue/reactions.csv?part=texts`, undefined, fx.cookies.owner);

		// A query that fails inside the database, with a private parameter.
		expect((await call('GET', '/api/test-failures/query')).statusCode).toBe(500);

		// Every route of the API, as owner and anonymously, with the secrets as path parameters and in the body.
		const doc = (await call('GET', '/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
		let requests = 0;
		for (const [path, methods] of Object.entries(doc.paths)) {
			for (const method of Object.keys(methods)) {
				if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || path.endsWith('/events')) continue;
				const url = path
					.replace(
						'{id}',
						path.startsWith('/api/studies') ? study.id : path.includes('/sessions/') ? session.id : fx.analysisId
					)
					.replace('{code}', path.includes('dialogue') ? joinCode : code)
					.replace('{token}', token)
					.replace('{slug}', 'log-studie')
					.replace('{format}', 'json')
					.replace(/\{[^}]+\}/g, receipt);
				const body = {
					comment: COMMENT,
					text: FREE_TEXT,
					answers: { remarks: ANSWER },
					receipt,
					code,
					token: `${token}\u0000`
				};
				for (const cookie of [owner, undefined]) {
					const response = await call(
						method.toUpperCase() as InjectOptions['method'],
						url,
						method === 'get' ? undefined : body,
						cookie
					);
					expect(response.statusCode).toBeGreaterThan(0);
					requests++;
				}
			}
		}
		expect(requests).toBeGreaterThan(100);

		const log = lines.join('');
		expect(app.log.level).toBe('trace');
		expect(log).toContain('request failed');
		expect(log).toContain('"url":"/p/*"');
		expect(log).toContain('"url":"/d/*"');
		expect(log).toContain('"url":"/setup/*"');
		const found = [...secrets].filter(
			(value) => value && (log.includes(value) || log.toLowerCase().includes(value.toLowerCase()))
		);
		expect(found).toEqual([]);
	});

	it("a failing query's error carries neither the SQL text nor its parameters, on either database", async () => {
		const error = await sql`select * from studies where id = ${SQL_PARAMETER}::uuid`.execute(testDb.database.db).then(
			() => undefined,
			(caught: unknown) => caught
		);
		expect(error).toBeInstanceOf(Error);
		const fields = Object.fromEntries(Object.entries(error as object));
		expect(fields).not.toHaveProperty('params');
		expect(fields).not.toHaveProperty('query');
		expect(JSON.stringify(fields)).not.toContain(SQL_PARAMETER);
	});
});
