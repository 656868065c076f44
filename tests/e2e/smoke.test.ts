import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DESKTOP,
	launchBrowser,
	newContext,
	NARROW,
	PHONE,
	type RunningServer,
	startServer,
	watchConsole
} from '../helpers/e2e.js';

// Smoke test of the built app in Debian's Chromium: the landing page loads at phone and desktop
// size without console errors, offers both ways in, and switches language.
describe('landing page in Chromium', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it.each([
		['phone', PHONE],
		['narrow phone', NARROW],
		['desktop', DESKTOP]
	])('loads at %s size without console errors and without horizontal scrolling', async (_name, viewport) => {
		const context = await newContext(browser, viewport);
		const page = await context.newPage();
		const problems = watchConsole(page);
		const response = await page.goto(server.url);
		expect(response?.status()).toBe(200);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.getAttribute('html', 'lang')).toBe('nl');
		await expect(page.getByRole('link', { name: 'Doe mee met de demostudie' }).getAttribute('href')).resolves.toBe(
			'/s/politie-diversiteit'
		);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('switches to English and back, and sets the lang attribute', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto(server.url);
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.getByRole('link', { name: 'Take part in the demo study' }).waitFor();
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
		expect(await page.getAttribute('html', 'lang')).toBe('nl');
		expect(problems).toEqual([]);
		await context.close();
	});

	it('reaches the main content with the skip link from the keyboard', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		await page.goto(server.url);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(focused).toBe('Naar de inhoud');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await context.close();
	});

	it('shows a page-not-found message for an unknown page, and JSON for an unknown API route', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		await page.goto(`${server.url}/no/such/page`);
		await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
		const api = await fetch(`${server.url}/api/no-such-route`);
		expect(api.status).toBe(404);
		expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
		await context.close();
	});
});
