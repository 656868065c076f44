import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { createTestStudy, validPlacements } from './participate-fixture.js';

const HEADERS = { 'x-standpunt-csrf': '1' };
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

let t: Awaited<ReturnType<typeof buildTestApp>>;
let study: Awaited<ReturnType<typeof createTestStudy>>;

beforeAll(async () => {
	t = await buildTestApp();
	study = await createTestStudy(t.database.db, { slug: 'open-study' });
});
afterAll(async () => t?.close());

async function enrol(slug = 'open-study') {
	const response = await t.app.inject({
		method: 'POST',
		url: `/api/studies/by-slug/${slug}/participants`,
		headers: HEADERS,
		payload: {}
	});
	return response;
}
async function newCode(slug = 'open-study'): Promise<string> {
	const response = await enrol(slug);
	expect(response.statusCode).toBe(201);
	return response.json().code;
}
const submission = (extra: Record<string, unknown> = {}) => ({
	placements: validPlacements(study.codes, study.grid),
	answers: { role: 'noodhulp' },
	comments: { S01: 'Belangrijk' },
	...extra
});
const submit = (code: string, payload: unknown) =>
	t.app.inject({
		method: 'POST',
		url: `/api/participate/${code}/submission`,
		headers: HEADERS,
		payload: payload as object
	});

describe('POST /api/studies/by-slug/:slug/participants', () => {
	it('creates an anonymous, typeable code for an open study with self-enrolment', async () => {
		const response = await enrol();
		expect(response.statusCode).toBe(201);
		const { code } = response.json();
		expect(code).toMatch(CODE_PATTERN);
		const row = await t.database.db
			.selectFrom('participants')
			.selectAll()
			.where('code', '=', code)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ study_id: study.id, status: 'new', source: 'self_enrolled' });
	});

	it('gives different codes to different participants', async () => {
		const codes = new Set(await Promise.all(Array.from({ length: 20 }, () => newCode())));
		expect(codes.size).toBe(20);
	});

	it('answers 404 for an unknown study, a draft study and a study without self-enrolment', async () => {
		await createTestStudy(t.database.db, { slug: 'draft-study', status: 'draft' });
		await createTestStudy(t.database.db, { slug: 'invite-only', selfEnrolment: false });
		for (const slug of ['nope', 'draft-study', 'invite-only']) {
			const response = await enrol(slug);
			expect(response.statusCode, slug).toBe(404);
			expect(response.json().error.code).toBe('NOT_FOUND');
		}
	});

	it('answers 409 STUDY_CLOSED for a closed study', async () => {
		await createTestStudy(t.database.db, { slug: 'closed-study', status: 'closed' });
		const response = await enrol('closed-study');
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('STUDY_CLOSED');
	});

	it('rejects a body of the wrong type with 400', async () => {
		const response = await t.app.inject({
			method: 'POST',
			url: '/api/studies/by-slug/open-study/participants',
			headers: { ...HEADERS, 'content-type': 'application/json' },
			payload: '[1'
		});
		expect(response.statusCode).toBe(400);
		expect(response.json().error.code).toBeTypeOf('string');
	});
});

