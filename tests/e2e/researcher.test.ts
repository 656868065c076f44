import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import type { GridColumn } from '../../src/lib/api/types/common.js';
import { expectAccessible } from './participant-helpers.js';

// The researcher workspace end to end in Chromium: the first account through the setup link printed on
// the server console, then a study from scratch (paste statements, grid, a question), preview, open it,
// make codes, one sort submitted with a code through the participant API, monitoring, export.
// Set STANDPUNT_SCREENSHOTS=<folder> to keep a screenshot of every page at desktop and phone size.

const SHOTS = process.env.STANDPUNT_SCREENSHOTS;
const EMAIL = 'onderzoeker@example.nl';
const PASSWORD = 'een lang wachtwoord 42';
const STATEMENTS = [
	'Ik heb genoeg tijd voor mijn werk\tI have enough time for my work',
	'Het rooster houdt rekening met mijn leven\tThe roster takes my life into account',
	'Collega’s springen bij als het druk is\tColleagues help out when it is busy',
	'Ik kan mijn werk goed afmaken\tI can finish my work properly',
	'Er wordt te veel vergaderd\tThere are too many meetings',
	'Administratie kost te veel tijd\tPaperwork takes too much time',
	'Ik word gehoord door mijn leidinggevende\tMy manager listens to me',
	'Vergrijzing maakt het werk zwaarder\tAn ageing workforce makes the work harder',
	'Ik zou dit werk nog jaren willen doen\tI would like to do this work for years'
];

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
	if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()?.width}.png`), fullPage });
}

describe('researcher workspace in Chromium', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let problems: string[];
	let studyUrl = '';
	let code = '';
	/** The sort submitted with a code: statement → value, reused to build a CSV to import. */
	let submittedPlacements: { statement: string; value: number }[] = [];

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		context = await newContext(browser, DESKTOP);
		page = await context.newPage();
		problems = watchConsole(page);
	});

	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	const tab = (name: string) =>
		page.getByRole('navigation', { name: 'Onderdelen van de studie' }).getByRole('link', { name, exact: true });
	const notice = () => page.locator('.status-line').textContent();

	it('explains where the setup link is while no account exists, and creates the first account through it', async () => {
		await page.goto(`${server.url}/researcher`);
		await page.getByRole('heading', { name: 'Inloggen voor onderzoekers' }).waitFor();
		await expect(page.getByRole('heading', { name: 'Er is nog geen account' }).textContent()).resolves.toBeTruthy();
		await expect(page.locator('.notice').textContent()).resolves.toContain('console');
		await expectAccessible(page, 'login');
		await shot(page, 'login');

		const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
		expect(token, 'setup link on the server console').toBeTruthy();
		await page.goto(`${server.url}/setup/not-a-real-token`);
		await page.getByText('Deze link is niet (meer) geldig').waitFor();

		await page.goto(`${server.url}/setup/${token}`);
		await page.getByRole('heading', { name: 'Eerste account aanmaken' }).waitFor();
		await shot(page, 'setup');
		await page.getByLabel('E-mailadres').fill(EMAIL);
		await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('minstens 10 tekens');
		await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await page.getByRole('heading', { name: 'Mijn studies' }).waitFor();
		// The first account owns the demo study.
		await page.getByRole('link', { name: 'Meer diversiteit in het politieteam' }).waitFor();
		await shot(page, 'studies');
	});

	it('creates a study and pastes statements in both languages, with themes and a concourse move', async () => {
		await page.getByRole('link', { name: 'Nieuwe studie' }).click();
		await page.getByLabel('Titel (NL)').fill('Werkdruk in het team');
		await page.getByLabel('Titel (EN)').fill('Workload in the team');
		await expect(page.getByLabel('Webadres (slug)').inputValue()).resolves.toBe('werkdruk-in-het-team');
		await shot(page, 'new-study');
		await page.getByRole('button', { name: 'Studie aanmaken' }).click();
		await page.waitForURL(/\/statements$/);
		studyUrl = page.url().replace(/\/statements$/, '');

		await page
			.getByLabel('Stellingen, één per regel')
			.fill(STATEMENTS.map((line, i) => `${i + 1}. ${line}`).join('\n'));
		await page.getByRole('button', { name: 'Toevoegen (9)' }).click();
		await expect.poll(() => page.locator('#qset-title').textContent()).toBe('Q-set (9)');
		await expect(
			page.getByRole('listitem', { name: 'Stelling S01' }).locator('textarea[lang="en"]').inputValue()
		).resolves.toBe('I have enough time for my work');

		const themes = page.getByRole('listitem', { name: 'Stelling S01' }).getByLabel(/Thema’s/);
		await themes.fill('tijd, rooster');
		await themes.press('Tab');
		await expect.poll(() => page.locator('ul.theme-counts').textContent()).toContain('rooster');

		await page.getByRole('listitem', { name: 'Stelling S09' }).getByRole('button', { name: 'Naar concours' }).click();
		await expect.poll(() => page.locator('#concourse-title').textContent()).toBe('Concours (1)');
		await expect(page.locator('#qset-title').textContent()).resolves.toBe('Q-set (8)');
		await expectAccessible(page, 'statements');
		await shot(page, 'statements');
		await page.getByRole('listitem', { name: 'Stelling S09' }).getByRole('button', { name: 'Naar Q-set' }).click();
		await expect.poll(() => page.locator('#qset-title').textContent()).toBe('Q-set (9)');
	});

	it('designs the grid: explains a mismatch, suggests a quasi-normal distribution and saves it', async () => {
		await tab('Raster').click();
		await page.getByRole('button', { name: 'Stel een quasi-normale verdeling voor (9 stellingen)' }).click();
		await expect
			.poll(() => page.locator('.check').textContent())
			.toBe('Het raster past: 9 plaatsen voor 9 stellingen.');
		await page.getByLabel('Aantal kaarten in kolom 0').fill('5');
		await expect.poll(() => page.locator('.check').textContent()).toContain('plaatsen te veel');
		await expect(page.getByRole('button', { name: 'Raster opslaan' }).isDisabled()).resolves.toBe(true);
		await shot(page, 'grid-mismatch');
		await page.getByRole('button', { name: /quasi-normale verdeling/ }).click();
		await page.getByRole('button', { name: 'Raster opslaan' }).click();
		await expect.poll(notice).toBe('Opgeslagen.');
		await expectAccessible(page, 'grid');
		await shot(page, 'grid');
	});

	it('adds a pre-sort question with "zeg ik liever niet" on by default, and texts on the basics tab', async () => {
		await tab('Vragen').click();
		await page.getByRole('button', { name: 'Vraag toevoegen' }).first().click();
		await expect(page.getByLabel('„Zeg ik liever niet” aanbieden').isChecked()).resolves.toBe(true);
		await page.getByLabel('Vraag (NL)').fill('In welk team werk je?');
		await page.getByLabel('Vraag (EN)').fill('Which team do you work in?');
		await page.getByRole('button', { name: 'Vraag opslaan' }).click();
		await expect.poll(() => page.getByRole('alert').last().textContent()).toContain('minstens twee opties');
		for (const [n, nl, en] of [
			[1, 'Noodhulp', 'Emergency response'],
			[2, 'Recherche', 'Investigation']
		] as const) {
			await page.getByLabel(`Optie ${n} (NL)`).fill(nl);
			await page.getByLabel(`Optie ${n} (EN)`).fill(en);
		}
		await page.getByRole('button', { name: 'Vraag opslaan' }).click();
		await page.getByText('In welk team werk je?').waitFor();
		await expect(page.getByText('met „zeg ik liever niet”').count()).resolves.toBe(1);
		await shot(page, 'questions');

		await tab('Basis').click();
		// The "can't open yet" checklist names the empty texts participants would otherwise see as empty boxes.
		const checklist = page.locator('ul.problems');
		await expect.poll(() => checklist.innerText()).toContain('De toestemmingstekst is leeg (Nederlands, Engels)');
		expect(await checklist.innerText()).toContain('De instructie is leeg (Nederlands, Engels)');
		await page.getByLabel('Toestemmingstekst (NL)').fill('Meedoen is vrijwillig en anoniem.');
		await page.getByLabel('Toestemmingstekst (EN)').fill('Taking part is voluntary and anonymous.');
		await page.getByLabel('Instructie (NL)').fill('Sorteer de stellingen naar de mate waarin je het ermee eens bent.');
		await page.getByLabel('Instructie (EN)').fill('Sort the statements by how much you agree with them.');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect.poll(notice).toBe('Opgeslagen.');
		await expect.poll(() => checklist.count()).toBe(0);
		await expectAccessible(page, 'basics');
		await shot(page, 'basics');
	});

	it('previews the participant flow, then opens the study', async () => {
		await tab('Voorbeeld').click();
		await page.getByRole('heading', { name: '4. Stellingen om te sorteren (9)' }).waitFor();
		await page.getByText('Sorteer de stellingen naar de mate').waitFor();
		await page.getByLabel('Taal van het voorbeeld').selectOption('en');
		await page.getByText('I have enough time for my work').waitFor();
		await shot(page, 'preview');

		await page.getByRole('button', { name: 'Studie openen' }).click();
		await expect.poll(() => page.locator('#status-title').textContent()).toContain('open');
	});

	it('makes invitation codes with a QR code per code and for the open link', async () => {
		await tab('Uitnodigen').click();
		await page.getByLabel('Aantal nieuwe codes').fill('3');
		await page.getByRole('button', { name: 'Codes maken' }).click();
		const codes = page.getByRole('list', { name: 'Nieuwe codes' }).locator('code');
		await expect.poll(() => codes.count()).toBe(3);
		code = (await codes.first().textContent()) ?? '';
		expect(code).toMatch(/^[0-9A-Z-]{8,}$/);
		await page.getByRole('img', { name: `QR-code voor code ${code}` }).waitFor();
		await page.getByRole('img', { name: /QR-code voor de open link/ }).waitFor();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download als CSV' }).click();
		const csv = readFileSync(await (await download).path(), 'utf8');
		expect(csv).toContain(code);
		await expectAccessible(page, 'invitations');
		await shot(page, 'invitations');
	});

	it('shows a sort submitted with a code in monitoring, excludes and includes it, and locks the design', async () => {
		const participation = await (await fetch(`${server.url}/api/participate/${code}`)).json();
		const statements: string[] = participation.study.statements.map((s: { code: string }) => s.code);
		const placements: { statement: string; value: number }[] = [];
		for (const column of participation.study.grid as GridColumn[]) {
			for (let i = 0; i < column.capacity; i++)
				placements.push({ statement: statements[placements.length]!, value: column.value });
		}
		submittedPlacements = placements;
		const team = participation.study.questions[0].key;
		const submitted = await fetch(`${server.url}/api/participate/${code}/submission`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
			body: JSON.stringify({
				placements,
				answers: { [team]: 'a2' },
				comments: { [placements[0]!.statement]: 'Nooit genoeg tijd.' }
			})
		});
		expect([200, 201]).toContain(submitted.status);

		await tab('Voortgang').click();
		await expect.poll(() => page.locator('.counts').textContent()).toMatch(/Ingeleverd\s*1\b/);
		const sort = page.locator('li.sort').first();
		await sort.getByText('Antwoorden, toelichtingen en notities').click();
		await sort.getByText('Recherche').waitFor();
		await sort.getByText('Nooit genoeg tijd.').waitFor();
		await page.getByRole('figure').first().waitFor();

		await sort.getByRole('button', { name: 'Uitsluiten' }).click();
		await page.getByRole('dialog').getByLabel('Reden (verplicht)').fill('Test van de onderzoeker');
		await page.getByRole('dialog').getByRole('button', { name: 'Uitsluiten' }).click();
		await sort.getByText('Uitgesloten van de analyse: Test van de onderzoeker').waitFor();
		await expectAccessible(page, 'monitoring');
		await shot(page, 'monitoring');
		await sort.getByRole('button', { name: 'Weer meenemen' }).click();
		await expect.poll(() => sort.getByText('uitgesloten', { exact: true }).count()).toBe(0);
		await tab('Raster').click();
		await page.getByRole('heading', { name: 'Stellingen en raster liggen vast' }).waitFor();
		await expect(page.getByLabel('Aantal kaarten in kolom 0').isDisabled()).resolves.toBe(true);
		await expect(page.getByRole('button', { name: 'Raster opslaan' }).count()).resolves.toBe(0);
		await shot(page, 'grid-locked');
	});

	it('exports the sort as PQMethod .DAT, imports a CSV after a dry run, and checks a paper sort live', async () => {
		await tab('Data').click();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'PQMethod .DAT (sorteringen)' }).click();
		const dat = readFileSync(await (await download).path(), 'latin1');
		expect(dat.split(/\r?\n/).filter((line) => line.trim()).length).toBeGreaterThanOrEqual(2);

		// Import: a dry run first shows what is wrong, and stores nothing; a good file is then imported.
		const header = `sort,${submittedPlacements.map((p) => p.statement).join(',')}`;
		const csv = (label: string, values: number[]) => ({
			name: 'sorts.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(`${header}\n${label},${values.join(',')}\n`)
		});
		await page.getByLabel('Formaat').selectOption('csv');
		await page.getByLabel('Bestand', { exact: true }).setInputFiles(
			csv(
				'fout-1',
				submittedPlacements.map(() => 0)
			)
		);
		await page.getByRole('button', { name: 'Controleren (nog niet opslaan)' }).click();
		await page.getByText('Dit klopt niet; er is niets opgeslagen:').waitFor();
		await expect(page.getByRole('button', { name: /sorteringen importeren/ }).count()).resolves.toBe(0);
		await page.getByLabel('Bestand', { exact: true }).setInputFiles(
			csv(
				'import-1',
				[...submittedPlacements].reverse().map((p) => p.value)
			)
		);
		await page.getByRole('button', { name: 'Controleren (nog niet opslaan)' }).click();
		await page.getByText('Alles klopt: 1 sortering kan worden geïmporteerd.').waitFor();
		await shot(page, 'data-import');
		await page.getByRole('button', { name: '1 sortering importeren' }).click();
		await expect.poll(notice).toBe('1 sortering geïmporteerd.');
		const sorts = await page.evaluate(
			async (url) => (await (await fetch(url)).json()).sorts.map((s: { label: string }) => s.label),
			`/api/studies/${studyUrl.split('/').pop()}/sorts`
		);
		expect(sorts).toContain('import-1');
		expect(sorts).not.toContain('fout-1');

		await page.getByLabel('Label (bijv. respondentnummer)').fill('papier-1');
		await page.getByLabel('Kolom voor stelling S01').selectOption('2');
		await page.getByLabel('Kolom voor stelling S02').selectOption('2');
		await expect
			.poll(() => page.locator('.check').textContent())
			.toContain('Kolom +2 heeft 2 kaarten, maar er is plaats voor 1.');
		await expect(page.getByRole('button', { name: 'Sortering opslaan' }).isDisabled()).resolves.toBe(true);
		await expectAccessible(page, 'data');
		await shot(page, 'data');
	});

	it('changes the password, logs out and logs in again; a wrong password is refused', async () => {
		await page.getByRole('link', { name: 'Account' }).click();
		await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
		await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(`${PASSWORD}!`);
		await page.getByLabel('Nieuw wachtwoord herhalen').fill(`${PASSWORD}!`);
		await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
		await page.getByText('Je wachtwoord is gewijzigd.').waitFor();
		await shot(page, 'account');

		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await page.getByRole('heading', { name: 'Inloggen voor onderzoekers' }).waitFor();
		expect(await page.getByRole('heading', { name: 'Er is nog geen account' }).count()).toBe(0);
		await page.getByLabel('E-mailadres').fill(EMAIL);
		await page.getByLabel('Wachtwoord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect
			.poll(() => page.getByRole('alert').first().textContent())
			.toBe('E-mailadres of wachtwoord klopt niet.');
		await page.getByLabel('Wachtwoord').fill(`${PASSWORD}!`);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.getByRole('heading', { name: 'Mijn studies' }).waitFor();
		// 401 (not logged in, wrong password) and 404 (the made-up setup link) are answers these steps expect.
		expect(problems.filter((problem) => !/status of 40[134]/.test(problem))).toEqual([]);
	});

	it('fits every page on a phone without sideways scrolling', async () => {
		const phone = await browser.newContext({
			viewport: PHONE,
			deviceScaleFactor: 1,
			storageState: await context.storageState()
		});
		const small = await phone.newPage();
		for (const path of ['', '/statements', '/grid', '/questions', '/preview', '/invitations', '/monitoring', '/data']) {
			await small.goto(`${studyUrl}${path}`);
			await small.getByRole('navigation', { name: 'Onderdelen van de studie' }).waitFor();
			await small.waitForLoadState('networkidle');
			const overflow = await small.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `sideways scrolling on ${path || '/'}`).toBeLessThanOrEqual(0);
			await shot(small, `phone${path.replace('/', '-') || '-basics'}`, false);
			await small.evaluate(() => window.scrollTo(0, 560));
			await shot(small, `phone${path.replace('/', '-') || '-basics'}-content`, false);
		}
		await phone.close();
	});
});
