import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchBrowser, newContext, type RunningServer, startServer, watchConsole } from '../helpers/e2e.js';
import { api, demoAnalysis, firstResearcher, logIn } from '../helpers/researcher.js';

// The researcher's side in Chromium at 1366×768: interpret a factor (name, narrative, a quote), open a
// session from the study's dialogue tab, and find the reactions afterwards, exported to Excel.
describe('interpretation and reactions across sessions', () => {
	let server: RunningServer;
	let browser: Browser;
	let cookie: string;
	let token: string;
	let studyId: string;
	let analysisId: string;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		({ cookie, token } = await firstResearcher(server));
		({ studyId, analysisId } = await demoAnalysis(server, cookie));
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('names a viewpoint and picks a quote by respondent number', async () => {
		const context = await newContext(browser, DESKTOP);
		await logIn(context, server, token);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/researcher/studies/${studyId}/interpret/${analysisId}`);
		const factor = page.getByRole('form', { name: 'Factor 1' });
		await factor.getByLabel('Naam van het perspectief').fill('Diversiteit als vakmanschap');
		await factor.getByLabel('Korte beschrijving').fill('Een team heeft verschillende talenten nodig.');
		const boxes = factor.getByRole('checkbox');
		const quoted = (await boxes.count()) > 0;
		if (quoted) await boxes.first().check();
		await page.screenshot({ path: '/tmp/dialogue-interpret.png', fullPage: false });
		await factor.getByRole('button', { name: 'Opslaan' }).click();
		await factor.getByText('Opgeslagen.').waitFor();
		const { interpretations } = await api<{ interpretations: { name: string; quotes: { respondent: string }[] }[] }>(
			server,
			cookie,
			'GET',
			`/analyses/${analysisId}/interpretations`
		);
		expect(interpretations[0].name).toBe('Diversiteit als vakmanschap');
		expect(interpretations[0].quotes).toHaveLength(quoted ? 1 : 0);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('opens a session from the dialogue tab and shows and exports the reactions', async () => {
		const context = await newContext(browser, DESKTOP);
		await logIn(context, server, token);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/researcher/studies/${studyId}`);
		await page.getByRole('link', { name: 'Dialoog' }).click();
		await page.getByLabel('Naam (bijv. het bureau)').fill('Bureau Zuid');
		await page.getByLabel('Plaats').fill('Deventer');
		await page.getByRole('button', { name: 'Sessie openen' }).click();
		await page.getByText('Bureau Zuid').first().waitFor();

		const { sessions } = await api<{ sessions: { id: string; joinCode: string }[] }>(
			server,
			cookie,
			'GET',
			`/analyses/${analysisId}/dialogue-sessions`
		);
		const session = sessions[0];
		await api(server, cookie, 'PATCH', `/dialogue/sessions/${session.id}`, { currentQuestion: 'relevant-1' });
		for (let i = 0; i < 6; i++) {
			const joined = await fetch(`${server.url}/api/dialogue/join`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
				body: JSON.stringify({ code: session.joinCode })
			});
			const attendee = (joined.headers.get('set-cookie') ?? '').split(';')[0];
			await api(server, attendee, 'PUT', `/dialogue/attend/${session.joinCode}/answers/relevant-1`, {
				value: i < 5 ? '5' : '3'
			});
		}
		await page.reload();
		const row = page.getByRole('row', { name: /Relevant voor de praktijk\?\s+Perspectief 1/ });
		await row.getByRole('cell').first().getByText(/n = 6/).waitFor();
		expect(await row.getByRole('cell').first().textContent()).toMatch(/gemiddeld 4[,.]67/);
		await page.screenshot({ path: '/tmp/dialogue-reactions.png', fullPage: true });

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Excel' }).click()
		]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
		const rows = workbook.getWorksheet('Reacties')!.getSheetValues().filter(Boolean) as unknown[][];
		const fives = rows.find((r) => r.includes('Bureau Zuid') && r.includes('relevant-1') && r.includes('5'));
		expect(fives).toBeDefined();
		expect(fives).toContain(5);
		expect(problems).toEqual([]);
		await context.close();
	});
});
