import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { api, demoAnalysis, firstResearcher, logIn } from '../helpers/researcher.js';

// A dialogue session in Chromium: one facilitator (control screen + projector screen) and five attendees
// on phones. Join by code, answer, watch the tally update live, see counts below 5 hidden, and free text
// appear on the projector only after approval. Screenshots go to /tmp for a look.
describe('dialogue session with a presenter and five phones', () => {
	let server: RunningServer;
	let browser: Browser;
	let cookie: string;
	let token: string;
	let analysisId: string;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		({ cookie, token } = await firstResearcher(server));
		({ analysisId } = await demoAnalysis(server, cookie));
		await api(server, cookie, 'PUT', `/analyses/${analysisId}/interpretations/1`, {
			name: 'Diversiteit als vakmanschap',
			narrative: 'Een team heeft verschillende talenten nodig.',
			quotes: []
		});
	});

	afterAll(async () => {
		for (const context of contexts) await context.close().catch(() => undefined);
		await browser?.close();
		await server?.stop();
	});

	async function phone(viewport = PHONE): Promise<{ page: Page; problems: string[] }> {
		const context = await newContext(browser, viewport);
		contexts.push(context);
		const page = await context.newPage();
		return { page, problems: watchConsole(page) };
	}

	it('runs a session: join, live tally with the small-group rule, moderated free text, closing', async () => {
		const session = await api<{ id: string; joinCode: string }>(
			server,
			cookie,
			'POST',
			`/analyses/${analysisId}/dialogue-sessions`,
			{
				name: 'Bureau Noord',
				place: 'Zwolle',
				date: '2026-12-01',
				miniSort: true
			}
		);

		const presenter = await newContext(browser, DESKTOP);
		contexts.push(presenter);
		await logIn(presenter, server, token);
		const control = await presenter.newPage();
		const controlProblems = watchConsole(control);
		await control.goto(`${server.url}/present/session/${session.id}/control`);
		await control.getByRole('heading', { name: /Regie: Bureau Noord/ }).waitFor();
		const display = await presenter.newPage();
		const displayProblems = watchConsole(display);
		await display.setViewportSize({ width: 1920, height: 1080 });
		await display.goto(`${server.url}/present/session/${session.id}`);
		await expect(display.getByTestId('join-code').textContent()).resolves.toBe(session.joinCode);

		// Three attendees type the code; two follow the link from the QR code.
		const attendees: { page: Page; problems: string[] }[] = [];
		for (let i = 0; i < 5; i++) {
			const attendee = await phone(i === 4 ? NARROW : PHONE);
			if (i < 3) {
				await attendee.page.goto(`${server.url}/join`);
				await attendee.page.getByLabel('Code van het scherm').fill(session.joinCode.toLowerCase());
				await attendee.page.getByRole('button', { name: 'Meedoen' }).click();
			} else {
				await attendee.page.goto(`${server.url}/d/${session.joinCode}`);
			}
			await attendee.page.getByText('Wacht op de volgende vraag').waitFor();
			attendees.push(attendee);
		}
		await display.getByTestId('attendees').getByText('5 deelnemers').waitFor({ timeout: 2000 });

		await control
			.getByRole('button', { name: 'Open deze vraag: Herken ik dit? — Perspectief 1: Diversiteit als vakmanschap' })
			.click();
		expect(await control.getByRole('button', { name: /recognise-/ }).count()).toBe(0);
		for (const { page } of attendees)
			await page.getByRole('heading', { name: 'Herken ik dit?' }).waitFor({ timeout: 2000 });
		await attendees[0].page.getByText('Perspectief 1: Diversiteit als vakmanschap').waitFor();
		// The choices are announced as the question, not its key, and the scale's ends are whole words.
		await attendees[0].page
			.getByRole('radiogroup', { name: 'Herken ik dit? — Perspectief 1: Diversiteit als vakmanschap' })
			.waitFor();
		await attendees[0].page.getByRole('radio', { name: '1, helemaal niet' }).waitFor();
		for (const { page } of [attendees[0], attendees[4]]) {
			const ends = page.getByText('5 = helemaal wel');
			expect(await ends.evaluate((e) => e.getClientRects().length)).toBe(1); // one line box: not broken inside the word
		}

		for (const { page } of attendees.slice(0, 4)) {
			await page.getByRole('radio', { name: /^4/ }).click();
			await page.getByText('Antwoord opgeslagen').waitFor();
		}
		// Four answers: nothing but the notice that results appear from five.
		await display.getByText('Nog minder dan 5 antwoorden').waitFor({ timeout: 1000 });
		expect(await display.getByTestId('count').allTextContents()).toEqual(['–', '–', '–', '–', '–']);
		expect(await display.getByText(/gemiddeld/).count()).toBe(0);
		// The facilitator's screen states the rule.
		await control.getByTestId('small-group-rule').getByText('pas vanaf 5 antwoorden').waitFor();
		await display.screenshot({ path: '/tmp/dialogue-display-fewer.png' });

		await attendees[4].page.getByRole('radio', { name: /^4/ }).click();
		await attendees[4].page.getByText('Antwoord opgeslagen').waitFor();
		// The fifth answer reaches the projector within a second, through NOTIFY and the event stream.
		await display.waitForSelector('[data-testid="tally"][data-total="5"]', { timeout: 1000 });
		expect(await display.getByTestId('count').allTextContents()).toEqual(['0', '0', '0', '5', '0']);
		await display.getByText('gemiddeld 4').waitFor();
		await display.screenshot({ path: '/tmp/dialogue-display-tally.png' });
		// Stop closes the open question (it used to answer 422).
		await control.getByRole('button', { name: 'Sluit de vraag' }).click();
		await display.getByText('Zo meteen de volgende vraag.').waitFor({ timeout: 2000 });
		expect(await control.getByRole('alert').count()).toBe(0);
		await attendees[4].page.screenshot({ path: '/tmp/dialogue-phone-320.png', fullPage: true });
		await attendees[0].page.screenshot({ path: '/tmp/dialogue-phone-390.png', fullPage: true });

		// Free text waits for the facilitator.
		await control.getByRole('button', { name: 'Open deze vraag: Wat missen we?' }).click();
		await attendees[1].page.getByRole('heading', { name: 'Wat missen we?' }).waitFor({ timeout: 2000 });
		await attendees[1].page.getByLabel(/Schrijf kort op/).fill('Roosters en werkdruk');
		await attendees[1].page.getByRole('button', { name: 'Versturen' }).click();
		await attendees[1].page.getByText('Verstuurd.').waitFor();
		await control.getByTestId('queue').getByText('Roosters en werkdruk').waitFor({ timeout: 2000 });
		expect(await display.getByText('Roosters en werkdruk').count()).toBe(0);
		await control.screenshot({ path: '/tmp/dialogue-control.png', fullPage: true });
		await control.getByRole('button', { name: 'Toon op scherm' }).click();
		await display.getByTestId('shown-texts').getByText('Roosters en werkdruk').waitFor({ timeout: 2000 });
		await display.screenshot({ path: '/tmp/dialogue-display-text.png' });

		// The mini-sort: 9–12 statements on the phone, the closest viewpoint shown there and nowhere else.
		const sorter = attendees[2].page;
		await sorter.getByRole('button', { name: 'Doe de mini-sortering' }).click();
		const groups = sorter.getByRole('group');
		// The statements arrive from the server after the click: wait for the first before counting.
		await groups.first().waitFor();
		const n = await groups.count();
		expect(n).toBeGreaterThanOrEqual(9);
		expect(n).toBeLessThanOrEqual(12);
		for (let i = 0; i < n; i++)
			await groups
				.nth(i)
				.getByText(i % 2 === 0 ? '+2' : '-2', { exact: true })
				.click();
		await sorter.getByRole('button', { name: 'Bekijk mijn perspectief' }).click();
		await sorter.getByText('Dit zie alleen jij').waitFor();
		await sorter.screenshot({ path: '/tmp/dialogue-mini-sort.png', fullPage: true });
		expect(await display.getByText(/mini-sort/i).count()).toBe(0);

		// Ending the session: phones say so, and the code stops working.
		control.once('dialog', (dialog) => void dialog.accept());
		await control.getByRole('button', { name: 'Sessie afsluiten' }).click();
		for (const { page } of attendees) await page.getByText('Deze sessie is afgesloten').waitFor({ timeout: 3000 });
		const late = await phone();
		await late.page.goto(`${server.url}/join`);
		await late.page.getByLabel('Code van het scherm').fill(session.joinCode);
		await late.page.getByRole('button', { name: 'Meedoen' }).click();
		await late.page.getByRole('alert').getByText('Deze code klopt niet').waitFor();

		for (const { page } of attendees) {
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		}
		expect([...controlProblems, ...displayProblems, ...attendees.flatMap((a) => a.problems)]).toEqual([]);
	});
});
