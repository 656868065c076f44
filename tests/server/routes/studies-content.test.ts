import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'designer@example.org'));
});
afterAll(async () => t.close());

async function create(slug: string, overrides: Record<string, unknown> = {}): Promise<string> {
	const response = await api('POST', '/api/studies', smallStudy(slug, overrides));
	expect(response.statusCode, response.body).toBe(201);
	return response.json().id;
}
const statements = async (id: string) => (await api('GET', `/api/studies/${id}/statements`)).json();
const placements = { S01: -2, S02: -1, S03: 0, S04: 1, S05: 2 };

describe('statements', () => {
	it('adds statements with the next free codes and counts themes in Q-set and concourse', async () => {
		const id = await create('stellingen');
		const added = await api('POST', `/api/studies/${id}/statements`, {
			statements: [{ text: { nl: 'Nieuw', en: 'New' }, themes: ['urgentie'], inQset: false }]
		});
		expect(added.statusCode).toBe(201);
		expect(added.json().statements[0]).toMatchObject({ code: 'S06', inQset: false, position: 6 });
		const list = await statements(id);
		expect(list.themes).toEqual([
			{ theme: 'competenties', qset: 3, concourse: 0 },
			{ theme: 'urgentie', qset: 2, concourse: 1 }
		]);
	});

	it('pastes one statement per line, skipping blank lines and bullets', async () => {
		const id = await create('plakken', { statements: [], grid: [] });
		const response = await api('POST', `/api/studies/${id}/statements/bulk`, {
			text: '- Eerste\r\n\r\n2. Tweede\n  Derde  \n',
			language: 'nl'
		});
		expect(response.statusCode).toBe(201);
		expect(response.json().statements.map((s: { code: string; text: object }) => [s.code, s.text])).toEqual([
			['S01', { nl: 'Eerste' }],
			['S02', { nl: 'Tweede' }],
			['S03', { nl: 'Derde' }]
		]);
	});

	it('imports statements from a .STA file and from a two-language CSV', async () => {
		const id = await create('importeren', { statements: [], grid: [] });
		const sta = await api('POST', `/api/studies/${id}/statements/import`, {
			format: 'sta',
			content: 'Eerste stelling   \r\nTweede stelling\r\n',
			language: 'nl'
		});
		expect(sta.statusCode).toBe(201);
		expect(sta.json().statements.map((s: { text: object }) => s.text)).toEqual([
			{ nl: 'Eerste stelling' },
			{ nl: 'Tweede stelling' }
		]);
		const csv = await api('POST', `/api/studies/${id}/statements/import`, {
			format: 'csv',
			content: 'code,nl,en\nX1,"Een, met komma",One\nX2,Twee,"Two ""quoted"""\n'
		});
		expect(csv.statusCode).toBe(201);
		expect(csv.json().statements.map((s: { code: string; text: object }) => [s.code, s.text])).toEqual([
			['X1', { nl: 'Een, met komma', en: 'One' }],
			['X2', { nl: 'Twee', en: 'Two "quoted"' }]
		]);
	});

	it.each([
		['a CSV without header', 'csv', 'A,B\n', 'INVALID_FILE'],
		['an unknown CSV column', 'csv', 'code,de\nA,x\n', 'INVALID_FILE'],
		['a .STA with an empty line', 'sta', 'one\n\ntwo\n', 'INVALID_FILE'],
		['a CSV with an unclosed quote', 'csv', 'code,text\nA,"open\n', 'INVALID_FILE']
	])('refuses %s (422) and adds nothing', async (_name, format, content, code) => {
		const id = await create(`kapot-${format}-${Math.random().toString(36).slice(2, 8)}`, { statements: [], grid: [] });
		const response = await api('POST', `/api/studies/${id}/statements/import`, { format, content });
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe(code);
		expect((await statements(id)).statements).toHaveLength(0);
	});

	it('edits, moves from the concourse into the Q-set, reorders and deletes', async () => {
		const id = await create('bewerk', { grid: [], gridForced: false });
		const [first, second] = (await statements(id)).statements;
		const edited = await api('PATCH', `/api/studies/${id}/statements/${first.id}`, {
			text: { en: 'Changed' },
			inQset: false
		});
		expect(edited.json().statement).toMatchObject({ text: { nl: 'Stelling A', en: 'Changed' }, inQset: false });
		const moved = await api('PATCH', `/api/studies/${id}/statements/${first.id}`, { inQset: true });
		expect(moved.json().statement.inQset).toBe(true);
		const ids = (await statements(id)).statements.map((s: { id: string }) => s.id).reverse();
		const reordered = await api('PUT', `/api/studies/${id}/statements/order`, { ids });
		expect(reordered.json().statements.map((s: { id: string }) => s.id)).toEqual(ids);
		expect((await api('PUT', `/api/studies/${id}/statements/order`, { ids: ids.slice(1) })).json().error.code).toBe(
			'ORDER_INVALID'
		);
		expect((await api('DELETE', `/api/studies/${id}/statements/${second.id}`)).statusCode).toBe(204);
		expect((await api('DELETE', `/api/studies/${id}/statements/${second.id}`)).statusCode).toBe(404);
		expect((await api('PATCH', `/api/studies/${id}/statements/${first.id}`, { code: 'S03' })).json().error.code).toBe(
			'DUPLICATE_STATEMENT_CODES'
		);
	});
});

