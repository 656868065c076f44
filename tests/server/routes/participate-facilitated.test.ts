import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { type Caller, createStudyResearchers } from '../../helpers/members.js';
import { createTestStudy, participantSorts, validPlacements } from './participate-fixture.js';

// Facilitated mode (interviews) belongs to the study's owner and co-researchers: enrolling an interview
// participant and submitting a sort with a respondent number and interviewer notes both need their session.

const CSRF = { 'x-standpunt-csrf': '1' };

let t: Awaited<ReturnType<typeof buildTestApp>>;
let study: Awaited<ReturnType<typeof createTestStudy>>;
let cookies: Record<Caller, string>;

beforeAll(async () => {
	t = await buildTestApp();
	study = await createTestStudy(t.database.db, { slug: 'interview-study', selfEnrolment: false });
	cookies = await createStudyResearchers(t.database.db, study.id);
});
afterAll(async () => t?.close());

const as = (caller: Caller | 'anonymous', csrf = true) => ({
	...(csrf ? CSRF : {}),
	...(caller === 'anonymous' ? {} : { cookie: cookies[caller] })
});
const enrolAs = (caller: Caller | 'anonymous', slug = 'interview-study', csrf = true) =>
	t.app.inject({
		method: 'POST',
		url: `/api/studies/by-slug/${slug}/participants`,
		headers: as(caller, csrf),
		payload: { facilitated: true }
	});
