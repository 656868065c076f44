import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, type RunningServer, startServer, watchConsole } from '../helpers/e2e.js';
import { api, demoAnalysis, firstResearcher, logIn } from '../helpers/researcher.js';

const PROJECTOR = { width: 1920, height: 1080 };

// Presentation mode on the demo study's saved analysis at projector size: keyboard/clicker navigation,
// the step-by-step reveal, the grid fitting the slide, and the A4 handout printed to PDF.
describe('presentation slides', () => {
	let server: RunningServer;
	let browser: Browser;
	let token: string;
	let cookie: string;
	let analysisId: string;
	let nViewpoints: number;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		({ cookie, token } = await firstResearcher(server));
		({ analysisId, nFactors: nViewpoints } = await demoAnalysis(server, cookie));
		const names = [
			'Diversiteit als vakmanschap',
			'Eerst de basis op orde',
			'Rechtvaardigheid voorop',
			'Jezelf kunnen zijn'
		];
		for (let factor = 1; factor <= nViewpoints; factor++) {
			const { candidates } = await api<{
				candidates: { sortId: string; text: string; source: string; statement?: string }[];
			}>(server, cookie, 'GET', `/analyses/${analysisId}/interpretations/${factor}/candidates`);
			await api(server, cookie, 'PUT', `/analyses/${analysisId}/interpretations/${factor}`, {
				name: names[factor - 1] ?? `Perspectief ${factor}`,
				narrative: 'Een korte beschrijving van dit perspectief, in de woorden van de onderzoeker, voor de zaal.',
				quotes: candidates.slice(0, 2)
			});
		}
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('steps through the deck by keyboard and shows the full grid readable at 1920×1080', async () => {
		const context = await browser.newContext({ viewport: PROJECTOR, deviceScaleFactor: 1 });
		await logIn(context, server, token);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(`${server.url}/present/${analysisId}`);
		await page.getByRole('heading', { level: 1, name: 'Meer diversiteit in het politieteam' }).waitFor();
		await page.screenshot({ path: '/tmp/slides-1-title.png' });
		// The title slide is for the room: no participant instruction, no internal version name.
		const titleText = await page.locator('.stage').innerText();
		expect(titleText).not.toContain('Sorteer de stellingen');
		expect(titleText).not.toContain('Voorlopige perspectieven');
		expect(titleText).toContain('4 perspectieven om samen te bespreken');

		await page.keyboard.press('PageDown');
		await page.getByRole('heading', { name: 'De perspectieven' }).waitFor();
		await page.keyboard.press('ArrowRight');
		await page.getByRole('heading', { name: 'Perspectief 1: Diversiteit als vakmanschap' }).waitFor();
		const stage = page.locator('.stage');
		expect(await stage.getAttribute('data-step')).toBe('0');
		expect(await page.getByRole('heading', { name: 'Meest eens' }).count()).toBe(0);
		await page.keyboard.press(' ');
		await page.getByRole('heading', { name: 'Meest eens' }).waitFor();
		await page.screenshot({ path: '/tmp/slides-2-extremes.png' });
		await page.keyboard.press('PageDown');
		await page.getByRole('table', { name: 'factor array' }).waitFor();
		await page.screenshot({ path: '/tmp/slides-3-grid.png' });

		// Readable on a projector: every card inside the slide, and no text smaller than 20 px.
		const fit = await page.evaluate(() => {
			const stageBox = document.querySelector('.stage')!.getBoundingClientRect();
			const cards = Array.from(document.querySelectorAll('.stage .card'));
			return {
				cards: cards.length,
				overflow: cards.filter(
					(c) =>
						c.getBoundingClientRect().bottom > stageBox.bottom + 1 ||
						c.getBoundingClientRect().right > stageBox.right + 1
				).length,
				smallest: Math.min(...cards.map((c) => parseFloat(getComputedStyle(c).fontSize)))
			};
		});
		expect(fit.cards).toBe(40);
		expect(fit.overflow).toBe(0);
		expect(fit.smallest).toBeGreaterThanOrEqual(20);
		expect(await page.locator('.stage .card.dist').count()).toBeGreaterThan(0);
		// Whole lines only: no card cuts its text through the middle of a line.
		const clipped = await page.evaluate(
			() =>
				Array.from(document.querySelectorAll<HTMLElement>('.stage .card')).filter(
					(card) => card.scrollHeight > card.clientHeight + 1
				).length
		);
		expect(clipped).toBe(0);

		// Then every distinguishing statement in full text, readable: nothing cut off, nothing outside the slide.
		await page.keyboard.press('PageDown');
		await page.getByRole('heading', { name: /Wat dit perspectief hoger zet/ }).waitFor();
		await page.screenshot({ path: '/tmp/slides-3b-distinguishing.png' });
		const dist = await page.evaluate(() => {
			const stageBox = document.querySelector('.stage')!.getBoundingClientRect();
			const items = Array.from(document.querySelectorAll<HTMLElement>('.stage .distinguishing li'));
			return {
				items: items.length,
				outside: items.filter(
					(li) =>
						li.getBoundingClientRect().bottom > stageBox.bottom || li.getBoundingClientRect().right > stageBox.right + 1
				).length,
				ellipsis: items.filter((li) => li.innerText.includes('…')).length,
				smallest: Math.min(...items.map((li) => parseFloat(getComputedStyle(li).fontSize)))
			};
		});
		expect(dist.items).toBeGreaterThan(0);
		expect(dist).toMatchObject({ outside: 0, ellipsis: 0 });
		expect(dist.smallest).toBeGreaterThanOrEqual(20);
		await page.keyboard.press('PageUp');

		await page.keyboard.press('n');
		await page.getByRole('complementary', { name: 'Sprekersnotities' }).waitFor();
		await page.keyboard.press('PageUp');
		expect(await stage.getAttribute('data-step')).toBe('1');
		await page.keyboard.press('End');
		await page.getByText(/^Dia (\d+) van \1$/).waitFor();
		await page.screenshot({ path: '/tmp/slides-4-last.png' });
		expect(problems).toEqual([]);
		await context.close();
	});

	it('prints an A4 handout: title, overview, two pages per viewpoint, quotes and consensus', async () => {
		const context = await browser.newContext({ viewport: PROJECTOR });
		await logIn(context, server, token);
		const page = await context.newPage();
		await page.goto(`${server.url}/present/${analysisId}`);
		await page.getByRole('heading', { level: 1, name: 'Meer diversiteit in het politieteam' }).waitFor();
		const presentation = await api<{
			viewpoints: { quotes: unknown[]; statements: { distinguishing: string | null }[] }[];
			consensus: unknown[];
		}>(server, cookie, 'GET', `/analyses/${analysisId}/presentation`);
		const expected =
			2 +
			presentation.viewpoints.length * 2 +
			presentation.viewpoints.flatMap((v) =>
				['higher', 'lower'].filter((d) => v.statements.some((s) => s.distinguishing === d))
			).length +
			presentation.viewpoints.filter((v) => v.quotes.length > 0).length +
			(presentation.consensus.length > 0 ? 1 : 0);
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: '/tmp/slides-print-preview.png', fullPage: true });
		const pdf = await page.pdf({ path: '/tmp/slides-handout.pdf', preferCSSPageSize: true, printBackground: true });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
		expect(pages.length).toBe(expected);
		// A4 landscape: 842 × 595 points.
		expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
		await context.close();
	});
});
