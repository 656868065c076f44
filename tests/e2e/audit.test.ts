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
import { api, demoAnalysis, firstResearcher, logIn } from '../helpers/researcher.js';
import { expectAccessible } from './participant-helpers.js';

// axe-core (WCAG 2.x A/AA) on every researcher, interviewer, presenter and attendee page of the demo study,
// including the analysis workspace once it has computed, every slide of the deck and a session with a
// question open: no serious or critical finding anywhere (issue 12). Participant pages are audited step by
// step in participant*.test.ts.
const PROJECTOR = { width: 1920, height: 1080 };

describe('accessibility audit of researcher, presenter and attendee pages', () => {
	let server: RunningServer;
	let browser: Browser;
	let token: string;
	let studyId: string;
	let analysisId: string;
	let session: { id: string; joinCode: string };
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		const researcher = await firstResearcher(server);
		token = researcher.token;
		({ studyId, analysisId } = await demoAnalysis(server, researcher.cookie));
		for (let factor = 1; factor <= 4; factor++) {
			const { candidates } = await api<{ candidates: unknown[] }>(
				server,
				researcher.cookie,
				'GET',
				`/analyses/${analysisId}/interpretations/${factor}/candidates`
			);
			await api(server, researcher.cookie, 'PUT', `/analyses/${analysisId}/interpretations/${factor}`, {
				name: `Perspectief ${factor}`,
				narrative: 'Een korte beschrijving voor de zaal.',
				quotes: candidates.slice(0, 2)
			});
		}
		session = await api(server, researcher.cookie, 'POST', `/analyses/${analysisId}/dialogue-sessions`, {
			name: 'Bureau Noord',
			place: 'Zwolle',
			date: '2026-12-01',
			miniSort: true
		});
	});

	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.stop();
	});

	async function researcherPage(viewport = DESKTOP): Promise<{ page: Page; problems: string[] }> {
		const context = await newContext(browser, viewport);
		contexts.push(context);
		await logIn(context, server, token);
		const page = await context.newPage();
		return { page, problems: watchConsole(page) };
	}

	it('finds nothing serious on the researcher area, every study tab and the interview page', async () => {
		const { page, problems } = await researcherPage();
		const study = `/researcher/studies/${studyId}`;
		const pages: [string, string][] = [
			['/researcher', 'Mijn studies'],
			['/researcher/account', 'Account'],
			['/researcher/studies/new', 'Nieuwe studie'],
			[study, 'Basisgegevens'],
			...(
				[
					'statements',
					'grid',
					'questions',
					'preview',
					'invitations',
					'monitoring',
					'data',
					'dialogue',
					'members'
				] as const
			).map((tab): [string, string] => [`${study}/${tab}`, '']),
			[`${study}/interpret/${analysisId}`, ''],
			['/interview', 'Interview afnemen']
		];
		for (const [path, heading] of pages) {
			await page.goto(`${server.url}${path}`);
			if (heading) await page.getByRole('heading', { name: heading }).first().waitFor();
			await page.waitForLoadState('networkidle');
			await expectAccessible(page, path.replace(studyId, ':id').replace(analysisId, ':analysis'));
		}
		expect(problems).toEqual([]);
	});

	it('counts the same codes on Voortgang as on Uitnodigen', async () => {
		const { page } = await researcherPage();
		await page.goto(`${server.url}/researcher/studies/${studyId}/invitations`);
		// Both pages render before their data arrive: wait for the study's codes (the demo study has some).
		const pattern = /Codes van deze studie: (\d+) \((\d+) uitnodiging · (\d+) open link · (\d+) interview\)/;
		let existing: RegExpMatchArray | null = null;
		await expect
			.poll(
				async () => (existing = (await page.getByTestId('codes-existing').innerText()).match(pattern))?.[1] ?? '0',
				{ timeout: 15_000 }
			)
			.not.toBe('0');
		const [, total, invited, open, interview] = existing!;
		await page.goto(`${server.url}/researcher/studies/${studyId}/monitoring`);
		await expect
			.poll(async () => (await page.getByTestId('count-codes').locator('dd').innerText()).replace(/\s+/g, ' '), {
				timeout: 15_000
			})
			.toBe(`${total} ${invited} uitnodiging · ${open} open link · ${interview} interview`);
		const started = await page.getByTestId('count-started').locator('dd').innerText();
		expect(started.replace(/\s+/g, ' ')).toMatch(new RegExp(`^\\d+ van de ${total} codes$`));
		// The per-day chart runs over every day, empty ones included, with a count axis.
		const bars = await page.locator('.chart rect').count();
		const days = await page.locator('.chart table tr').count();
		expect(bars).toBe(days);
		expect(await page.locator('.chart text').first().textContent()).toBe('0');
	});

	it('finds nothing serious in the analysis workspace once it has computed', async () => {
		const { page, problems } = await researcherPage();
		await page.goto(`${server.url}/researcher/studies/${studyId}/analysis`);
		await page.getByTestId('loadings-table').waitFor({ timeout: 60_000 });
		await page.getByTestId('run-status').filter({ hasNotText: /…/ }).waitFor();
		await expectAccessible(page, 'analysis workspace');
		expect(problems).toEqual([]);
	});

	it('finds nothing serious on any slide at projector size, nor on the session display and control', async () => {
		const { page, problems } = await researcherPage(PROJECTOR);
		await page.goto(`${server.url}/present/${analysisId}`);
		await page.getByRole('heading', { level: 1, name: 'Meer diversiteit in het politieteam' }).waitFor();
		// Every slide and every reveal step, until the deck stops moving at its end.
		const position = async () =>
			`${await page.locator('.stage').getAttribute('data-slide')}/${await page.locator('.stage').getAttribute('data-step')}`;
		const seen = new Set<string>();
		for (let at = await position(); !seen.has(at); at = await position()) {
			seen.add(at);
			await expectAccessible(page, `slide/step ${at}`);
			await page.keyboard.press('PageDown');
		}
		expect(seen.size).toBeGreaterThan(10);
		await page.goto(`${server.url}/present/session/${session.id}/control`);
		await page.getByRole('heading', { name: /Regie: Bureau Noord/ }).waitFor();
		await expectAccessible(page, 'session control');
		await page.getByRole('button', { name: /^Open deze vraag: Herken ik dit\? — Perspectief 1/ }).click();
		await page.getByRole('button', { name: 'Sluit de vraag' }).first().waitFor();
		await expectAccessible(page, 'session control with a question open');
		const display = await page.context().newPage();
		await display.goto(`${server.url}/present/session/${session.id}`);
		await display.getByTestId('join-code').waitFor();
		await expectAccessible(display, 'session display');
		expect(problems).toEqual([]);
	});

	it('finds nothing serious on the attendee pages on a phone', async () => {
		const context = await newContext(browser, PHONE);
		contexts.push(context);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/join`);
		await expectAccessible(page, 'join');
		await page.goto(`${server.url}/d/${session.joinCode}`);
		await page.getByRole('radiogroup').first().waitFor();
		await expectAccessible(page, 'attendee with a question');
		expect(problems).toEqual([]);
	});
});
