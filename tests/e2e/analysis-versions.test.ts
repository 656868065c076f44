import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, type RunningServer, startServer, watchConsole } from '../helpers/e2e.js';
import { setUpFirstResearcher } from '../helpers/researcher.js';

// Issue 10.5: saving an untouched analysis of the demo study said "de server kwam op andere getallen uit".
// Chromium's JavaScript engine rounds the last bit of some Math functions differently from Node's, so the
// browser's PCA differed from the server's by up to 4e-15; equal numbers now read as equal to within
// NUMBER_TOLERANCE (1e-9, src/lib/analysis/number-diff.ts). A fresh page per extraction, at 1366×768.
const SHOTS = process.env.SCREENSHOT_DIR;
const IDENTICAL = 'De server rekende dezelfde getallen uit (elk getal gelijk tot op een miljardste).';

describe('saving a fresh analysis of the demo study', () => {
	let server: RunningServer;
	let browser: Browser;
	let studyId: string;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		const context = await newContext(browser, DESKTOP);
		studyId = await setUpFirstResearcher(context, server);
		await context.storageState({ path: join(server.dataDir, 'state.json') });
		await context.close();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it.each(['centroid', 'pca'] as const)(
		'%s, 4 factors, varimax: the server computed the same numbers',
		async (extraction) => {
			const context = await browser.newContext({
				viewport: DESKTOP,
				deviceScaleFactor: 1,
				storageState: join(server.dataDir, 'state.json')
			});
			const page: Page = await context.newPage();
			const problems = watchConsole(page);
			await page.goto(`${server.url}/researcher/studies/${studyId}/analysis`);
			await page.getByTestId('loadings-table').waitFor({ timeout: 30_000 });
			await page.locator('select[name=extraction]').selectOption(extraction);
			await page.locator('select[name=factors]').selectOption('4');
			await page.locator('select[name=rotation]').selectOption('varimax');
			await page.getByTestId('run-status').filter({ hasNotText: /…/ }).waitFor();
			await expect
				.poll(() => page.getByTestId('loadings-table').locator('thead').innerText())
				.toMatch(/F1\s+F2\s+F3\s+F4/);

			const saved = page.waitForResponse(
				(r) => r.url().endsWith(`/api/studies/${studyId}/analyses`) && r.request().method() === 'POST'
			);
			await page.getByLabel('Naam van deze versie').fill(`Vers ${extraction}`);
			await page.getByRole('button', { name: 'Versie opslaan' }).click();
			const stored = await (await saved).json();
			expect(stored.request).toMatchObject({
				extraction,
				factors: 4,
				rotation: 'varimax',
				rotationSteps: [],
				flags: null
			});
			const status = page.getByTestId('version-status');
			await expect.poll(() => status.innerText(), { timeout: 20_000 }).toContain(IDENTICAL);
			expect(await status.innerText()).not.toContain('andere getallen');
			expect(await page.getByTestId('version-differences').count()).toBe(0);
			if (SHOTS) {
				await status.scrollIntoViewIfNeeded();
				await page.screenshot({ path: join(SHOTS, `analysis-saved-${extraction}.png`) });
			}
			expect(problems).toEqual([]);
			await context.close();
		}
	);
});
