import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/types.js';
import { translate } from '../../src/lib/i18n/translate.js';

// Every message catalog must offer the same keys in Dutch and English, so that switching the
// language never shows a bare key or falls back to the other language.
const folder = join(process.cwd(), 'src/lib/i18n/messages');
const files = readdirSync(folder)
	.filter((f) => f.endsWith('.ts'))
	.sort();

type Catalog = Record<string, Record<string, unknown>>;
interface Loaded {
	file: string;
	name: string;
	catalog: Catalog;
	/** Whether the file builds on other message files (e.g. researcher.ts spreads its parts). */
	composite: boolean;
}

async function loadCatalogs(): Promise<Loaded[]> {
	const loaded: Loaded[] = [];
	for (const file of files) {
		const source = readFileSync(join(folder, file), 'utf8');
		const composite = /from '\.\/[^']+\.js'/.test(source);
		const module = (await import(join(folder, file))) as Record<string, unknown>;
		for (const [name, value] of Object.entries(module)) {
			if (value && typeof value === 'object' && LOCALES.every((l) => l in (value as object))) {
				loaded.push({ file, name, catalog: value as Catalog, composite });
			}
		}
	}
	return loaded;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', async () => {
	const catalogs = await loadCatalogs();

	it('finds a catalog in every message file', () => {
		expect(files.length).toBeGreaterThan(0);
		expect(new Set(catalogs.map((c) => c.file))).toEqual(new Set(files));
	});

	for (const { file, name, catalog } of catalogs) {
		it(`${file} (${name}): the same keys in ${LOCALES.join(' and ')}, each a non-empty text with the same placeholders`, () => {
			const [first, ...others] = LOCALES;
			const keys = Object.keys(catalog[first]!).sort();
			expect(keys.length).toBeGreaterThan(0);
			for (const locale of others) {
				const otherKeys = Object.keys(catalog[locale]!).sort();
				expect({
					locale,
					missing: keys.filter((k) => !otherKeys.includes(k)),
					extra: otherKeys.filter((k) => !keys.includes(k))
				}).toEqual({
					locale,
					missing: [],
					extra: []
				});
			}
			for (const key of keys) {
				const texts = LOCALES.map((l) => catalog[l]![key]);
				for (const text of texts) {
					expect(typeof text, key).toBe('string');
					expect((text as string).trim(), key).not.toBe('');
				}
				const expected = placeholders(texts[0] as string);
				for (const text of texts.slice(1)) expect(placeholders(text as string), key).toEqual(expected);
			}
		});
	}

	it('every message file is imported by the i18n module or by another catalog', () => {
		const sources = [join(process.cwd(), 'src/lib/i18n/translate.ts'), ...files.map((f) => join(folder, f))].map((p) =>
			readFileSync(p, 'utf8')
		);
		for (const file of files) {
			const importPath = `/${file.replace(/\.ts$/, '.js')}'`;
			expect(
				sources.some((s) => s.includes(importPath)),
				`${file} is never imported`
			).toBe(true);
		}
	});

	it('no key is defined in two catalogs (one would silently replace the other)', () => {
		const seen = new Map<string, string>();
		const duplicates: string[] = [];
		for (const { file, catalog, composite } of catalogs) {
			if (composite) continue; // built from other catalogs, which are checked themselves
			for (const key of Object.keys(catalog[LOCALES[0]]!)) {
				if (seen.has(key)) duplicates.push(`${key} (${seen.get(key)} and ${file})`);
				else seen.set(key, file);
			}
		}
		expect(duplicates).toEqual([]);
	});
	it('uses the singular form for a count of 1 where the catalog has one ("1 sortering", not "1 sorteringen")', () => {
		expect(translate('nl', 'r.list.sorts', { count: 1 })).toBe('1 sortering');
		expect(translate('nl', 'r.list.sorts', { count: 2 })).toBe('2 sorteringen');
		expect(translate('nl', 'r.list.sorts', { count: 0 })).toBe('0 sorteringen');
		expect(translate('en', 'r.mon.perDay', { count: 1 })).toBe('1 sort');
		expect(translate('nl', 'd.pres.attendees', { n: 1 })).toBe('1 deelnemer');
		for (const { catalog } of catalogs) {
			for (const key of Object.keys(catalog.nl!).filter((k) => k.endsWith('.one'))) {
				expect(catalog.nl![key.slice(0, -4)], `${key} has a plural form`).toBeTypeOf('string');
			}
		}
	});

	// One voice (issue 12 item 11): Dutch texts say "je/jouw", never "u/uw". The participant catalog is
	// reworded on its own branch; every other audience is checked here.
	it('addresses researchers, interviewers, facilitators and attendees with "je", never "u"', () => {
		const formal = /(^|[\s„“"'(])(u|uw|U|Uw)(?=[\s,.!?:;”")]|$)|\bheeft u\b|\bkunt u\b/;
		const offenders: string[] = [];
		for (const { file, catalog, composite } of catalogs) {
			if (composite || file === 'participant.ts') continue;
			for (const [key, text] of Object.entries(catalog.nl!))
				if (formal.test(String(text))) offenders.push(`${file} ${key}: ${text}`);
		}
		expect(offenders).toEqual([]);
	});
});
