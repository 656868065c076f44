import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from '../../../src/lib/rules/slug.js';

describe('the slug rule', () => {
	it('makes a link-friendly slug of a title', () => {
		expect(slugify('  Diversiteit in het Politieteam — 2026! ')).toBe('diversiteit-in-het-politieteam-2026');
		expect(slugify('Café Één')).toBe('cafe-een');
		expect(slugify('a'.repeat(59) + ' b')).toBe('a'.repeat(59));
		expect(isValidSlug(slugify('Een titel die veel te lang is voor een webadres, echt veel te lang om te typen'))).toBe(
			true
		);
	});

	it.each([
		['abc', true],
		['politie-2026', true],
		['a'.repeat(60), true],
		['a'.repeat(61), false],
		['ab', false],
		['-abc', false],
		['abc-', false],
		['a--b', false],
		['Abc', false],
		['ab c', false]
	])('%s → %s', (slug, ok) => expect(isValidSlug(slug)).toBe(ok));
});