describe('grid', () => {
	it('replaces the grid and refuses a forced grid that does not fit the Q-set', async () => {
		const id = await create('rooster');
		const ok = await api('PUT', `/api/studies/${id}/grid`, {
			columns: [
				{ value: -1, capacity: 2 },
				{ value: 0, capacity: 1 },
				{ value: 1, capacity: 2 }
			]
		});
		expect(ok.json()).toEqual({
			forced: true,
			columns: [
				{ value: -1, capacity: 2 },
				{ value: 0, capacity: 1 },
				{ value: 1, capacity: 2 }
			]
		});
		const bad = await api('PUT', `/api/studies/${id}/grid`, { columns: [{ value: 0, capacity: 7 }] });
		expect(bad.statusCode).toBe(422);
		expect(bad.json().error).toMatchObject({ code: 'GRID_MISMATCH', details: { places: 7, statements: 5 } });
		expect((await api('GET', `/api/studies/${id}/grid`)).json().columns).toHaveLength(3);
		const free = await api('PUT', `/api/studies/${id}/grid`, { columns: [{ value: 0, capacity: 7 }], forced: false });
		expect(free.json()).toEqual({ forced: false, columns: [{ value: 0, capacity: 7 }] });
	});
});

describe('questions', () => {
	it('adds every question type with "prefer not to say" on by default, edits, reorders, deletes', async () => {
		const id = await create('vragen');
		const options = [
			{ value: 'a', label: { nl: 'A', en: 'A' } },
			{ value: 'b', label: 'B' }
		];
		const created = [];
		for (const type of ['single', 'multiple', 'scale', 'short_text', 'long_text']) {
			const body = {
				phase: 'post',
				type,
				prompt: { nl: `Vraag ${type}`, en: `Question ${type}` },
				...(type.endsWith('text') ? {} : { options })
			};
			const response = await api('POST', `/api/studies/${id}/questions`, body);
			expect(response.statusCode, response.body).toBe(201);
			created.push(response.json().question);
		}
		expect(created.map((q) => [q.key, q.offerDecline, q.required])).toEqual([
			['q1', true, false],
			['q2', true, false],
			['q3', true, false],
			['q4', true, false],
			['q5', true, false]
		]);
		const edited = await api('PATCH', `/api/studies/${id}/questions/${created[0].id}`, {
			required: true,
			offerDecline: false,
			key: 'eenheid'
		});
		expect(edited.json().question).toMatchObject({
			key: 'eenheid',
			required: true,
			offerDecline: false,
			type: 'single'
		});
		const ids = created.map((q) => q.id).reverse();
		expect(
			(await api('PUT', `/api/studies/${id}/questions/order`, { ids }))
				.json()
				.questions.map((q: { id: string }) => q.id)
		).toEqual(ids);
		expect((await api('DELETE', `/api/studies/${id}/questions/${created[1].id}`)).statusCode).toBe(204);
		expect((await api('GET', `/api/studies/${id}/questions`)).json().questions).toHaveLength(4);
	});

	it.each([
		[
			'a choice question with one option',
			{ type: 'single', options: [{ value: 'a', label: 'A' }] },
			422,
			'QUESTION_OPTIONS_INVALID'
		],
		[
			'repeated option values',
			{
				type: 'multiple',
				options: [
					{ value: 'a', label: 'A' },
					{ value: 'a', label: 'B' }
				]
			},
			422,
			'QUESTION_OPTIONS_INVALID'
		],
		[
			'options on a text question',
			{ type: 'short_text', options: [{ value: 'a', label: 'A' }] },
			422,
			'QUESTION_OPTIONS_INVALID'
		],
		['an unknown type', { type: 'slider' }, 400, 'VALIDATION_FAILED']
	])('refuses %s', async (_name, body, status, code) => {
		const id = await create(`vraag-${Math.random().toString(36).slice(2, 8)}`);
		const response = await api('POST', `/api/studies/${id}/questions`, { phase: 'pre', prompt: 'Vraag', ...body });
		expect(response.statusCode).toBe(status);
		expect(response.json().error.code).toBe(code);
	});

	it('refuses a key that is taken (409)', async () => {
		const id = await create('sleutel');
		await api('POST', `/api/studies/${id}/questions`, {
			key: 'leeftijd',
			phase: 'pre',
			type: 'short_text',
			prompt: 'Leeftijd'
		});
		const again = await api('POST', `/api/studies/${id}/questions`, {
			key: 'leeftijd',
			phase: 'pre',
			type: 'short_text',
			prompt: 'Leeftijd'
		});
		expect(again.statusCode).toBe(409);
		expect(again.json().error.code).toBe('QUESTION_KEY_TAKEN');
	});
});

