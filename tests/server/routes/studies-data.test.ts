// Import and export against the Lipset reference files (tests/fixtures/lipset, copied from
// shared/reference/lipset: the PQMethod 2.x distribution files; see FORMAT.md there). Sort values
// are integers, so every comparison here is exact.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs } from '../studies/helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lipset/${name}`, import.meta.url), 'latin1');
const lipsetDat = fixture('lipset.dat');
const lipsetSta = fixture('lipset.sta');
const lipsetCsv = fixture('lipset.csv');
const lipsetStatements = fixture('statements.csv');
const LIPSET_TITLE = 'Lipset Study (PQMETHOD testfile; cf. Brown, 1980, pp. 183ff.)';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'data@example.org'));
});
afterAll(async () => t.close());

async function emptyStudy(slug: string, title = LIPSET_TITLE): Promise<string> {
	const response = await api('POST', '/api/studies', { title: { en: title }, slug, languages: ['en'] });
	expect(response.statusCode, response.body).toBe(201);
	return response.json().id;
}
const sortValues = async (id: string) =>
	Object.fromEntries(
		(await api('GET', `/api/studies/${id}/sorts`))
			.json()
			.sorts.map((s: { label: string; placements: Record<string, number> }) => [s.label, s.placements])
	);
const exported = (id: string, format: string, query = '') =>
	api('GET', `/api/studies/${id}/export?format=${format}${query}`);

