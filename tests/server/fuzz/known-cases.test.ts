import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { CODES, RESULT } from '../dialogue/dialogue-fixture.js';
import { changedTables, snapshot, watchedTables } from './snapshot.js';
import { encodeHostile } from './openapi.js';
import { deepJson } from './values.js';
import { buildWorld, type World } from './world.js';

// Every 500 of issue 11 item 7, request by request: each is now a 4xx with the error body and stores nothing.

let test: TestApp & { close(): Promise<void> };
let world: World;
let tables: string[];

beforeAll(async () => {
	test = await buildTestApp();
	world = await buildWorld(test.app, test.database, 0);
	tables = await watchedTables(test.database.db);
});
afterAll(async () => {
	await test?.close();
});

const NUL = 'vóór\u0000na';
const LONE = 'half \ud800 teken';
const json = (
	method: InjectOptions['method'],
	url: string,
	body: unknown,
	headers: Record<string, string> = {}
): InjectOptions => ({
	method,
	url,
	headers: { 'x-standpunt-csrf': '1', 'content-type': 'application/json', ...headers },
	payload: typeof body === 'string' ? body : JSON.stringify(body)
});

async function refused(options: InjectOptions, status?: number): Promise<LightMyRequestResponse> {
	const before = await snapshot(test.database.db, tables);
	const response = await test.app.inject(options);
	expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
	expect(response.statusCode, response.body).toBeLessThan(500);
	if (status) expect(response.statusCode, response.body).toBe(status);
	expect(response.json()).toEqual({
		error: { code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/), message: expect.any(String) }
	});
	expect(changedTables(before, await snapshot(test.database.db, tables))).toEqual([]);
	return response;
}

const owner = () => world.headers.owner;
const study = () => world.ids.id[0];
const analysis = () => world.ids.analysisId[0];
const session = () => world.ids.id[2];
const participant = () => world.ids.code[0];
const joinCode = () => world.ids.code[1];
const validPlacements = () => CODES.map((statement, i) => ({ statement, value: RESULT.factorArrays[i][0] }));

describe('a NUL character in any text field is a 400 INVALID_CHARACTERS', () => {
	const cases: Array<[string, () => InjectOptions]> = [
		[
			'login e-mail (no login needed)',
			() => json('POST', '/api/auth/login', { email: `a${NUL}@example.org`, password: 'x' })
		],
		['study slug in a URL', () => json('POST', `/api/studies/by-slug/${encodeHostile(`fuzz${NUL}`)}/participants`, {})],
		['draft', () => json('PUT', `/api/participate/${participant()}/draft`, { step: NUL })],
		[
			'submission comment',
			() =>
				json('POST', `/api/participate/${participant()}/submission`, {
					placements: validPlacements(),
					comments: { S01: NUL }
				})
		],
		[
			'statements',
			() => json('POST', `/api/studies/${study()}/statements`, { statements: [{ text: NUL, inQset: false }] }, owner())
		],
		['study texts', () => json('PATCH', `/api/studies/${study()}`, { consent: { nl: NUL } }, owner())],
		[
			'dialogue answer',
			() => json('PUT', `/api/dialogue/attend/${joinCode()}/answers/missing`, { text: NUL }, world.headers.participant)
		],
		['session name', () => json('POST', `/api/analyses/${analysis()}/dialogue-sessions`, { name: NUL }, owner())],
		[
			'member e-mail',
			() =>
				json('POST', `/api/studies/${study()}/members`, { email: `x${NUL}@example.org`, role: 'facilitator' }, owner())
		],
		[
			'exclusion reason',
			() =>
				json(
					'POST',
					`/api/studies/${study()}/sorts/${world.ids.sortId[0]}/exclusion`,
					{ excluded: true, reason: NUL },
					owner()
				)
		],
		['withdrawal receipt', () => json('POST', `/api/studies/${study()}/withdrawals`, { receipt: NUL }, owner())],
		[
			'interpretation name',
			() =>
				json('PUT', `/api/analyses/${analysis()}/interpretations/1`, { name: NUL, narrative: '', quotes: [] }, owner())
		],
		[
			'analysis name',
			() =>
				json(
					'POST',
					`/api/studies/${study()}/analyses`,
					{ extraction: 'pca', factors: 2, rotation: 'varimax', name: NUL },
					owner()
				)
		],
		['a property name', () => json('PUT', `/api/participate/${participant()}/draft`, { [NUL]: 1 })],
		['a query string', () => ({ method: 'GET', url: `/api/participate/${participant()}?lang=${encodeHostile(NUL)}` })]
	];
	it.each(cases)('%s', async (_name, request) => {
		const response = await refused(request(), 400);
		expect(response.json().error.code).toBe('INVALID_CHARACTERS');
	});
});