describe('GET /api/participate/:code', () => {
	it('returns the study in Dutch by default, status new and no draft', async () => {
		const code = await newCode();
		const response = await t.app.inject({ method: 'GET', url: `/api/participate/${code}` });
		expect(response.statusCode).toBe(200);
		const body = response.json();
		expect(body.status).toBe('new');
		expect(body.draft).toBeNull();
		expect(body.study).toMatchObject({
			title: 'Teststudie',
			language: 'nl',
			languages: ['nl', 'en'],
			open: true,
			forced: true,
			consent: 'Deelname is vrijwillig.'
		});
		expect(body.study.statements).toHaveLength(40);
		expect(body.study.statements[0]).toEqual({ code: 'S01', text: 'Stelling 1' });
		expect(body.study.grid).toEqual(study.grid);
		expect(body.study.questions.map((q: { key: string }) => q.key)).toEqual(['role', 'topics', 'remarks']);
		expect(body.study.questions[0]).toMatchObject({
			phase: 'pre',
			type: 'single',
			offerDecline: true,
			options: [
				{ value: 'noodhulp', label: 'Noodhulp' },
				{ value: 'recherche', label: 'Recherche' }
			]
		});
	});

	it('returns the texts in English with ?lang=en', async () => {
		const code = await newCode();
		const body = (await t.app.inject({ method: 'GET', url: `/api/participate/${code}?lang=en` })).json();
		expect(body.study.language).toBe('en');
		expect(body.study.title).toBe('Test study');
		expect(body.study.statements[1].text).toBe('Statement 2');
	});

	it('accepts the code in lower case, without dashes and with O/I/L look-alikes', async () => {
		const code = await newCode();
		const sloppy = code.replace(/-/g, '').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
		const response = await t.app.inject({ method: 'GET', url: `/api/participate/${sloppy}` });
		expect(response.statusCode).toBe(200);
	});

	it.each(['ZZZZ-ZZZZ-ZZZZ', 'not-a-code', 'U'])('answers 404 for the unknown code %s', async (code) => {
		const response = await t.app.inject({ method: 'GET', url: `/api/participate/${code}` });
		expect(response.statusCode).toBe(404);
		expect(response.json().error.code).toBe('NOT_FOUND');
	});

	it('rejects an unsupported language with 400', async () => {
		const code = await newCode();
		const response = await t.app.inject({ method: 'GET', url: `/api/participate/${code}?lang=fr` });
		expect(response.statusCode).toBe(400);
	});
});

describe('PUT /api/participate/:code/draft', () => {
	const draft = {
		step: 'grid',
		piles: { agree: ['S01'], neutral: [], disagree: ['S02'] },
		placements: { S03: -4 },
		note: 'ëß “quotes” 🙂',
		nested: [1, [2, { x: null }]]
	};

	it('stores any JSON and the next GET returns it unchanged', async () => {
		const code = await newCode();
		const put = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: HEADERS,
			payload: draft
		});
		expect(put.statusCode).toBe(204);
		const body = (await t.app.inject({ method: 'GET', url: `/api/participate/${code}` })).json();
		expect(body.draft).toEqual(draft);
		expect(body.status).toBe('in_progress');
		const second = { ...draft, step: 'questions' };
		await t.app.inject({ method: 'PUT', url: `/api/participate/${code}/draft`, headers: HEADERS, payload: second });
		expect((await t.app.inject({ method: 'GET', url: `/api/participate/${code}` })).json().draft).toEqual(second);
	});

	it('rejects a draft over 64 KB with 413 and keeps the previous one', async () => {
		const code = await newCode();
		await t.app.inject({ method: 'PUT', url: `/api/participate/${code}/draft`, headers: HEADERS, payload: draft });
		const response = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: HEADERS,
			payload: { blob: 'x'.repeat(70_000) }
		});
		expect(response.statusCode).toBe(413);
		expect(response.json().error.code).toBeTypeOf('string');
		expect((await t.app.inject({ method: 'GET', url: `/api/participate/${code}` })).json().draft).toEqual(draft);
	});

	it('rejects malformed JSON with 400', async () => {
		const code = await newCode();
		const response = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: { ...HEADERS, 'content-type': 'application/json' },
			payload: '{"step":'
		});
		expect(response.statusCode).toBe(400);
	});

	it('answers 404 for an unknown code', async () => {
		const response = await t.app.inject({
			method: 'PUT',
			url: '/api/participate/ZZZZ-ZZZZ-ZZZZ/draft',
			headers: HEADERS,
			payload: draft
		});
		expect(response.statusCode).toBe(404);
	});

	it('answers 409 once the sort is submitted', async () => {
		const code = await newCode();
		expect((await submit(code, submission())).statusCode).toBe(201);
		const response = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: HEADERS,
			payload: draft
		});
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('ALREADY_SUBMITTED');
	});
});
