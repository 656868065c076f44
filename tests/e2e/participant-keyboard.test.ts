import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, startServer, watchConsole, type RunningServer } from '../helpers/e2e.js';
import { enrolAndOpen, expectAccessible, snapshotBuild, stepTitle } from './participant-helpers.js';

// (c) The demo study by keyboard alone: Tab, Shift-free, Space, Enter and the keys 1/2/3, never a click.
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer({ env: snapshotBuild() });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** Presses Tab until the focused element matches `selector` (and contains `text`, if given). */
async function tabTo(page: Page, selector: string, text?: string): Promise<void> {
	for (let i = 0; i < 400; i++) {
		const found = await page.evaluate(
			([s, t]) => {
				const el = document.activeElement;
				return !!el && el.matches(s!) && (!t || (el.textContent ?? '').includes(t));
			},
			[selector, text]
		);
		if (found) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

const NEXT = '.nav button.button:not(.secondary)';

async function focusIsVisible(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
	});
}

it('(c) completes the demo study with the keyboard only', async () => {
	const context = await browser.newContext({ viewport: DESKTOP });
	const page = await context.newPage();
	const problems = watchConsole(page);
	await enrolAndOpen(page, server.url);

	await tabTo(page, 'input[type=checkbox]');
	await page.keyboard.press('Space');
	await tabTo(page, 'button[type=submit]');
	expect(await focusIsVisible(page)).toBe(true);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Uitleg');

	await tabTo(page, NEXT);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Vooraf enkele vragen');
	await tabTo(page, '#q-unit input[type=radio]');
	await page.keyboard.press('Space');
	await tabTo(page, NEXT);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Drie stapels');

	for (let i = 0; i < 40; i++) await page.keyboard.press(String((i % 3) + 1));
	await expect.poll(() => page.locator('p.done').textContent()).toContain('Alle stellingen');
	await tabTo(page, NEXT);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Het schema');

	await tabTo(page, 'aside.side button.statement-card');
	for (let placed = 1; placed <= 40; placed++) {
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('picker-heading');
		await tabTo(page, '.picker-panel .column-option:not(.full)');
		expect(await focusIsVisible(page)).toBe(true);
		await page.keyboard.press('Enter');
		if (placed === 1) {
			await expect.poll(() => page.getByRole('status').filter({ hasText: 'geplaatst' }).textContent()).toMatch(
				/^Stelling \d+ geplaatst in kolom \+4, 1 van 2 plaatsen bezet\.$/
			);
		}
		if (placed < 40) await expect.poll(() => page.evaluate(() => document.activeElement?.matches('aside.side button.statement-card'))).toBe(true);
	}
	await expect.poll(() => page.locator('#grid-status').textContent()).toContain('Alle stellingen zijn geplaatst');
	await expectAccessible(page, 'grid by keyboard');

	await tabTo(page, NEXT, 'Verder');
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Toelichting');
	await tabTo(page, 'textarea');
	await page.keyboard.type('Hier sta ik echt achter.');
	await tabTo(page, NEXT);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Tot slot enkele vragen');
	await tabTo(page, NEXT);
	await page.keyboard.press('Enter');
	expect(await stepTitle(page)).toBe('Insturen');
	await tabTo(page, 'button', 'Sortering insturen');
	await page.keyboard.press('Enter');
	await expect.poll(() => page.getByTestId('receipt').textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('thanks-title');
	expect(problems).toEqual([]);
	await context.close();
});