describe('POST /api/studies/:id/import', () => {
	it('previews a .DAT + .STA import without storing anything', async () => {
		const id = await emptyStudy('lipset-preview');
		const response = await api('POST', `/api/studies/${id}/import`, {
			format: 'dat',
			content: lipsetDat,
			statements: lipsetSta,
			dryRun: true
		});
		expect(response.statusCode).toBe(200);
		const preview = response.json();
		expect(preview).toMatchObject({ valid: true, sortCount: 9, statementCount: 33, problems: [] });
		expect(preview.labels).toEqual(['US1', 'US2', 'US3', 'US4', 'JP5', 'CA6', 'UK7', 'US8', 'FR9']);
		expect(preview.newGrid).toEqual(
			[-4, -3, -2, -1, 0, 1, 2, 3, 4].map((value, i) => ({ value, capacity: [2, 3, 4, 5, 5, 5, 4, 3, 2][i] }))
		);
		expect(preview.newStatements[0]).toEqual({
			code: 'S01',
			text: { en: '1We accept improvements in status and power of lower class' }
		});
		expect(await sortValues(id)).toEqual({});
	});

	it('imports .DAT + .STA into an empty study and exports the .DAT byte for byte', async () => {
		const id = await emptyStudy('lipset-dat');
		const response = await api('POST', `/api/studies/${id}/import`, {
			format: 'dat',
			content: lipsetDat,
			statements: lipsetSta
		});
		expect(response.statusCode, response.body).toBe(201);
		expect(response.json()).toEqual({ imported: 9 });
		const dat = await exported(id, 'dat');
		expect(dat.statusCode).toBe(200);
		expect(dat.headers['content-disposition']).toBe('attachment; filename="lipset-dat.dat"');
		expect(dat.body).toBe(lipsetDat);
		const sta = await exported(id, 'sta');
		expect(sta.body.split('\r\n').slice(0, 33)).toEqual(
			lipsetSta
				.split('\r\n')
				.slice(0, 33)
				.map((line) => line.trimEnd())
		);
	});

	it('round-trips .DAT → CSV → a new study → .DAT with identical sort values', async () => {
		const first = await emptyStudy('rond-1');
		await api('POST', `/api/studies/${first}/import`, { format: 'dat', content: lipsetDat, statements: lipsetSta });
		const csv = (await exported(first, 'csv')).body;
		const statements = (await exported(first, 'statements-csv')).body;
		expect(csv).toBe(lipsetCsv);
		const second = await emptyStudy('rond-2');
		const again = await api('POST', `/api/studies/${second}/import`, { format: 'csv', content: csv, statements });
		expect(again.statusCode, again.body).toBe(201);
		expect(await sortValues(second)).toEqual(await sortValues(first));
		expect((await exported(second, 'dat')).body).toBe(lipsetDat);
	});

	it('imports CSV with the statements CSV into an empty study (codes and full texts kept)', async () => {
		const id = await emptyStudy('lipset-csv');
		const response = await api('POST', `/api/studies/${id}/import`, {
			format: 'csv',
			content: lipsetCsv,
			statements: lipsetStatements
		});
		expect(response.statusCode, response.body).toBe(201);
		const { study } = (await api('GET', `/api/studies/${id}`)).json();
		expect(study.statements).toHaveLength(33);
		expect(study.statements[1]).toMatchObject({
			code: 'S02',
			text: { en: 'All men are expected to try to improve their position vis-a-vis others.' }
		});
		expect((await exported(id, 'csv')).body).toBe(lipsetCsv);
	});

	it('adds sorts to a study that already has the Q-set (CSV by code, .DAT by position)', async () => {
		const id = await emptyStudy('aanvullen');
		const firstHalf = lipsetCsv.split('\n').slice(0, 5).join('\n') + '\n';
		const secondHalf = [lipsetCsv.split('\n')[0], ...lipsetCsv.split('\n').slice(5)].join('\n');
		expect(
			(
				await api('POST', `/api/studies/${id}/import`, {
					format: 'csv',
					content: firstHalf,
					statements: lipsetStatements
				})
			).json()
		).toEqual({ imported: 4 });
		expect((await api('POST', `/api/studies/${id}/import`, { format: 'csv', content: secondHalf })).json()).toEqual({
			imported: 5
		});
		const twice = await api('POST', `/api/studies/${id}/import`, { format: 'csv', content: secondHalf });
		expect(twice.statusCode).toBe(422);
		expect(twice.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual(
			Array(5).fill('LABEL_TAKEN')
		);
	});

	it.each([
		[
			'a sort that breaks the forced distribution',
			() => lipsetDat.replace('US1       -1 0', 'US1        0 0'),
			'IMPORT_INVALID'
		],
		['a header that counts wrong', () => lipsetDat.replace('  0  9 33', '  0 10 33'), 'INVALID_FILE'],
		['a value that is not a number', () => lipsetDat.replace('US1       -1 0', 'US1       -x 0'), 'INVALID_FILE'],
		['a repeated sort id', () => lipsetDat.replace('US2 ', 'US1 '), 'IMPORT_INVALID']
	])('refuses %s with 422 and adds nothing (all or nothing)', async (_name, content, code) => {
		const id = await emptyStudy(`kapot-${Math.random().toString(36).slice(2, 8)}`);
		const response = await api('POST', `/api/studies/${id}/import`, {
			format: 'dat',
			content: content(),
			statements: lipsetSta
		});
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe(code);
		const { study } = (await api('GET', `/api/studies/${id}`)).json();
		expect([study.statements.length, study.grid.length, study.sortCount]).toEqual([0, 0, 0]);
		const preview = await api('POST', `/api/studies/${id}/import`, {
			format: 'dat',
			content: content(),
			statements: lipsetSta,
			dryRun: true
		});
		expect(preview.statusCode).toBe(200);
		expect(preview.json().valid).toBe(false);
		expect(preview.json().problems.length).toBeGreaterThan(0);
	});

	it('needs the statements for a study without a Q-set, and the right number of them', async () => {
		const id = await emptyStudy('zonder');
		expect(
			(await api('POST', `/api/studies/${id}/import`, { format: 'dat', content: lipsetDat })).json().error.code
		).toBe('STATEMENTS_REQUIRED');
		const short = lipsetSta.split('\r\n').slice(0, 30).join('\r\n');
		expect(
			(await api('POST', `/api/studies/${id}/import`, { format: 'dat', content: lipsetDat, statements: short })).json()
				.error.code
		).toBe('STATEMENT_COUNT_MISMATCH');
	});
});

describe('GET /api/studies/:id/export', () => {
	let id: string;
	beforeAll(async () => {
		id = await emptyStudy('export');
		await api('POST', `/api/studies/${id}/import`, { format: 'csv', content: lipsetCsv, statements: lipsetStatements });
		await api('POST', `/api/studies/${id}/questions`, {
			key: 'land',
			phase: 'pre',
			type: 'short_text',
			prompt: 'Country'
		});
		const { sorts } = (await api('GET', `/api/studies/${id}/sorts`)).json();
		await api('POST', `/api/studies/${id}/sorts/${sorts[0].id}/exclusion`, { excluded: true, reason: 'pilot' });
		await t.database.db
			.updateTable('sorts')
			.set({ answers: JSON.stringify({ land: 'VS' }), comments: JSON.stringify({ S01: 'Zeer, "echt" eens' }) })
			.where('id', '=', sorts[1].id)
			.execute();
	});

	it('leaves excluded sorts out of the analysis files unless asked', async () => {
		expect((await exported(id, 'csv')).body.trim().split('\n')).toHaveLength(9);
		expect((await exported(id, 'csv', '&excluded=include')).body.trim().split('\n')).toHaveLength(10);
		expect((await exported(id, 'dat')).body.slice(0, 9)).toBe('  0  8 33');
	});

	it('writes answers and comments as CSV', async () => {
		const answers = (await exported(id, 'answers-csv')).body.split('\n');
		expect(answers[0]).toBe('sort,source,synthetic,excluded,exclusion_reason,submitted_at,land');
		expect(answers[1]).toMatch(/^US2,import,false,false,,.*,VS$/);
		const comments = (await exported(id, 'comments-csv')).body;
		expect(comments).toBe('sort,statement,kind,text\nUS2,S01,comment,"Zeer, ""echt"" eens"\n');
	});

	it('writes the whole study as JSON', async () => {
		const response = await exported(id, 'json');
		expect(response.headers['content-disposition']).toBe('attachment; filename="export.json"');
		const body = response.json();
		expect(body).toMatchObject({ format: 'standpunt-study', version: 1, study: { slug: 'export' } });
		expect(body.sorts).toHaveLength(9);
		expect(body.study.statements).toHaveLength(33);
	});

	it('writes an Excel workbook with the sheets statements, sorts, answers and comments', async () => {
		const response = await exported(id, 'xlsx');
		expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['statements', 'sorts', 'answers', 'comments']);
		const sorts = workbook.getWorksheet('sorts')!;
		expect(sorts.rowCount).toBe(10);
		expect(sorts.getRow(2).getCell(1).value).toBe('US1');
		expect(sorts.getRow(2).getCell(2).value).toBe(-1);
		expect(workbook.getWorksheet('comments')!.getRow(2).values).toEqual([
			undefined,
			'US2',
			'S01',
			'comment',
			'Zeer, "echt" eens'
		]);
	});

	it("names the workbook's sheets and columns in the page's language (?lang=nl)", async () => {
		const response = await exported(id, 'xlsx', '&lang=nl');
		expect(response.statusCode).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual([
			'stellingen',
			'sorteringen',
			'antwoorden',
			'toelichtingen'
		]);
		expect(workbook.getWorksheet('sorteringen')!.getRow(1).getCell(1).value).toBe('sortering');
		expect(workbook.getWorksheet('toelichtingen')!.getRow(1).values).toEqual([
			undefined,
			'sortering',
			'stelling',
			'soort',
			'tekst'
		]);
	});

	it('refuses an unknown format (400)', async () => {
		expect((await exported(id, 'docx')).statusCode).toBe(400);
	});
});
