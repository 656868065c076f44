import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DESKTOP,
	launchBrowser,
	newContext,
	PHONE,
	type RunningServer,
	startServer,
	watchConsole
} from '../helpers/e2e.js';
import { demoStudyId, firstResearcher } from '../helpers/researcher.js';
import { expectAccessible, GRID, introSteps } from './participant-helpers.js';

// The interview page in Chromium: logged out it explains that interviews are for the study's researchers
// and links to the login, which comes back here; logged in it lists the studies the researcher may
// interview for and starts a facilitated sort. Set STANDPUNT_SCREENSHOTS=<folder> to keep screenshots.

const SHOTS = process.env.STANDPUNT_SCREENSHOTS;
const INTERVIEWER = { email: 'interviewer@example.nl', password: 'een lang wachtwoord 42' };

async function shot(page: Page, name: string): Promise<void> {
	if (SHOTS)
		await page.screenshot({ path: join(SHOTS, `interview-${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

describe('interview page in Chromium', () => {
	let server: RunningServer;
	let browser: Browser;
	let cookie = '';

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		// The first account (it becomes owner of the demo study) through the setup link on the console.
		({ cookie } = await firstResearcher(server, INTERVIEWER));
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it.each([DESKTOP, PHONE])(
		'sends a visitor without a session to the login and back, then starts an interview (%o)',
		async (viewport) => {
			const context = await newContext(browser, viewport);
			const page = await context.newPage();
			const problems = watchConsole(page);
			await page.goto(`${server.url}/interview`);
			await page.getByText('Interviews worden afgenomen door de onderzoekers van een studie').waitFor();
			expect(await page.getByLabel('Respondentnummer').count()).toBe(0);
			await expectAccessible(page, 'interview logged out');
			await shot(page, 'logged-out');

			await page.getByRole('link', { name: 'Inloggen als onderzoeker' }).click();
			await page.getByLabel('E-mailadres').fill(INTERVIEWER.email);
			await page.getByLabel('Wachtwoord').fill(INTERVIEWER.password);
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await page.waitForURL(/\/interview$/);
			const demo = page.getByRole('radio', { name: /politie-diversiteit/ });
			await demo.waitFor();
			expect(await demo.isChecked()).toBe(true);
			await expectAccessible(page, 'interview logged in');
			await shot(page, 'logged-in');

			await page.getByRole('button', { name: 'Interview starten' }).click();
			await page.getByText('Gebruik alleen cijfers, letters, - en _').waitFor();
			await page.getByLabel('Respondentnummer').fill('R-7');
			await page.getByRole('button', { name: 'Interview starten' }).click();
			await page.waitForURL(/\/p\/[0-9A-Z-]+$/);
			await page.getByText('Interview · respondent R-7').waitFor();
			const code = new URL(page.url()).pathname.split('/').pop();
			const participation = await (await fetch(`${server.url}/api/participate/${code}`)).json();
			expect(participation.draft.facilitated.respondentNumber).toBe('R-7');
			// The only console message: the browser logging the expected 401 of /api/auth/me before logging in.
			expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
			await context.close();
		}
	);
	it('runs an interview as a first-class path: from the study, a note beside the card, R99 as typed, next respondent', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/researcher`);
		await page.getByLabel('E-mailadres').fill(INTERVIEWER.email);
		await page.getByLabel('Wachtwoord').fill(INTERVIEWER.password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		// Reachable from the study list and from the study itself.
		await page.getByRole('link', { name: 'Interview afnemen' }).first().waitFor();
		await page.getByRole('link', { name: 'Meer diversiteit in het politieteam' }).click();
		await page.getByRole('link', { name: 'Interview afnemen' }).click();
		await page.waitForURL(/\/interview\?study=politie-diversiteit$/);
		expect(await page.getByRole('radio', { name: /politie-diversiteit/ }).isChecked()).toBe(true);
		await page.getByLabel('Respondentnummer').fill('R99');
		await page.getByRole('button', { name: 'Interview starten' }).click();
		await page.waitForURL(/\/p\/[0-9A-Z-]+$/);
		const code = new URL(page.url()).pathname.split('/').pop()!;
		await introSteps(page, 'click', false);

		// The note sits right under the statement on screen, without scrolling.
		const note = page.getByLabel('Interviewernotitie bij stelling', { exact: false }).first();
		expect(await note.isVisible()).toBe(true);
		const box = (await note.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
		await note.fill('Vertelt over de eerste weken op het bureau.');
		await expectAccessible(page, 'interview rough sort with note');
		await shot(page, 'rough-note');
		// The note is saved with the draft; finish the sort through the same draft API the page uses.
		await expect
			.poll(async () =>
				Object.values(
					(await (await fetch(`${server.url}/api/participate/${code}`)).json()).draft.facilitated.notes.statements
				)
			)
			.toEqual(['Vertelt over de eerste weken op het bureau.']);
		const { draft } = await (await fetch(`${server.url}/api/participate/${code}`)).json();
		const values = GRID.flatMap((column) => Array.from({ length: column.capacity }, () => column.value));
		draft.placements = Object.fromEntries(draft.order.map((card: string, i: number) => [card, values[i]]));
		draft.piles = Object.fromEntries(draft.order.map((card: string) => [card, 'neutral']));
		draft.step = 'submit';
		const put = await fetch(`${server.url}/api/participate/${code}/draft`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
			body: JSON.stringify(draft)
		});
		expect(put.ok).toBe(true);
		await page.reload();
		await page.getByRole('button', { name: 'Sortering insturen' }).click();
		await page.getByTestId('receipt').waitFor();
		await expectAccessible(page, 'interview thank-you');
		await shot(page, 'thank-you');

		// Next respondent: a clean device, back at the interview start for the same study.
		await page.getByRole('button', { name: 'Volgende respondent' }).click();
		await page.waitForURL(/\/interview\?study=politie-diversiteit$/);
		expect(await page.getByRole('radio', { name: /politie-diversiteit/ }).isChecked()).toBe(true);
		expect(await page.getByLabel('Respondentnummer').inputValue()).toBe('');
		expect(await page.getByText('Vertelt over de eerste weken').count()).toBe(0);
		await page.goBack();
		expect(await page.getByTestId('receipt').count()).toBe(0);

		// Voortgang shows the respondent number as typed.
		await page.goto(`${server.url}/researcher/studies/${await demoStudyId(server, cookie)}/monitoring`);
		const row = page.locator('li.sort', { has: page.locator('strong', { hasText: /^R99$/ }) });
		await row.waitFor();
		expect(await page.getByText('RR99').count()).toBe(0);
		await row.locator('summary').click();
		await row.getByText('Vertelt over de eerste weken op het bureau.').waitFor();
		expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
		await context.close();
	});
});
