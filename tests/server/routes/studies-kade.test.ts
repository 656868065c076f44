// KADE project zip import (spec §11.4), built from the Lipset reference files in tests/fixtures/lipset.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs } from '../studies/helpers.js';
import { makeBombZip, makeZip } from '../studies/zip-fixture.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lipset/${name}`, import.meta.url), 'latin1');
const lipsetCsv = fixture('lipset.csv');
const statements = fixture('lipset.sta')
	.split('\r\n')
	.filter(Boolean)
	.map((line) => line.trimEnd());
const sortsTxt = lipsetCsv.split('\n').slice(1).join('\n');
// Lipset's grid −4…+4 with heights 2 3 4 5 5 5 4 3 2, in KADE's 20 slots for −6…+13.
const pattern = '0,0,2,3,4,5,5,5,4,3,2,0,0,0,0,0,0,0,0,0';

function kadeZip(overrides: Record<string, string | undefined> = {}, folder = 'lipset/'): string {
	const files = {
		'name.txt': 'Lipset',
		'pattern.txt': pattern,
		'sorts.txt': sortsTxt,
		'statements.txt': statements.join('\r\n'),
		...overrides
	};
	return makeZip(
		Object.entries(files)
			.filter((entry): entry is [string, string] => entry[1] !== undefined)
			.map(([name, text], i) => ({ name: `${folder}${name}`, text, deflate: i % 2 === 0 }))
	).toString('base64');
}

let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;
let counter = 0;

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'kade@example.org'));
});
afterAll(async () => t.close());

async function emptyStudy(): Promise<string> {
	const response = await api('POST', '/api/studies', { title: 'Lipset', slug: `kade-${++counter}`, languages: ['en'] });
	return response.json().id;
}

describe('POST /api/studies/:id/import with format kade-zip', () => {
	it('imports statements, grid and sorts from a KADE zip', async () => {
		const id = await emptyStudy();
		const preview = await api('POST', `/api/studies/${id}/import`, {
			format: 'kade-zip',
			content: kadeZip(),
			dryRun: true
		});
		expect(preview.json()).toMatchObject({ valid: true, sortCount: 9, statementCount: 33, format: 'kade-zip' });
		const response = await api('POST', `/api/studies/${id}/import`, { format: 'kade-zip', content: kadeZip() });
		expect(response.statusCode, response.body).toBe(201);
		expect(response.json()).toEqual({ imported: 9 });
		expect((await api('GET', `/api/studies/${id}/export?format=csv`)).body).toBe(lipsetCsv);
		const { study } = (await api('GET', `/api/studies/${id}`)).json();
		expect(study.grid.map((c: { capacity: number }) => c.capacity)).toEqual([2, 3, 4, 5, 5, 5, 4, 3, 2]);
		expect(study.statements[0].text).toEqual({ en: statements[0] });
	});

	it.each([
		['not a zip', () => Buffer.from('hello').toString('base64'), /not a zip archive/],
		['a zip without pattern.txt', () => kadeZip({ 'pattern.txt': undefined }), /no pattern\.txt/],
		['a pattern with 19 counts', () => kadeZip({ 'pattern.txt': pattern.slice(2) }), /20 comma-separated/],
		[
			'a sort with a value missing',
			() => kadeZip({ 'sorts.txt': sortsTxt.replace(/,4\n/, '\n') }),
			/values, expected 33/
		]
	])('refuses %s (422 INVALID_FILE) and stores nothing', async (_name, content, message) => {
		const id = await emptyStudy();
		const response = await api('POST', `/api/studies/${id}/import`, { format: 'kade-zip', content: content() });
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('INVALID_FILE');
		expect(response.json().error.message).toMatch(message);
		expect((await api('GET', `/api/studies/${id}`)).json().study.statements).toHaveLength(0);
	});

	it('refuses a pattern that differs from the grid of a study that has one', async () => {
		const id = await emptyStudy();
		await api('POST', `/api/studies/${id}/import`, { format: 'kade-zip', content: kadeZip() });
		await t.database.db.deleteFrom('sorts').where('study_id', '=', id).execute();
		const flatter = '0,0,3,3,3,5,5,5,3,3,3,0,0,0,0,0,0,0,0,0';
		const response = await api('POST', `/api/studies/${id}/import`, {
			format: 'kade-zip',
			content: kadeZip({ 'pattern.txt': flatter })
		});
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('IMPORT_INVALID');
		expect(response.json().error.message).toMatch(/distribution/);
	});
});

describe('hostile KADE zips (issue 11 item 9)', () => {
	const wanted = ['lipset/sorts.txt', 'lipset/name.txt', 'lipset/pattern.txt', 'lipset/statements.txt'];
	const others = Array.from({ length: 36 }, (_, i) => `lipset/copy-${i}.txt`);

	async function refusedZip(content: string, message: RegExp): Promise<void> {
		const id = await emptyStudy();
		for (const dryRun of [false, true]) {
			const response = await api('POST', `/api/studies/${id}/import`, { format: 'kade-zip', content, dryRun });
			if (dryRun) {
				expect(response.statusCode).toBe(200);
				expect(response.json().problems[0]).toMatchObject({
					code: 'INVALID_FILE',
					message: expect.stringMatching(message)
				});
			} else {
				expect(response.statusCode, response.body).toBe(422);
				expect(response.json().error).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(message) });
			}
		}
		expect((await api('GET', `/api/studies/${id}`)).json().study.statements).toHaveLength(0);
	}

	it('refuses 40 entries that all point at one 20 MB stream, by the cap on inflated bytes', async () => {
		await refusedZip(makeBombZip([...wanted, ...others], 20 * 1024 * 1024).toString('base64'), /more than 16 MB/);
	});

	it('refuses an entry that inflates past the size it declares', async () => {
		await refusedZip(makeBombZip(wanted, 20 * 1024 * 1024, 1000).toString('base64'), /cannot be read/);
	});

	it('refuses an archive with 65,535 entries without reading them', async () => {
		const names = Array.from({ length: 65_535 }, (_, i) => `x${i}`);
		await refusedZip(makeBombZip(names, 10).toString('base64'), /65535 entries/);
	});

	it.each(['30000000', '4294967296', '201'])('refuses a pattern.txt count of %s', async (count) => {
		await refusedZip(
			kadeZip({ 'pattern.txt': `0,0,${count},3,4,5,5,5,4,3,2,0,0,0,0,0,0,0,0,0` }),
			/more than 200 cards/
		);
	});

	it('keeps /api/health answering while zip bombs are being refused', async () => {
		const id = await emptyStudy();
		const bomb = makeBombZip([...wanted, ...others], 15 * 1024 * 1024).toString('base64');
		const imports = Promise.all(
			Array.from({ length: 3 }, () => api('POST', `/api/studies/${id}/import`, { format: 'kade-zip', content: bomb }))
		);
		let settled = false;
		void imports.then(() => (settled = true));
		const answered: number[] = [];
		// Health requests one after another while the imports inflate: they must get through in between.
		while (!settled && answered.length < 50)
			answered.push((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
		expect(answered.length).toBeGreaterThan(0);
		expect(answered.every((status) => status === 200)).toBe(true);
		expect((await imports).map((r) => r.statusCode)).toEqual([422, 422, 422]);
	});
});
