import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { createTestStudy, participantSorts, validPlacements } from './participate-fixture.js';

const HEADERS = { 'x-standpunt-csrf': '1' };

let t: Awaited<ReturnType<typeof buildTestApp>>;
let study: Awaited<ReturnType<typeof createTestStudy>>;

beforeAll(async () => {
	t = await buildTestApp();
	study = await createTestStudy(t.database.db, { slug: 'open-study' });
});
afterAll(async () => t?.close());

async function newCode(slug = 'open-study'): Promise<string> {
	const response = await t.app.inject({
		method: 'POST',
		url: `/api/studies/by-slug/${slug}/participants`,
		headers: HEADERS,
		payload: {}
	});
	expect(response.statusCode).toBe(201);
	return response.json().code;
}
const placements = () => validPlacements(study.codes, study.grid);
const submission = (extra: Record<string, unknown> = {}) => ({
	placements: placements(),
	answers: { role: 'noodhulp' },
	comments: { S01: 'Belangrijk' },
	...extra
});
const submit = (code: string, payload: unknown, headers: Record<string, string> = {}) =>
	t.app.inject({
		method: 'POST',
		url: `/api/participate/${code}/submission`,
		headers: { ...HEADERS, ...headers },
		payload: payload as string
	});
const sortsOf = (code: string) => participantSorts(t.database.db, code);

