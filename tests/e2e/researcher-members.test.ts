import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridColumn } from '../../src/lib/api/types/common.js';
import { copyPgliteTemplate, createServerDatabase, serverUrl } from '../helpers/db.js';
import {
	DESKTOP,
	launchBrowser,
	newContext,
	PHONE,
	type RunningServer,
	startServer,
	watchConsole
} from '../helpers/e2e.js';
import { type Account, api, demoStudyId, logIn, logInByApi } from '../helpers/researcher.js';
import { expectAccessible } from './participant-helpers.js';
import { CLI_ENTRY } from '../helpers/entries.js';

// The members tab and the withdrawal log in Chromium. There is no API to make a second account while the
// server runs (the setup link works once), so both accounts are made with the CLI in a fresh data folder
// before the server starts on it; the first account then owns the demo study.
// Set STANDPUNT_SCREENSHOTS=<folder> to keep screenshots at desktop and phone size.

const SHOTS = process.env.STANDPUNT_SCREENSHOTS;
const OWNER = { email: 'eigenaar@example.nl', password: 'eigenaar-wachtwoord-1', name: 'Eva Eigenaar' };
const SECOND = { email: 'collega@example.nl', password: 'collega-wachtwoord-2', name: 'Cor Collega' };

describe('members tab in Chromium', () => {
	let server: RunningServer;
	let dataDir: string;
	let ownDb: { url: string; drop(): Promise<void> } | undefined;
	let browser: Browser;
	let owner: BrowserContext;
	let page: Page;
	let problems: string[];
	let studyId = '';

	const login = async (account: Account) => (await logInByApi(server, account)).cookie;
	const call = <T>(cookie: string, method: string, path: string, body?: unknown) =>
		api<T>(server, cookie, method, path, body);

	async function contextFor(account: Account, viewport = DESKTOP): Promise<BrowserContext> {
		const context = await newContext(browser, viewport);
		await logIn(context, server, (await logInByApi(server, account)).token);
		return context;
	}

	async function shot(target: Page, name: string): Promise<void> {
		if (SHOTS)
			await target.screenshot({ path: join(SHOTS, `${name}-${target.viewportSize()?.width}.png`), fullPage: true });
	}

	const row = (email: string) =>
		page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(email) }) });
	const notice = () => page.locator('.status-line').textContent();

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'standpunt-members-'));
		ownDb = serverUrl ? await createServerDatabase() : undefined;
		if (!ownDb) copyPgliteTemplate(dataDir);
		const env = { ...process.env, STANDPUNT_DATA_DIR: dataDir, ...(ownDb ? { DATABASE_URL: ownDb.url } : {}) };
		for (const account of [OWNER, SECOND]) {
			execFileSync(
				process.execPath,
				[CLI_ENTRY, 'user', 'create', '--email', account.email, '--password', account.password, '--name', account.name],
				{ env, stdio: 'pipe' }
			);
		}
		server = await startServer({ dataDir, env: ownDb ? { DATABASE_URL: ownDb.url } : {} });
		browser = await launchBrowser();
		owner = await contextFor(OWNER);
		page = await owner.newPage();
		problems = watchConsole(page);
		studyId = await demoStudyId(server, await login(OWNER));
	});

	afterAll(async () => {
		await owner?.close();
		await browser?.close();
		await server?.stop();
		await ownDb?.drop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	it('lists the owner on the new Leden tab, explains the roles, and answers an unknown e-mail like a known one', async () => {
		await page.goto(`${server.url}/researcher/studies/${studyId}`);
		await page
			.getByRole('navigation', { name: 'Onderdelen van de studie' })
			.getByRole('link', { name: 'Leden', exact: true })
			.click();
		await page.getByRole('heading', { name: 'Leden van de studie' }).waitFor();
		await expect(row(OWNER.email).textContent()).resolves.toContain(OWNER.name);
		await expect(row(OWNER.email).getByRole('combobox').inputValue()).resolves.toBe('owner');
		await expect(page.getByText('Gespreksleider: resultaten lezen').count()).resolves.toBe(1);

		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect.poll(() => page.locator('#member-email-error').textContent()).toBe('Vul een e-mailadres in.');
		// No account has this address: the same answer as for one that has (issue 11 §11), an invitation.
		await page.getByLabel('E-mailadres').fill('niemand@example.nl');
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect
			.poll(notice)
			.toBe('niemand@example.nl is uitgenodigd als gespreksleider. Diegene wordt lid bij de volgende keer inloggen.');
		await expect(page.getByTestId('invitations').getByText('niemand@example.nl').count()).resolves.toBe(1);
		await expect(page.getByRole('row').count()).resolves.toBe(2); // header + the owner
		await expectAccessible(page, 'members with an invitation (owner)');
		await shot(page, 'members-invitation');
		await page.getByRole('button', { name: 'Uitnodiging voor niemand@example.nl intrekken' }).click();
		await expect.poll(notice).toBe('De uitnodiging voor niemand@example.nl is ingetrokken.');
		await expect(page.getByTestId('invitations').count()).resolves.toBe(0);
	});

	it('invites the second researcher, who becomes a member on opening their studies; refuses adding them twice, changes the role and removes them', async () => {
		await page.getByLabel('E-mailadres').fill(SECOND.email.toUpperCase());
		await page.locator('#member-role').selectOption('facilitator');
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect
			.poll(notice)
			.toBe(`${SECOND.email} is uitgenodigd als gespreksleider. Diegene wordt lid bij de volgende keer inloggen.`);
		await expect(page.getByTestId('invitations').getByText(SECOND.email).count()).resolves.toBe(1);
		// The colleague signs in and opens their studies: the invitation becomes a membership.
		const studiesOfSecond = await call<{ studies: { id: string }[] }>(await login(SECOND), 'GET', '/studies');
		expect(studiesOfSecond.studies.map((s) => s.id)).toContain(studyId);
		await page.reload();
		await row(SECOND.email).waitFor();
		await expect(row(SECOND.email).textContent()).resolves.toContain(SECOND.name);
		await expect(row(SECOND.email).getByRole('combobox').inputValue()).resolves.toBe('facilitator');
		await expect(page.getByTestId('invitations').count()).resolves.toBe(0);
		await expectAccessible(page, 'members (owner)');
		await shot(page, 'members-owner');

		await page.getByLabel('E-mailadres').fill(SECOND.email);
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect.poll(() => page.locator('.error').textContent()).toContain('al lid van deze studie');

		await page.getByLabel(`Rol van ${SECOND.email}`).selectOption('co_researcher');
		await expect.poll(notice).toBe(`De rol van ${SECOND.email} is nu: mede-onderzoeker.`);
		const members = await call<{ members: { email: string; role: string }[] }>(
			await login(OWNER),
			'GET',
			`/studies/${studyId}/members`
		);
		expect(members.members.find((m) => m.email === SECOND.email)?.role).toBe('co_researcher');

		// The only owner cannot make themselves something else: the readable refusal, and the select goes back.
		await page.getByLabel(`Rol van ${OWNER.email}`).selectOption('facilitator');
		await expect
			.poll(() => page.locator('.error').textContent())
			.toBe('Een studie heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.');
		await expect(page.getByLabel(`Rol van ${OWNER.email}`).inputValue()).resolves.toBe('owner');

		await page.getByRole('button', { name: `${SECOND.email} verwijderen` }).click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByRole('heading').textContent()).resolves.toBe(`${SECOND.email} uit de studie verwijderen?`);
		await dialog.getByRole('button', { name: 'Annuleren' }).click();
		await expect(row(SECOND.email).count()).resolves.toBe(1);
		await page.getByRole('button', { name: `${SECOND.email} verwijderen` }).click();
		await dialog.getByRole('button', { name: 'Verwijderen' }).click();
		await expect.poll(notice).toBe(`${SECOND.email} is verwijderd uit de studie.`);
		await expect(row(SECOND.email).count()).resolves.toBe(0);
		const after = await call<{ members: { email: string }[] }>(
			await login(OWNER),
			'GET',
			`/studies/${studyId}/members`
		);
		expect(after.members.map((m) => m.email)).toEqual([OWNER.email]);
	});

	it('shows the list read-only, with the roles explained, to a member who is not an owner', async () => {
		await call(await login(OWNER), 'POST', `/studies/${studyId}/members`, { email: SECOND.email, role: 'facilitator' });
		await call(await login(SECOND), 'GET', '/studies');
		for (const viewport of [DESKTOP, PHONE]) {
			const context = await contextFor(SECOND, viewport);
			const colleague = await context.newPage();
			const colleagueProblems = watchConsole(colleague);
			await colleague.goto(`${server.url}/researcher/studies/${studyId}/members`);
			await colleague.getByRole('heading', { name: 'Leden van de studie' }).waitFor();
			await colleague
				.getByText('Alleen een eigenaar kan leden toevoegen, rollen wijzigen of leden verwijderen.')
				.waitFor();
			await expect(colleague.getByRole('combobox').count()).resolves.toBe(0);
			await expect(colleague.getByRole('button', { name: /verwijderen|Toevoegen/ }).count()).resolves.toBe(0);
			await expect(colleague.getByRole('row').filter({ hasText: OWNER.email }).textContent()).resolves.toContain(
				'eigenaar'
			);
			await expect(colleague.getByRole('row').filter({ hasText: SECOND.email }).textContent()).resolves.toContain(
				'gespreksleider'
			);
			await expect(colleague.getByText('Mede-onderzoeker: ontwerp bewerken').count()).resolves.toBe(1);
			await expectAccessible(colleague, `members (facilitator, ${viewport.width})`);
			await shot(colleague, 'members-facilitator');
			expect(colleagueProblems).toEqual([]);
			await context.close();
		}
	});

	it('gives a facilitator counts but no individual sorts or downloads, and withholds a composition one flag away from a shown one', async () => {
		// SECOND is a facilitator since the test above.
		const context = await contextFor(SECOND);
		const colleague = await context.newPage();
		const colleagueProblems = watchConsole(colleague);
		await colleague.goto(`${server.url}/researcher/studies/${studyId}/monitoring`);
		await colleague
			.getByTestId('sorts-not-for-role')
			.getByText('Als gespreksleider zie je de aantallen hierboven')
			.waitFor();
		// The counts arrive after the role notice: wait for them rather than count at once.
		await colleague.getByText('Ingeleverd', { exact: true }).first().waitFor();
		await shot(colleague, 'monitoring-facilitator');
		await colleague.goto(`${server.url}/researcher/studies/${studyId}/data`);
		await colleague.getByTestId('export-not-for-role').waitFor();
		await shot(colleague, 'data-facilitator');

		await colleague.goto(`${server.url}/researcher/studies/${studyId}/analysis`);
		const composition = colleague.getByTestId('composition');
		await composition.waitFor({ timeout: 30_000 });
		await expect(colleague.getByTestId('composition-withheld').count()).resolves.toBe(0);
		// One flag off: that factor's defining set is one sort away from the one just shown.
		await colleague.getByTestId('loadings-table').locator('button.flag.on').first().click();
		await colleague
			.getByTestId('composition-withheld')
			.getByText(/Samenstelling niet getoond voor F\d/)
			.waitFor({ timeout: 10_000 });
		// (The whole analysis workspace is audited with axe elsewhere; here only the note is new.)
		await expect(colleague.getByRole('note').filter({ hasText: 'Samenstelling niet getoond' }).count()).resolves.toBe(
			1
		);
		await colleague.getByTestId('composition-withheld').scrollIntoViewIfNeeded();
		await shot(colleague, 'composition-withheld');
		expect(colleagueProblems).toEqual([]);
		await context.close();
	});

	it('shows the withdrawal log (date and source only) on the monitoring tab', async () => {
		const cookie = await login(OWNER);
		await page.goto(`${server.url}/researcher/studies/${studyId}/monitoring`);
		await page.getByText('Nog niets ingetrokken.').waitFor();

		const { codes } = await call<{ codes: string[] }>(cookie, 'POST', `/studies/${studyId}/codes`, { count: 1 });
		const participation = await call<{
			study: { statements: { code: string }[]; grid: GridColumn[] };
		}>(cookie, 'GET', `/participate/${codes[0]}`);
		const placements: { statement: string; value: number }[] = [];
		for (const column of participation.study.grid) {
			for (let i = 0; i < column.capacity; i++)
				placements.push({ statement: participation.study.statements[placements.length]!.code, value: column.value });
		}
		const { receipt } = await call<{ receipt: string }>('', 'POST', `/participate/${codes[0]}/submission`, {
			placements,
			answers: {}
		});
		await call(cookie, 'POST', `/studies/${studyId}/withdrawals`, { receipt });

		await page.reload();
		const log = page.getByRole('region', { name: /Ingetrokken sorteringen/ });
		await expect
			.poll(() => log.getByRole('heading').textContent(), { timeout: 10_000 })
			.toBe('Ingetrokken sorteringen (1)');
		const cells = await log.getByRole('row').nth(1).getByRole('cell').allTextContents();
		expect(cells).toEqual([new Date().toLocaleDateString('nl', { dateStyle: 'medium' }), 'deelnemer']);
		await expectAccessible(page, 'monitoring with withdrawals');
		await shot(page, 'monitoring-withdrawals');
		// The refused calls above (404 unknown e-mail, 409 already a member / last owner) are logged by Chromium as failed resources.
		expect(problems.filter((problem) => !/status of 40[49]/.test(problem))).toEqual([]);
	});

	it('fits the members tab on a phone', async () => {
		await page.setViewportSize(PHONE);
		await page.goto(`${server.url}/researcher/studies/${studyId}/members`);
		await page.getByRole('heading', { name: 'Leden van de studie' }).waitFor();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectAccessible(page, 'members (owner, phone)');
		await shot(page, 'members-owner');
	});
});
