import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serverUrl } from '../helpers/db.js';
import { DESKTOP, launchBrowser, newContext, PHONE, type RunningServer, startServer } from '../helpers/e2e.js';
import { api, demoAnalysis, firstResearcher, logIn } from '../helpers/researcher.js';

// Two server processes on one Postgres database: the attendees use one, the presenter watches the other.
// Answers reach the presenter only through Postgres (NOTIFY → the other process's LISTEN → its event
// stream), because the processes share nothing else. This needs a Postgres server (the run's
// DATABASE_URL); on the embedded-database run it does not apply, since PGlite belongs to one process and
// its data folder is locked against a second one (tests/server/dialogue/dialogue-live.test.ts shows that).
describe.runIf(serverUrl)('dialogue across two server processes on one Postgres (needs DATABASE_URL)', () => {
	let first: RunningServer;
	let second: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		first = await startServer();
		second = await startServer({ env: { DATABASE_URL: first.databaseUrl as string } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await second?.stop();
		await first?.stop();
	});

	it('shows answers sent to one process on the presenter screen served by the other', async () => {
		const { cookie, token } = await firstResearcher(first);
		const { analysisId } = await demoAnalysis(first, cookie);
		const session = await api<{ id: string; joinCode: string }>(
			first,
			cookie,
			'POST',
			`/analyses/${analysisId}/dialogue-sessions`,
			{ name: 'Twee servers' }
		);

		const presenter = await newContext(browser, DESKTOP);
		await logIn(presenter, second, token);
		const control = await presenter.newPage();
		await control.goto(`${second.url}/present/session/${session.id}/control`);
		const display = await presenter.newPage();
		await display.goto(`${second.url}/present/session/${session.id}`);
		await display.getByTestId('join-code').getByText(session.joinCode).waitFor();

		const phones: Page[] = [];
		for (let i = 0; i < 5; i++) {
			const context = await newContext(browser, PHONE);
			const page = await context.newPage();
			await page.goto(`${first.url}/d/${session.joinCode}`);
			await page.getByText('Wacht op de volgende vraag').waitFor();
			phones.push(page);
		}
		await display.getByTestId('attendees').getByText('5 deelnemers').waitFor({ timeout: 2000 });

		// The question is opened on the second process; the phones on the first process see it.
		await control.getByRole('button', { name: 'Open deze vraag: Welk perspectief past het best bij mij?' }).click();
		for (const page of phones)
			await page.getByRole('heading', { name: 'Welk perspectief past het best bij mij?' }).waitFor({ timeout: 2000 });
		for (const page of phones) {
			await page.getByRole('radio', { name: 'Een mix' }).click();
			await page.getByText('Antwoord opgeslagen').waitFor();
		}
		await display.waitForSelector('[data-testid="tally"][data-total="5"]', { timeout: 1000 });
		const counts = await display.getByTestId('count').allTextContents();
		expect(counts.at(-2)).toBe('5');
		await display.screenshot({ path: '/tmp/dialogue-two-servers.png' });
	});
});