describe('POST /api/participate/:code/submission', () => {
	it('stores the sort once, returns a receipt, marks the participant and removes the draft', async () => {
		const code = await newCode();
		await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: HEADERS,
			payload: { step: 'submit' }
		});
		const response = await submit(code, submission());
		expect(response.statusCode).toBe(201);
		const { receipt } = response.json();
		expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		const { participant, sorts } = await sortsOf(code);
		expect(participant.status).toBe('submitted');
		expect(sorts).toHaveLength(1);
		expect(sorts[0]).toMatchObject({
			source: 'participant',
			receipt,
			respondent_number: null,
			answers: { role: 'noodhulp' },
			comments: { S01: 'Belangrijk' }
		});
		expect(sorts[0].placements).toEqual(Object.fromEntries(placements().map((p) => [p.statement, p.value])));
		const after = (await t.app.inject({ method: 'GET', url: `/api/participate/${code}` })).json();
		expect(after.status).toBe('submitted');
		expect(after.draft).toBeNull();
	});

	it('answers an identical retry (in any order) with 200 and the same receipt, storing nothing new', async () => {
		const code = await newCode();
		const first = await submit(code, submission());
		const reordered = {
			comments: { S01: 'Belangrijk' },
			answers: { role: 'noodhulp' },
			placements: [...placements()].reverse()
		};
		const retry = await submit(code, reordered);
		expect(retry.statusCode).toBe(200);
		expect(retry.json().receipt).toBe(first.json().receipt);
		expect((await sortsOf(code)).sorts).toHaveLength(1);
	});

	it('answers a different submission after acceptance with 409 ALREADY_SUBMITTED', async () => {
		const code = await newCode();
		await submit(code, submission());
		const response = await submit(code, submission({ comments: { S01: 'Anders' } }));
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('ALREADY_SUBMITTED');
		expect((await sortsOf(code)).sorts[0].comments).toEqual({ S01: 'Belangrijk' });
	});

	it('stores exactly one sort when the same submission arrives many times at once', async () => {
		const code = await newCode();
		const responses = await Promise.all(Array.from({ length: 8 }, () => submit(code, submission())));
		const statuses = responses.map((r) => r.statusCode).sort();
		expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
		expect(new Set(responses.map((r) => r.json().receipt)).size).toBe(1);
		expect((await sortsOf(code)).sorts).toHaveLength(1);
	});

	const broken: [string, () => unknown, string, unknown][] = [
		[
			'a missing statement',
			() => ({ placements: placements().slice(1) }),
			'MISSING_STATEMENTS',
			{ statements: ['S01'] }
		],
		[
			'a duplicate statement',
			() => ({ placements: [...placements().slice(1), { statement: 'S02', value: -4 }] }),
			'DUPLICATE_STATEMENTS',
			{ statements: ['S02'] }
		],
		[
			'an unknown statement',
			() => ({ placements: [...placements().slice(1), { statement: 'S99', value: -4 }] }),
			'UNKNOWN_STATEMENTS',
			{ statements: ['S99'] }
		],
		[
			'a value outside the grid',
			() => ({ placements: placements().map((p, i) => (i === 0 ? { ...p, value: 5 } : p)) }),
			'VALUE_OUTSIDE_GRID',
			undefined
		],
		[
			// One code for a forced grid's broken distribution, as for paper sorts and imports (src/lib/rules/grid.ts).
			'a column over capacity in a forced grid',
			() => ({ placements: placements().map((p) => (p.statement === 'S03' ? { ...p, value: -4 } : p)) }),
			'DISTRIBUTION_MISMATCH',
			{
				columns: [
					{ value: -4, capacity: 2, count: 3 },
					{ value: -3, capacity: 3, count: 2 }
				]
			}
		],
		[
			'an answer that is not an option',
			() => ({ placements: placements(), answers: { role: 'piloot' } }),
			'INVALID_ANSWERS',
			undefined
		],
		['a missing required answer', () => ({ placements: placements(), answers: {} }), 'INVALID_ANSWERS', undefined],
		[
			'declining where it is not offered',
			() => ({ placements: placements(), answers: { role: 'noodhulp', topics: null } }),
			'INVALID_ANSWERS',
			undefined
		],
		[
			'an answer to an unknown question',
			() => ({ placements: placements(), answers: { role: 'noodhulp', age: '30' } }),
			'INVALID_ANSWERS',
			undefined
		],
		[
			'a comment on an unknown statement',
			() => ({ placements: placements(), answers: { role: 'noodhulp' }, comments: { S77: 'x' } }),
			'UNKNOWN_STATEMENTS',
			undefined
		]
	];
	it.each(broken)('rejects %s with 422 and stores nothing', async (_name, payload, code, details) => {
		const participantCode = await newCode();
		const response = await submit(participantCode, { answers: { role: 'noodhulp' }, ...(payload() as object) });
		expect(response.statusCode).toBe(422);
		const { error } = response.json();
		expect(error.code).toBe(code);
		expect(error.message).toBeTypeOf('string');
		if (details !== undefined) expect(error.details).toEqual(details);
		const { participant, sorts } = await sortsOf(participantCode);
		expect(sorts).toHaveLength(0);
		expect(participant.status).toBe('new');
	});

	it('accepts a declined choice question where declining is offered', async () => {
		const code = await newCode();
		const response = await submit(code, submission({ answers: { role: null, topics: ['a', 'b'], remarks: 'Geen' } }));
		expect(response.statusCode).toBe(201);
		expect((await sortsOf(code)).sorts[0].answers).toEqual({ role: null, topics: ['a', 'b'], remarks: 'Geen' });
	});

	it('accepts uneven columns when the grid is not forced', async () => {
		await createTestStudy(t.database.db, { slug: 'free-study', forced: false });
		const code = await newCode('free-study');
		const free = await t.database.db
			.selectFrom('studies')
			.select('id')
			.where('slug', '=', 'free-study')
			.executeTakeFirstOrThrow();
		expect(free.id).toBeTypeOf('string');
		const response = await submit(code, {
			answers: { role: 'recherche' },
			placements: study.codes.map((statement) => ({ statement, value: 0 }))
		});
		expect(response.statusCode).toBe(201);
	});

	it('answers 409 STUDY_CLOSED when the study closed after enrolment', async () => {
		await createTestStudy(t.database.db, { slug: 'closing-study' });
		const code = await newCode('closing-study');
		await t.database.db.updateTable('studies').set({ status: 'closed' }).where('slug', '=', 'closing-study').execute();
		const response = await submit(code, submission());
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('STUDY_CLOSED');
		const draft = await t.app.inject({
			method: 'PUT',
			url: `/api/participate/${code}/draft`,
			headers: HEADERS,
			payload: {}
		});
		expect(draft.json().error.code).toBe('STUDY_CLOSED');
		const view = (await t.app.inject({ method: 'GET', url: `/api/participate/${code}` })).json();
		expect(view.study.open).toBe(false);
	});

	it.each([
		['malformed JSON', '{"placements": [', 400],
		['a placements string', JSON.stringify({ placements: 'all' }), 400],
		['a non-integer value', JSON.stringify({ placements: [{ statement: 'S01', value: 'high' }] }), 400],
		['a missing placements field', JSON.stringify({ answers: {} }), 400],
		[
			'an invalid respondent number',
			JSON.stringify({ placements: [], facilitated: { respondentNumber: '<script>' } }),
			400
		],
		['a body over the size limit', JSON.stringify({ placements: [], comments: { S01: 'x'.repeat(300_000) } }), 413]
	])('answers %s with a 4xx error and stores nothing', async (_name, payload, status) => {
		const code = await newCode();
		const response = await submit(code, payload, { 'content-type': 'application/json' });
		expect(response.statusCode).toBe(status);
		expect(response.json().error.code).toBeTypeOf('string');
		expect((await sortsOf(code)).sorts).toHaveLength(0);
	});

	it('answers 404 for an unknown code', async () => {
		const response = await submit('ZZZZ-ZZZZ-ZZZZ', submission());
		expect(response.statusCode).toBe(404);
	});
});

describe('GET /api/docs/json', () => {
	it('documents the participant API in OpenAPI', async () => {
		const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
		expect(response.statusCode).toBe(200);
		const doc = response.json();
		expect(doc.openapi).toMatch(/^3\./);
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/api/studies/by-slug/{slug}/participants',
				'/api/participate/{code}',
				'/api/participate/{code}/draft',
				'/api/participate/{code}/submission'
			])
		);
	});

	it('serves the Swagger UI page at /api/docs', async () => {
		const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toContain('text/html');
	});
});
