import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookSheetNames } from '../../server/exports/analysis-workbook.js';
import { DESKTOP, launchBrowser, newContext, type RunningServer, startServer, watchConsole } from '../helpers/e2e.js';
import { setUpFirstResearcher } from '../helpers/researcher.js';
import { CLI_ENTRY } from '../helpers/entries.js';

// The analysis workspace at 1366×768 on the demo study (70 synthetic sorts, seeded as politie-diversiteit
// and owned by the first account): centroid, 4 factors, varimax; hand rotation and undo; a flag toggle
// that changes the arrays; a saved version; the workbook export read back with exceljs. And the numbers
// the UI shows equal the CLI's on an export of the same sorts (tolerance: the 2 decimals shown).
const SHOTS = process.env.SCREENSHOT_DIR;

describe('analysis workspace in Chromium', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let studyId: string;
	let problems: string[];
	const scratch = mkdtempSync(join(tmpdir(), 'standpunt-analysis-e2e-'));

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		context = await newContext(browser, DESKTOP);
		page = await context.newPage();
		problems = watchConsole(page);
		studyId = await setUpFirstResearcher(context, server);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		rmSync(scratch, { recursive: true, force: true });
	});

	const loadingsText = () => page.getByTestId('loadings-table').innerText();
	const idle = () => page.getByTestId('run-status').filter({ hasNotText: /…/ }).waitFor();

	it('runs centroid, 4 factors, varimax on the demo study', async () => {
		const started = Date.now();
		await page.goto(`${server.url}/researcher/studies/${studyId}/analysis`);
		await page.getByTestId('loadings-table').waitFor({ timeout: 30_000 });
		await page.locator('select[name=extraction]').selectOption('centroid');
		await page.locator('select[name=factors]').selectOption('4');
		await page.locator('select[name=rotation]').selectOption('varimax');
		await idle();
		expect(Date.now() - started).toBeLessThan(30_000);
		const header = await page.getByTestId('loadings-table').locator('thead').innerText();
		expect(header).toMatch(/F1\s+F2\s+F3\s+F4/);
		expect(await page.getByTestId('loadings-table').locator('tbody tr').count()).toBe(70);
		if (SHOTS) await page.screenshot({ path: join(SHOTS, 'analysis-top.png') });
	});

	it('rotates two factors by hand by 10° and undoes it', async () => {
		const before = await loadingsText();
		await page.getByLabel('Hoek (graden, met de klok mee)').fill('10');
		await page.getByRole('button', { name: 'Draai', exact: true }).click();
		await expect.poll(() => page.getByTestId('rotation-steps').innerText()).toContain('F1 en F2 10° gedraaid');
		await idle();
		await expect.poll(loadingsText).not.toBe(before);
		if (SHOTS) {
			await page.getByRole('heading', { name: 'Rotatie met de hand' }).scrollIntoViewIfNeeded();
			await page.screenshot({ path: join(SHOTS, 'analysis-rotation.png') });
		}
		await page.getByRole('button', { name: /Ongedaan maken/ }).click();
		await page.getByTestId('rotation-steps-empty').waitFor();
		await expect.poll(loadingsText).toBe(before);
	});

	it('changes the factor arrays when a flag is toggled', async () => {
		const arraysBefore = await page.getByTestId('z-table').innerText();
		// Unflag the first flagged sort of the factor with the fewest defining sorts.
		const flagged = page.getByTestId('loadings-table').locator('button.flag.on');
		expect(await flagged.count()).toBeGreaterThan(4);
		await flagged.first().click();
		await page.getByText('Markeringen met de hand aangepast.').waitFor();
		await idle();
		await expect.poll(() => page.getByTestId('z-table').innerText()).not.toBe(arraysBefore);
	});

	it('saves a version whose server numbers equal the browser numbers', async () => {
		await page.getByLabel('Naam van deze versie').fill('Centroid 4 varimax');
		await page.getByRole('button', { name: 'Versie opslaan' }).click();
		await expect
			.poll(() => page.getByTestId('version-status').innerText(), { timeout: 20_000 })
			.toContain('De server rekende dezelfde getallen uit (elk getal gelijk tot op een miljardste).');
		if (SHOTS) await page.screenshot({ path: join(SHOTS, 'analysis-versions.png'), fullPage: false });
	});

	it('exports the workbook with the KADE/PQMethod sheets', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Excel-werkmap (.xlsx)' }).click()
		]);
		const file = join(scratch, 'analysis.xlsx');
		await download.saveAs(file);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names).toEqual(workbookSheetNames(4, [true, true, true, true], 'nl')); // the page is Dutch, so is the workbook
		expect(workbook.getWorksheet('Q-sorteringen')!.rowCount).toBe(71);
		expect(problems).toEqual([]);
	});

	it('shows the same numbers as the CLI run on an export of the demo sorts', async () => {
		await page.getByRole('button', { name: 'Terug naar automatisch' }).click();
		await idle();
		const csv = await (await context.request.get(`${server.url}/api/studies/${studyId}/export?format=csv`)).text();
		const file = join(scratch, 'demo.csv');
		writeFileSync(file, csv);
		const output = execFileSync(
			process.execPath,
			[
				CLI_ENTRY,
				'analyze',
				file,
				'--extraction',
				'centroid',
				'--factors',
				'4',
				'--rotation',
				'varimax',
				'--format',
				'json'
			],
			{ encoding: 'utf8' }
		);
		const cli = JSON.parse(output);
		const rows = await page.getByTestId('loadings-table').locator('tbody tr').all();
		expect(rows).toHaveLength(cli.nSorts);
		for (const row of rows) {
			const id = (await row.locator('th').innerText()).trim();
			const i = cli.sortIds.indexOf(id);
			expect(i, `sort ${id} in the CLI result`).toBeGreaterThanOrEqual(0);
			const cells = (await row.locator('td button').allInnerTexts()).map((text) => text.replace('✔', '').trim());
			cells.forEach((text, f) => {
				const shown = cli.loadings[i][f].toFixed(2).replace(/^-0\.00$/, '0.00');
				expect(text, `${id} F${f + 1}`).toBe(shown);
			});
			const flags = await row
				.locator('td button')
				.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed') === 'true'));
			expect(flags, `flags of ${id}`).toEqual(cli.flagged[i]);
		}
	});
});