const participantCount = async () =>
	Number(
		(
			await t.database.db
				.selectFrom('participants')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
const interviewCode = async (caller: Caller = 'owner') => {
	const response = await enrolAs(caller);
	expect(response.statusCode).toBe(201);
	return response.json().code as string;
};
const notes = {
	sort: 'Respondent twijfelde lang over S05.',
	statements: { S05: '"We kunnen niet allemaal keeper zijn"' }
};
const interview = (respondentNumber = '64') => ({
	placements: validPlacements(study.codes, study.grid),
	answers: { role: 'noodhulp' },
	facilitated: { respondentNumber, notes }
});
const submitAs = (caller: Caller | 'anonymous', code: string, payload: object, csrf = true) =>
	t.app.inject({ method: 'POST', url: `/api/participate/${code}/submission`, headers: as(caller, csrf), payload });
const sortsOf = (code: string) => participantSorts(t.database.db, code);

describe('facilitated enrolment: POST /api/studies/by-slug/:slug/participants {"facilitated":true}', () => {
	it.each(['owner', 'co_researcher'] as const)(
		'lets the %s enrol an interview participant, also without self-enrolment',
		async (caller) => {
			const response = await enrolAs(caller);
			expect(response.statusCode).toBe(201);
			const row = await t.database.db
				.selectFrom('participants')
				.selectAll()
				.where('code', '=', response.json().code)
				.executeTakeFirstOrThrow();
			expect(row).toMatchObject({ study_id: study.id, source: 'facilitated', status: 'new' });
		}
	);

	it.each([
		['anonymous', 'interview-study', true, 401, 'UNAUTHENTICATED'],
		['anonymous', 'no-such-study', true, 401, 'UNAUTHENTICATED'],
		['owner', 'interview-study', false, 403, 'CSRF_REJECTED'],
		['facilitator', 'interview-study', true, 403, 'ROLE_TOO_LOW'],
		['stranger', 'interview-study', true, 404, 'STUDY_NOT_FOUND'],
		['owner', 'no-such-study', true, 404, 'STUDY_NOT_FOUND']
	] as const)(
		'refuses %s on %s (CSRF header %s) with %i %s and creates nothing',
		async (caller, slug, csrf, status, code) => {
			const before = await participantCount();
			const response = await enrolAs(caller, slug, csrf);
			expect(response.statusCode).toBe(status);
			expect(response.json().error.code).toBe(code);
			expect(await participantCount()).toBe(before);
		}
	);

	it('needs an open study: a draft answers 409 STUDY_NOT_OPEN, a closed study 409 STUDY_CLOSED', async () => {
		for (const [status, code] of [
			['draft', 'STUDY_NOT_OPEN'],
			['closed', 'STUDY_CLOSED']
		] as const) {
			const other = await createTestStudy(t.database.db, { slug: `interview-${status}`, status });
			const owner = (await createStudyResearchers(t.database.db, other.id, status)).owner;
			const before = await participantCount();
			const response = await t.app.inject({
				method: 'POST',
				url: `/api/studies/by-slug/interview-${status}/participants`,
				headers: { ...CSRF, cookie: owner },
				payload: { facilitated: true }
			});
			expect(response.statusCode, status).toBe(409);
			expect(response.json().error.code).toBe(code);
			expect(await participantCount()).toBe(before);
		}
	});

	it('keeps plain self-enrolment closed for a study without it, even for its owner', async () => {
		const response = await t.app.inject({
			method: 'POST',
			url: '/api/studies/by-slug/interview-study/participants',
			headers: as('owner'),
			payload: {}
		});
		expect(response.statusCode).toBe(404);
	});
});

describe('facilitated submission: POST /api/participate/:code/submission with a facilitated block', () => {
	it.each(['owner', 'co_researcher'] as const)(
		'stores the %s’s interview with respondent number and interviewer notes',
		async (caller) => {
			const code = await interviewCode(caller);
			const number = caller === 'owner' ? '64' : '65';
			const response = await submitAs(caller, code, interview(number));
			expect(response.statusCode).toBe(201);
			const { participant, sorts } = await sortsOf(code);
			expect(participant.status).toBe('submitted');
			expect(sorts).toHaveLength(1);
			expect(sorts[0]).toMatchObject({
				source: 'facilitated',
				respondent_number: number,
				interviewer_notes: notes,
				label: number
			});
			// An identical retry gets the same receipt.
			const retry = await submitAs(caller, code, interview(number));
			expect(retry.statusCode).toBe(200);
			expect(retry.json().receipt).toBe(response.json().receipt);
		}
	);

	it('gives a respondent number already in use a suffixed label', async () => {
		const code = await interviewCode();
		expect((await submitAs('owner', code, interview('64'))).statusCode).toBe(201);
		expect((await sortsOf(code)).sorts[0].label).toMatch(/^64-[0-9A-Z]{6}$/);
	});

	it('labels the sort with the respondent number exactly as typed (no second "R")', async () => {
		const code = await interviewCode();
		expect((await submitAs('owner', code, interview('R99'))).statusCode).toBe(201);
		expect((await sortsOf(code)).sorts[0]).toMatchObject({ label: 'R99', respondent_number: 'R99' });
	});

	it.each([
		['anonymous', true, 401, 'UNAUTHENTICATED'],
		['owner', false, 403, 'CSRF_REJECTED'],
		['facilitator', true, 403, 'ROLE_TOO_LOW'],
		['stranger', true, 403, 'NOT_STUDY_RESEARCHER']
	] as const)('refuses %s (CSRF header %s) with %i %s and stores nothing', async (caller, csrf, status, errorCode) => {
		const code = await interviewCode();
		const response = await submitAs(caller, code, interview(), csrf);
		expect(response.statusCode).toBe(status);
		expect(response.json().error.code).toBe(errorCode);
		expect(await sortsOf(code)).toMatchObject({ participant: { status: 'new' }, sorts: [] });
	});

	it('answers 422 NOT_FACILITATED for a self-enrolled or invited code, even from the owner', async () => {
		const open = await createTestStudy(t.database.db, { slug: 'interview-open' });
		const owner = (await createStudyResearchers(t.database.db, open.id, 'open')).owner;
		const enrolled = await t.app.inject({
			method: 'POST',
			url: '/api/studies/by-slug/interview-open/participants',
			headers: CSRF,
			payload: {}
		});
		const code = enrolled.json().code as string;
		for (const headers of [CSRF, { ...CSRF, cookie: owner }]) {
			const response = await t.app.inject({
				method: 'POST',
				url: `/api/participate/${code}/submission`,
				headers,
				payload: { ...interview(), placements: validPlacements(open.codes, open.grid) }
			});
			expect(response.statusCode).toBe(422);
			expect(response.json().error.code).toBe('NOT_FACILITATED');
		}
		expect((await sortsOf(code)).sorts).toHaveLength(0);
	});

	it('answers 422 FACILITATED_DATA_REQUIRED for an interview code submitted without the facilitated block', async () => {
		const code = await interviewCode();
		const { facilitated: _, ...plain } = interview();
		for (const caller of ['anonymous', 'owner'] as const) {
			const response = await submitAs(caller, code, plain);
			expect(response.statusCode, caller).toBe(422);
			expect(response.json().error.code).toBe('FACILITATED_DATA_REQUIRED');
		}
		expect((await sortsOf(code)).sorts).toHaveLength(0);
	});

	it('leaves an unknown code to the ordinary 404', async () => {
		const response = await submitAs('anonymous', 'ZZZZ-ZZZZ-ZZZZ', interview());
		expect(response.statusCode).toBe(404);
	});
});