describe('once a sort exists', () => {
	it('locks Q-set and grid with 409 STUDY_LOCKED but still allows themes, concourse and texts outside the Q-set', async () => {
		const id = await create('vergrendeld');
		expect((await api('POST', `/api/studies/${id}/sorts`, { label: 'P1', placements })).statusCode).toBe(201);
		const [first] = (await statements(id)).statements;
		const attempts = [
			api('POST', `/api/studies/${id}/statements`, { statements: [{ text: 'nog een' }] }),
			api('PATCH', `/api/studies/${id}/statements/${first.id}`, { text: 'anders' }),
			api('PATCH', `/api/studies/${id}/statements/${first.id}`, { inQset: false }),
			api('DELETE', `/api/studies/${id}/statements/${first.id}`),
			api('PUT', `/api/studies/${id}/grid`, { columns: [{ value: 0, capacity: 5 }] }),
			api('PATCH', `/api/studies/${id}`, { gridForced: false })
		];
		for (const response of await Promise.all(attempts)) {
			expect(response.statusCode).toBe(409);
			expect(response.json().error.code).toBe('STUDY_LOCKED');
			expect(response.json().error.message).toMatch(/already has 1 sort/);
		}
		expect((await api('PATCH', `/api/studies/${id}/statements/${first.id}`, { themes: ['nieuw'] })).statusCode).toBe(
			200
		);
		expect(
			(await api('POST', `/api/studies/${id}/statements`, { statements: [{ text: 'concours', inQset: false }] }))
				.statusCode
		).toBe(201);
		expect((await api('GET', `/api/studies/${id}`)).json().study.locked).toBe(true);
	});
});
