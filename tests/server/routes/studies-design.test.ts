import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'owner@example.org'));
});
afterAll(async () => t.close());

async function create(slug: string, overrides: Record<string, unknown> = {}): Promise<string> {
	const response = await api('POST', '/api/studies', smallStudy(slug, overrides));
	expect(response.statusCode, response.body).toBe(201);
	return response.json().id;
}

describe('POST /api/studies', () => {
	it('creates a study with statements and grid and returns its id and slug', async () => {
		const response = await api('POST', '/api/studies', smallStudy('eerste'));
		expect(response.statusCode).toBe(201);
		const { id, slug } = response.json();
		expect(slug).toBe('eerste');
		const { study } = (await api('GET', `/api/studies/${id}`)).json();
		expect(study).toMatchObject({
			slug: 'eerste',
			status: 'draft',
			role: 'owner',
			locked: false,
			gridForced: true,
			problems: []
		});
		expect(study.statements.map((s: { code: string }) => s.code)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05']);
		expect(study.grid).toEqual([-2, -1, 0, 1, 2].map((value) => ({ value, capacity: 1 })));
	});

	it('refuses a forced grid whose places do not match the statements (422 GRID_MISMATCH)', async () => {
		const response = await api('POST', '/api/studies', smallStudy('scheef', { grid: [{ value: 0, capacity: 4 }] }));
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('GRID_MISMATCH');
		expect(response.json().error.message).toMatch(/4 places for 5 statements/);
		expect((await api('GET', '/api/studies')).json().studies.map((s: { slug: string }) => s.slug)).not.toContain(
			'scheef'
		);
	});

	it('accepts the same mismatch for a free grid', async () => {
		const response = await api(
			'POST',
			'/api/studies',
			smallStudy('vrij', { grid: [{ value: 0, capacity: 4 }], gridForced: false })
		);
		expect(response.statusCode).toBe(201);
	});

	it.each([
		['a taken slug', () => smallStudy('eerste'), 409, 'SLUG_TAKEN'],
		['a bad slug', () => smallStudy('Met Spaties'), 400, 'VALIDATION_FAILED'],
		// The forms' slug rule (src/lib/rules/slug.ts): 3–60 characters, single hyphens between letters and digits.
		['a slug of two characters', () => smallStudy('ab'), 400, 'VALIDATION_FAILED'],
		['a slug with a double hyphen', () => smallStudy('a--b'), 400, 'VALIDATION_FAILED'],
		['a slug of 61 characters', () => smallStudy('a'.repeat(61)), 400, 'VALIDATION_FAILED'],
		[
			'duplicate statement codes',
			() =>
				smallStudy('dubbel', {
					statements: [
						{ code: 'A', text: 'x' },
						{ code: 'A', text: 'y' }
					],
					grid: []
				}),
			422,
			'DUPLICATE_STATEMENT_CODES'
		],
		[
			'a repeated grid column',
			() =>
				smallStudy('kolom', {
					grid: [
						{ value: 0, capacity: 3 },
						{ value: 0, capacity: 2 }
					]
				}),
			422,
			'GRID_INVALID'
		],
		['an unknown language', () => smallStudy('taal', { languages: ['de'] }), 400, 'VALIDATION_FAILED']
	])('refuses %s', async (_name, body, status, code) => {
		const response = await api('POST', '/api/studies', body());
		expect(response.statusCode).toBe(status);
		expect(response.json().error.code).toBe(code);
	});
});

describe('PATCH, status and DELETE', () => {
	it('edits texts and self-enrolment; a plain string is used for every language', async () => {
		const id = await create('bewerken');
		const response = await api('PATCH', `/api/studies/${id}`, {
			consent: 'Vrijwillig en anoniem',
			selfEnrolment: true
		});
		expect(response.statusCode).toBe(200);
		expect(response.json().study.consent).toEqual({ nl: 'Vrijwillig en anoniem', en: 'Vrijwillig en anoniem' });
		expect(response.json().study.selfEnrolment).toBe(true);
	});

	it('opens, closes and reopens; a draft cannot be closed', async () => {
		const id = await create('status');
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'closed' })).json().error.code).toBe(
			'INVALID_STATUS_CHANGE'
		);
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'open' })).json()).toEqual({
			status: 'open',
			removedCodes: 0
		});
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'closed' })).json()).toEqual({
			status: 'closed',
			removedCodes: 0
		});
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'open' })).json()).toEqual({
			status: 'open',
			removedCodes: 0
		});
	});

	it('refuses to open an incomplete design and says why (422 STUDY_DESIGN_INVALID)', async () => {
		const id = await create('onaf', {
			statements: [{ code: 'S01', text: { nl: 'alleen Nederlands' } }],
			grid: [{ value: 0, capacity: 1 }]
		});
		const response = await api('POST', `/api/studies/${id}/status`, { status: 'open' });
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('STUDY_DESIGN_INVALID');
		const codes = response.json().error.details.problems.map((p: { code: string }) => p.code);
		expect(codes).toEqual(expect.arrayContaining(['QSET_TOO_SMALL', 'TRANSLATION_MISSING']));
		expect((await api('GET', `/api/studies/${id}`)).json().study.status).toBe('draft');
	});

	it('names an empty consent or instruction text, per language, in the checklist and refuses to open', async () => {
		const id = await create('leeg', { consent: { nl: 'Vrijwillig.' }, instructions: undefined });
		const { study } = (await api('GET', `/api/studies/${id}`)).json();
		expect(study.problems).toEqual([
			{ code: 'CONSENT_EMPTY', message: expect.stringContaining('consent'), languages: ['en'] },
			{ code: 'INSTRUCTIONS_EMPTY', message: expect.stringContaining('instruction'), languages: ['nl', 'en'] }
		]);
		const response = await api('POST', `/api/studies/${id}/status`, { status: 'open' });
		expect(response.statusCode).toBe(422);
		expect(response.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual([
			'CONSENT_EMPTY',
			'INSTRUCTIONS_EMPTY'
		]);
		await api('PATCH', `/api/studies/${id}`, { consent: { nl: 'Vrijwillig.', en: 'Voluntary.' }, instructions: '   ' });
		expect((await api('GET', `/api/studies/${id}`)).json().study.problems.map((p: { code: string }) => p.code)).toEqual(
			['INSTRUCTIONS_EMPTY']
		);
		await api('PATCH', `/api/studies/${id}`, { instructions: 'Sorteer.' });
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'open' })).statusCode).toBe(200);
	});

	it('deletes a study with everything in it', async () => {
		const id = await create('weg');
		expect((await api('DELETE', `/api/studies/${id}`, { confirm: 'weg' })).statusCode).toBe(204);
		expect((await api('GET', `/api/studies/${id}`)).statusCode).toBe(404);
		expect(await t.database.db.selectFrom('statements').select('id').where('study_id', '=', id).execute()).toHaveLength(
			0
		);
	});

	it('answers 404 for a malformed id', async () => {
		const response = await api('GET', '/api/studies/not-a-uuid');
		expect(response.statusCode).toBe(404);
		expect(response.json().error.code).toBe('STUDY_NOT_FOUND');
	});
});
