import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_GRID } from '../../server/demo/study.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO = 'politie-diversiteit';

/**
 * A private copy of build/ for the server under test, so that a rebuild by a parallel run (which
 * empties build/) cannot pull the pages away in the middle of a flow.
 */
export function snapshotBuild(): Record<string, string> {
	const dir = mkdtempSync(join(tmpdir(), 'standpunt-build-'));
	cpSync(join(process.cwd(), 'build'), dir, { recursive: true });
	return { STANDPUNT_STATIC_DIR: dir };
}
/** The demo grid, −4…+4. */
export const GRID = DEMO_GRID;
export const label = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE); // evaluated by the debugger protocol, so the page's CSP does not apply
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
		});
		return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map((v) => ({
			id: v.id,
			impact: v.impact,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
		}));
	});
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious, `axe at ${where}`).toEqual([]);
}

export async function stepTitle(page: Page): Promise<string> {
	return (await page.locator('h2.step-title').textContent())?.trim() ?? '';
}

/**
 * The open link: "Meedoen" without a code, then the new code is shown (the write-it-down moment) before
 * the first step. Returns the code.
 */
export async function enrolAndOpen(page: Page, base: string): Promise<string> {
	await page.goto(`${base}/s/${DEMO}`);
	await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
	await page.waitForURL(/\/p\/[0-9A-Z-]{14}$/);
	const code = new URL(page.url()).pathname.split('/').pop()!;
	await expect.poll(() => page.locator('[data-testid="participant-code"]:visible').textContent()).toBe(code);
	await page.getByRole('button', { name: 'Ik heb mijn code bewaard' }).click();
	await page.locator('h2.step-title').waitFor();
	return code;
}

/** Consent, instructions and the pre-sort questions by pointer (tap or click). */
export async function introSteps(page: Page, how: 'click' | 'tap', scan = true): Promise<void> {
	const press = (locator: ReturnType<Page['locator']>) => (how === 'tap' ? locator.tap() : locator.click());
	if (scan) await expectAccessible(page, 'consent');
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vink het vakje aan');
	await press(page.getByRole('checkbox'));
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Uitleg');
	if (scan) await expectAccessible(page, 'instructions');
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Vooraf enkele vragen');
	await press(page.getByRole('radio', { name: 'Noodhulp' }));
	await press(page.locator('#q-area').getByRole('radio', { name: 'Zeg ik liever niet' }));
	if (scan) await expectAccessible(page, 'pre-sort questions');
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Drie stapels');
}

/** The rough sort with the big buttons: a third of the cards on each pile. */
export async function roughSortByButtons(page: Page, how: 'click' | 'tap'): Promise<void> {
	const piles = ['Oneens', 'Neutraal', 'Eens'];
	for (let i = 0; i < 40; i++) {
		await expect.poll(() => page.locator('.counter').textContent()).toBe(`Stelling ${i + 1} van 40`);
		const button = page.getByRole('button', { name: piles[i % 3], exact: true }).first();
		if (how === 'tap') await button.tap();
		else await button.click();
		if (i === 0) await expectAccessible(page, 'rough sort');
	}
	await expect.poll(() => page.locator('p.done').textContent()).toContain('Alle stellingen liggen op een stapel');
}

/** Comments, post-sort questions and submit; returns the receipt. */
export async function finishAfterGrid(page: Page, how: 'click' | 'tap' | 'keyboard'): Promise<string> {
	const press = async (locator: ReturnType<Page['locator']>) => {
		if (how === 'tap') await locator.tap();
		else if (how === 'click') await locator.click();
		else {
			await locator.focus();
			await page.keyboard.press('Enter');
		}
	};
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Toelichting');
	await expectAccessible(page, 'comments');
	await page.locator('textarea').first().fill('Dit vind ik het belangrijkst.');
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Tot slot enkele vragen');
	await expectAccessible(page, 'post-sort questions');
	await press(page.getByRole('button', { name: 'Verder', exact: true }));
	expect(await stepTitle(page)).toBe('Insturen');
	await expectAccessible(page, 'submit');
	await press(page.getByRole('button', { name: 'Sortering insturen' }));
	const receipt = page.getByTestId('receipt');
	await receipt.waitFor();
	await expectAccessible(page, 'thank-you');
	return (await receipt.textContent())!.trim();
}
