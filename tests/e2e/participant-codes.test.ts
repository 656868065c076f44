import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DESKTOP,
	launchBrowser,
	NARROW,
	newContext,
	PHONE,
	type RunningServer,
	startServer,
	watchConsole
} from '../helpers/e2e.js';
import { api, demoStudyId, firstResearcher, logIn } from '../helpers/researcher.js';
import { DEMO, enrolAndOpen, expectAccessible, GRID, snapshotBuild, stepTitle } from './participant-helpers.js';

// Issue 12, items 1, 2 and 6 in Chromium: the participant sees and can save the code (at enrolment, behind
// "Mijn code", before "Stop en wis"); printed slips lead to the code entry and their QR code to the sort;
// the open link offers "Ik heb een code"; the landing page leads to the code and to a session; the receipt
// page says how and with whom to withdraw, in the study's words. Set STANDPUNT_SCREENSHOTS=<folder> to keep
// screenshots.

const SHOTS = process.env.STANDPUNT_SCREENSHOTS;
const CONTACT = 'Mail onderzoek@example.org en noem je ontvangstcode.';

async function shot(page: Page, name: string): Promise<void> {
	if (SHOTS)
		await page.screenshot({ path: join(SHOTS, `codes-${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

describe('participant codes, slips and the receipt page', () => {
	let server: RunningServer;
	let browser: Browser;
	let cookie = '';
	let token = '';
	let studyId = '';

	const call = <T>(method: string, path: string, body?: unknown) => api<T>(server, cookie, method, path, body);

	beforeAll(async () => {
		server = await startServer({ env: snapshotBuild() });
		browser = await launchBrowser();
		({ cookie, token } = await firstResearcher(server));
		studyId = await demoStudyId(server, cookie);
	});

	/** A browser context with the researcher's session. */
	async function researcherContext() {
		const context = await newContext(browser, DESKTOP);
		await logIn(context, server, token);
		return context;
	}

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('landing page: visible ways to enter a code and to join a session', async () => {
		for (const viewport of [NARROW, DESKTOP]) {
			const context = await newContext(browser, viewport);
			const page = await context.newPage();
			await page.goto(server.url);
			const code = page.getByRole('link', { name: 'Mijn code invullen' });
			const join = page.getByRole('link', { name: 'Meedoen aan een sessie' });
			expect(await code.getAttribute('href')).toBe('/code');
			expect(await join.getAttribute('href')).toBe('/join');
			// Both in the first screen, without scrolling, at 1366×768; on a small phone the code comes first.
			if (viewport === DESKTOP)
				for (const link of [code, join]) expect((await link.boundingBox())!.y + 40).toBeLessThan(DESKTOP.height);
			await expectAccessible(page, `landing ${viewport.width}`);
			await context.close();
		}
	});

	it('shows a new code at enrolment with copy and a QR code, and again behind "Mijn code" and before "Stop en wis"', async () => {
		const context = await newContext(browser, DESKTOP);
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/s/${DEMO}`);
		await page.getByRole('heading', { name: 'Meer diversiteit in het politieteam' }).waitFor();
		await expectAccessible(page, 'open link');
		await shot(page, 'open-link');
		await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
		await page.waitForURL(/\/p\/[0-9A-Z-]{14}$/);
		const code = new URL(page.url()).pathname.split('/').pop()!;
		// The write-it-down moment comes before anything else, with the code in full.
		await expect.poll(() => page.locator('[data-testid="participant-code"]:visible').textContent()).toBe(code);
		expect(await page.locator('h2.step-title').count()).toBe(0);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-title');
		await page.getByRole('img', { name: `QR-code die de sortering met code ${code} opent` }).waitFor();
		await page.getByRole('button', { name: 'Kopieer de code' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'gekopieerd' }).count()).toBe(1);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
		await expectAccessible(page, 'new code');
		await shot(page, 'new-code');
		await page.getByRole('button', { name: 'Ik heb mijn code bewaard' }).click();
		expect(await stepTitle(page)).toBe('Informatie en toestemming');

		await page.getByRole('button', { name: 'Mijn code' }).click();
		await expect.poll(() => page.locator('dialog[open]').getByTestId('participant-code').textContent()).toBe(code);
		await expectAccessible(page, 'my code dialog');
		await page.locator('dialog[open]').getByRole('button', { name: 'Sluiten' }).click();

		await page.getByRole('button', { name: 'Stop en wis' }).click();
		const stop = page.locator('dialog[open]');
		await expect.poll(() => stop.getByTestId('participant-code').textContent()).toBe(code);
		await stop.getByRole('img', { name: /QR-code/ }).waitFor();
		await expectAccessible(page, 'stop dialog');
		await shot(page, 'stop');
		await stop.getByRole('button', { name: 'Ja, wis het scherm' }).click();
		await page.waitForURL(/\/code\?cleared=1$/);
		expect(await page.getByText(code).count(), 'nothing of the code stays on the cleared screen').toBe(0);
		// The code that was shown brings the person back where they were.
		await page.getByRole('textbox', { name: 'Code' }).fill(code.toLowerCase().replace(/-/g, ' '));
		await page.getByRole('button', { name: 'Verder', exact: true }).click();
		await page.waitForURL(new RegExp(`/p/${code}$`));
		expect(await stepTitle(page)).toBe('Informatie en toestemming');
		expect(
			await page.locator('[data-testid="participant-code"]:visible').count(),
			'a typed code is not shown again as new'
		).toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('on a phone the code comes without a QR code (the phone is already there)', async () => {
		const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
		const page = await context.newPage();
		await enrolAndOpen(page, server.url);
		await page.getByRole('button', { name: 'Mijn code' }).tap();
		await page.locator('dialog[open]').getByTestId('participant-code').waitFor();
		expect(await page.locator('dialog[open] img').count()).toBe(0);
		await context.close();
	});

	it("printed slips: the typed address is the code page and the QR code opens that code's sort; the open link takes the code too", async () => {
		const { codes } = await call<{ codes: string[] }>('POST', `/studies/${studyId}/codes`, { count: 3 });
		const context = await researcherContext();
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/researcher/studies/${studyId}/invitations`);
		const slip = page.locator('.slip').filter({ hasText: codes[0]! });
		await slip.waitFor();
		expect(await slip.locator('.slip-how').textContent()).toContain(`ga naar ${server.url}/code en vul je code in`);
		expect(await slip.locator('.slip-how').textContent()).not.toContain('/s/');
		await slip.getByRole('img', { name: `QR-code voor code ${codes[0]}` }).waitFor();
		await shot(page, 'slips');

		// The QR code's address: straight into that code's sort, no choice page and no new code.
		const before = (await call<{ codes: unknown[] }>('GET', `/studies/${studyId}/codes`)).codes.length;
		await page.goto(`${server.url}/p/${codes[0]}`);
		expect(await stepTitle(page)).toBe('Informatie en toestemming');
		// The typed address.
		await page.goto(`${server.url}/code`);
		await page.getByRole('textbox', { name: 'Code' }).fill(codes[1]!);
		await page.getByRole('button', { name: 'Verder', exact: true }).click();
		await page.waitForURL(new RegExp(`/p/${codes[1]}$`));
		expect(await stepTitle(page)).toBe('Informatie en toestemming');
		// The open link (an older slip printed the study's address): "Ik heb een code" uses the invited code.
		await page.goto(`${server.url}/s/${DEMO}`);
		await page.getByRole('textbox', { name: 'Code' }).fill(codes[2]!);
		await page.getByRole('button', { name: 'Verder', exact: true }).click();
		await page.waitForURL(new RegExp(`/p/${codes[2]}$`));
		expect(await stepTitle(page)).toBe('Informatie en toestemming');
		expect(
			(await call<{ codes: unknown[] }>('GET', `/studies/${studyId}/codes`)).codes.length,
			'no anonymous code was made on the way'
		).toBe(before);

		// An invite-only study's address offers only the code.
		await call('PATCH', `/studies/${studyId}`, { selfEnrolment: false });
		await page.goto(`${server.url}/s/${DEMO}`);
		await page.getByText('Voor deze studie heb je een code nodig').waitFor();
		expect(await page.getByRole('button', { name: 'Meedoen', exact: true }).count()).toBe(0);
		await expectAccessible(page, 'invite-only open link');
		await call('PATCH', `/studies/${studyId}`, { selfEnrolment: true });
		// The only console message: the browser logging the expected 404 of the invite-only study's address.
		expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
		await context.close();
	});

	it('the researcher writes the withdrawal contact in the basics, and the receipt page shows it with the receipt', async () => {
		const context = await researcherContext();
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/researcher/studies/${studyId}`);
		await page.getByLabel('Intrekken: hoe en bij wie (NL)').fill(CONTACT);
		await page.getByLabel('Intrekken: hoe en bij wie (EN)').fill('E-mail research@example.org with your receipt code.');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect
			.poll(
				async () =>
					(await call<{ study: { contact: Record<string, string> } }>('GET', `/studies/${studyId}`)).study.contact.nl
			)
			.toBe(CONTACT);
		await expectAccessible(page, 'basics with contact');

		// A participant at the last step (the sort saved as a draft), who submits in the browser.
		const [code] = (await call<{ codes: string[] }>('POST', `/studies/${studyId}/codes`, { count: 1 })).codes;
		const participation = await (await fetch(`${server.url}/api/participate/${code}`)).json();
		const statements: string[] = participation.study.statements.map((s: { code: string }) => s.code);
		const placements: Record<string, number> = {};
		let at = 0;
		for (const { value, capacity } of GRID) for (let i = 0; i < capacity; i++) placements[statements[at++]!] = value;
		const draft = {
			v: 1,
			step: 'submit',
			order: statements,
			piles: {},
			placements,
			answers: {},
			comments: {},
			textScale: 1
		};
		await fetch(`${server.url}/api/participate/${code}/draft`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
			body: JSON.stringify(draft)
		});
		const participant = await newContext(browser, NARROW);
		const p = await participant.newPage();
		await p.goto(`${server.url}/p/${code}`);
		expect(await stepTitle(p)).toBe('Insturen');
		await p.getByRole('button', { name: 'Sortering insturen' }).click();
		await p.getByTestId('receipt').waitFor();
		await p.getByRole('heading', { name: 'Wil je later toch niet meedoen?' }).waitFor();
		expect(await p.getByTestId('withdraw-contact').textContent()).toContain(CONTACT);
		const overflow = await p.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectAccessible(p, 'receipt page');
		await shot(p, 'receipt');
		await participant.close();
		expect(problems).toEqual([]);
		await context.close();
	});
});