describe('broken Unicode and absurd nesting', () => {
	it('refuses a lone surrogate in a draft and in bulk statements', async () => {
		for (const request of [
			json('PUT', `/api/participate/${participant()}/draft`, { note: LONE }),
			json('POST', `/api/studies/${study()}/statements/bulk`, { text: `een\n${LONE}` }, owner())
		]) {
			expect((await refused(request, 400)).json().error.code).toBe('INVALID_CHARACTERS');
		}
	});

	it('refuses a lone surrogate as raw JSON escapes too', async () => {
		await refused(json('PUT', `/api/participate/${participant()}/draft`, '{"note":"\\udc00"}'), 400);
	});

	it('refuses a draft nested 5,000 deep with 400 INPUT_TOO_DEEP, and keeps the saved one', async () => {
		const saved = await test.app.inject(
			json('PUT', `/api/participate/${participant()}/draft`, { step: 'grid', deep: JSON.parse(deepJson(20)) })
		);
		expect(saved.statusCode).toBe(204);
		expect(
			(await refused(json('PUT', `/api/participate/${participant()}/draft`, deepJson(5000)), 400)).json().error.code
		).toBe('INPUT_TOO_DEEP');
		const read = await test.app.inject({ method: 'GET', url: `/api/participate/${participant()}` });
		expect(read.json().draft.step).toBe('grid');
	});

	it('refuses a percent-encoded lone surrogate in a path with the error body', async () => {
		const response = await refused({ method: 'GET', url: `/api/participate/${encodeHostile('\ud800')}` }, 400);
		expect(response.json().error.code).toBe('BAD_URL');
		expect(response.body).not.toContain('participate');
	});

	it('answers an over-long path parameter with 414 and the error body, not the URL', async () => {
		const response = await refused({ method: 'GET', url: `/api/participate/${'A'.repeat(300)}` }, 414);
		expect(response.json().error.code).toBe('URI_TOO_LONG');
	});
});

describe('ids, empty changes and huge imports', () => {
	it('answers a 36-character id that is no uuid with 404', async () => {
		const url = `/api/dialogue/sessions/${session()}/responses/0123456789abcdef-0123456789abcdef---`;
		expect((await refused(json('PATCH', url, { moderation: 'shown' }, owner()), 404)).json().error.code).toBe(
			'RESPONSE_NOT_FOUND'
		);
	});

	it('refuses a PATCH that changes nothing, on every PATCH route', async () => {
		const urls = [
			`/api/dialogue/sessions/${session()}`,
			`/api/studies/${study()}`,
			`/api/studies/${study()}/statements/${world.ids.statementId[0]}`,
			`/api/studies/${study()}/questions/${world.ids.questionId[0]}`
		];
		for (const url of urls) {
			for (const body of [{ foo: 1 }, {}]) {
				const response = await refused(json('PATCH', url, body, owner()), 400);
				expect(response.json().error.code, url).toMatch(/^(NOTHING_TO_CHANGE|VALIDATION_FAILED)$/);
			}
		}
	});

	it('refuses a 100,000-row CSV import, in the dry run and for real, naming the cap', async () => {
		const rows = Array.from({ length: 100_000 }, (_, i) => `R${i},${RESULT.factorArrays.map((a) => a[0]).join(',')}`);
		const content = [`sort,${CODES.join(',')}`, ...rows].join('\n');
		const real = await refused(
			json('POST', `/api/studies/${study()}/import`, { format: 'csv', content }, owner()),
			422
		);
		expect(real.json().error.code).toBe('IMPORT_TOO_LARGE');
		const dry = await test.app.inject(
			json('POST', `/api/studies/${study()}/import`, { format: 'csv', content, dryRun: true }, owner())
		);
		expect(dry.statusCode).toBe(200);
		expect(dry.json()).toMatchObject({ valid: false, problems: [{ code: 'IMPORT_TOO_LARGE' }] });
	});
});
