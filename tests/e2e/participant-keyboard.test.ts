import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, startServer, watchConsole, type RunningServer } from '../helpers/e2e.js';
import { DEMO, expectAccessible, GRID, snapshotBuild, stepTitle } from './participant-helpers.js';

// (c) The demo study by keyboard alone, from the open link to the receipt: Tab, Space, Enter, Escape,
// the arrows and the digit keys, never a click. Every key press is counted (issue 12: at most 150).
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

const MAX_KEY_PRESSES = 150;

function keyboard(page: Page) {
	let presses = 0;
	const press = async (key: string) => {
		presses++;
		await page.keyboard.press(key);
	};
	/** Presses Tab until the focused element matches `selector` (and contains `text`, if given). */
	const tabTo = async (selector: string, text?: string) => {
		for (let i = 0; i < 60; i++) {
			const found = await page.evaluate(
				([s, t]) => {
					const el = document.activeElement;
					return !!el && el.matches(s!) && (!t || (el.textContent ?? '').includes(t));
				},
				[selector, text]
			);
			if (found) return;
			await press('Tab');
		}
		throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
	};
	return { press, tabTo, count: () => presses };
}

const focused = (page: Page, selector: string) =>
	page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function focusIsVisible(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
	});
}

const announced = (page: Page) => page.locator('.visually-hidden[role="status"]').textContent();

it('(c) completes the demo study with the keyboard only, in at most 150 key presses', async () => {
	const context = await browser.newContext({ viewport: DESKTOP });
	const page = await context.newPage();
	const problems = watchConsole(page);
	const keys = keyboard(page);
	const counts: Record<string, number> = {};
	let mark = 0;
	const stage = (name: string) => {
		counts[name] = keys.count() - mark;
		mark = keys.count();
	};

	await page.goto(`${server.url}/s/${DEMO}`);
	// Tab only once the page is there: presses on a page still loading would count against the participant.
	await page.getByRole('button', { name: 'Meedoen', exact: true }).waitFor();
	await keys.tabTo('button', 'Meedoen');
	await keys.press('Enter');
	await page.waitForURL(/\/p\/[0-9A-Z-]{14}$/);
	await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-title');
	await keys.tabTo('button', 'Ik heb mijn code bewaard');
	await keys.press('Enter');
	stage('open link and code');

	await expect.poll(() => focused(page, 'h2.step-title')).toBe(true);
	await keys.tabTo('input[type=checkbox]');
	await keys.press('Space');
	await keys.tabTo('#step-next, button[type=submit]');
	expect(await focusIsVisible(page)).toBe(true);
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Uitleg');
	await keys.tabTo('#step-next');
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Vooraf enkele vragen');
	await keys.tabTo('#q-unit input[type=radio]');
	await keys.press('Space');
	await keys.tabTo('#step-next');
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Drie stapels');
	stage('consent, instructions, questions');

	// Rough sort: 1/2/3 per card; after the last card the focus is on Continue.
	for (let i = 0; i < 40; i++) await keys.press(String((i % 3) + 1));
	await expect.poll(() => page.locator('p.done').textContent()).toContain('Alle stellingen');
	await expect.poll(() => focused(page, '#step-next')).toBe(true);
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Het schema');
	stage('rough sort');

	// The first Tab after the heading is the skip to Continue.
	await keys.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Naar Verder');
	expect(await focusIsVisible(page)).toBe(true);
	await keys.tabTo('aside.side button.statement-card');

	// One card through the chooser: Enter opens it on a suggested column, in the grid's order (−4…+4);
	// Escape closes it and gives the focus back to the card.
	const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.card);
	await keys.press('Enter');
	await expect.poll(() => focused(page, '.picker-panel .column-option')).toBe(true);
	expect(
		await page
			.locator('.picker-panel .column-option')
			.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.column)))
	).toEqual(GRID.map((c) => c.value));
	expect(await focusIsVisible(page)).toBe(true);
	await keys.press('Escape');
	await expect.poll(() => page.locator('.picker-panel').count()).toBe(0);
	expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.card)).toBe(first);
	// Then through the chooser with the arrows: from the suggestion (the leftmost free column for a
	// card on the "oneens" pile) Home goes to −4, Enter places it there.
	await keys.press('Enter');
	await expect.poll(() => focused(page, '.picker-panel .column-option')).toBe(true);
	await keys.press('Home');
	expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.column)).toBe('-4');
	await keys.press('Enter');
	await expect.poll(() => announced(page)).toMatch(/^Stelling \d+ geplaatst in kolom −4, 1 van 2 plaatsen bezet\.$/);
	// The second card: the chooser again, this time with a digit (2 = −3).
	await expect.poll(() => focused(page, 'aside.side button.statement-card')).toBe(true);
	await keys.press('Enter');
	await expect.poll(() => focused(page, '.picker-panel .column-option')).toBe(true);
	await keys.press('2');
	await expect.poll(() => announced(page)).toMatch(/^Stelling \d+ geplaatst in kolom −3, 1 van 3 plaatsen bezet\.$/);

	// The rest with a digit on the focused card (1 = −4 … 9 = +4); the focus moves on to the next card.
	const left = new Map(GRID.map((c) => [c.value, c.capacity]));
	left.set(-4, left.get(-4)! - 1);
	left.set(-3, left.get(-3)! - 1);
	for (const [i, { value }] of GRID.entries()) {
		while (left.get(value)! > 0) {
			await expect.poll(() => focused(page, 'button.statement-card')).toBe(true);
			await keys.press(String(i + 1));
			left.set(value, left.get(value)! - 1);
		}
	}
	await expect.poll(() => page.locator('#grid-status').textContent()).toContain('Alle stellingen zijn geplaatst');
	for (const { value, capacity } of GRID)
		expect(await page.locator(`#col-${value} .count`).textContent()).toBe(`${capacity}/${capacity}`);
	// The last card placed: the focus is on Continue.
	await expect.poll(() => focused(page, '#step-next')).toBe(true);
	await expectAccessible(page, 'grid by keyboard');
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Toelichting');
	stage('grid');

	await keys.tabTo('#step-next');
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Tot slot enkele vragen');
	await keys.tabTo('#step-next');
	await keys.press('Enter');
	expect(await stepTitle(page)).toBe('Insturen');
	await keys.tabTo('button', 'Sortering insturen');
	await keys.press('Enter');
	await expect.poll(() => page.getByTestId('receipt').textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('thanks-title');
	stage('comments, questions, submit');

	console.log(`keyboard-only demo sort: ${keys.count()} key presses`, counts);
	expect(keys.count()).toBeLessThanOrEqual(MAX_KEY_PRESSES);
	expect(problems).toEqual([]);
	await context.close();
});
