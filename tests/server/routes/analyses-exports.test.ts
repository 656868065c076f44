// Exports of a saved analysis. The workbook is read back with exceljs and its sheet names checked
// against the KADE/PQMethod list of spec §11.5; numbers in it equal the stored result (rounded to 4
// decimals in the sheet, so compared to 1e-4).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookSheetNames } from '../../../server/exports/analysis-workbook.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { lipsetStudy, researcher, type Researcher } from './analyses-fixture.js';

type App = Awaited<ReturnType<typeof buildTestApp>>;
let t: App;
let owner: Researcher;
let stranger: Researcher;
let studyId: string;
let analysis: {
	id: string;
	result: { flagged: boolean[][]; loadings: number[][]; factorArrays: number[][]; nFactors: number };
};

beforeAll(async () => {
	t = await buildTestApp();
	owner = await researcher(t.database.db, 'owner@example.org');
	stranger = await researcher(t.database.db, 'stranger@example.org');
	studyId = await lipsetStudy(t.database.db, 'lipset', [[owner, 'owner']]);
	const response = await t.app.inject({
		method: 'POST',
		url: `/api/studies/${studyId}/analyses`,
		headers: { cookie: owner.cookie, 'x-standpunt-csrf': '1' },
		payload: {
			extraction: 'centroid',
			factors: 3,
			rotation: 'varimax',
			rotationSteps: [{ p: 1, q: 2, angle: 10 }],
			name: 'Centroid drie'
		}
	});
	analysis = response.json();
});
afterAll(() => t?.close());

const exportOf = (format: string, who = owner) =>
	t.app.inject({
		method: 'GET',
		url: `/api/analyses/${analysis.id}/export.${format}`,
		headers: { cookie: who.cookie }
	});

describe('GET /api/analyses/:id/export.xlsx', () => {
	it('is a workbook with the KADE/PQMethod sheets, in order', async () => {
		const response = await exportOf('xlsx');
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-disposition']).toContain('standpunt-analysis-centroid-drie.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names).toEqual(workbookSheetNames(3, [true, true, true]));
		for (const required of [
			'Statements',
			'Q-sorts',
			'Correlation matrix',
			'Unrotated factors',
			'Cumulative communalities',
			'Factor loadings',
			'Factor 1 scores',
			'Factor score ranks',
			'Factor score correlations',
			'Differences F1-F2',
			'Consensus-disagreement',
			'Factor characteristics',
			'SE of differences',
			'Distinguishing F1',
			'Consensus statements',
			'Crib sheets'
		]) {
			expect(names).toContain(required);
		}
		const loadings = workbook.getWorksheet('Factor loadings')!;
		const us1 = loadings.getRow(2).values as unknown[];
		expect(us1[1]).toBe('US1');
		expect(us1[2] as number).toBeCloseTo(analysis.result.loadings[0][0], 4);
		expect(us1[3]).toBe(analysis.result.flagged[0][0] ? 'X' : '');
	});

	it('names the sheets in Dutch for a Dutch page (?lang=nl), in the same order', async () => {
		const response = await t.app.inject({
			method: 'GET',
			url: `/api/analyses/${analysis.id}/export.xlsx?lang=nl`,
			headers: { cookie: owner.cookie }
		});
		expect(response.statusCode).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names).toEqual(workbookSheetNames(3, [true, true, true], 'nl'));
		for (const name of [
			'Overzicht',
			'Stellingen',
			'Q-sorteringen',
			'Factorladingen',
			'Factor 1 bepalende sorteringen',
			'Verschillen F1-F2',
			'Onderscheidend F3',
			'Consensusstellingen'
		]) {
			expect(names).toContain(name);
		}
		expect(names.every((name) => name.length <= 31)).toBe(true);
		expect(
			(
				await t.app.inject({
					method: 'GET',
					url: `/api/analyses/${analysis.id}/export.xlsx?lang=fr`,
					headers: { cookie: owner.cookie }
				})
			).statusCode
		).toBe(400);
	});
});

describe('other exports', () => {
	it('gives a PQMethod-style text report with the recorded steps', async () => {
		const response = await exportOf('txt');
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toContain('text/plain');
		expect(response.body).toContain('Centroid drie');
		expect(response.body).toContain('turn F1/F2 by 10°');
		expect(response.body).toContain('Factor matrix with an X indicating a defining sort');
	});

	it('gives the stored analysis as JSON', async () => {
		const response = await exportOf('json');
		expect(response.statusCode).toBe(200);
		expect(JSON.parse(response.body).result).toEqual(analysis.result);
	});

	it('answers 404 to a researcher outside the study and for an unknown format', async () => {
		expect((await exportOf('xlsx', stranger)).statusCode).toBe(404);
		expect((await exportOf('pdf')).statusCode).toBe(400);
	});

	it('refuses (409) when the data changed since saving', async () => {
		await t.database.db.deleteFrom('sorts').where('study_id', '=', studyId).where('label', '=', 'FR9').execute();
		const response = await exportOf('xlsx');
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('ANALYSIS_STALE');
	});
});
