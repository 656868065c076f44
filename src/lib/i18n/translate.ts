// The catalogs and the lookup, without runes, so that plain modules and unit tests can use them.
import { analysis } from './messages/analysis.js';
import { common } from './messages/common.js';
import { dialogue } from './messages/dialogue.js';
import { interview } from './messages/interview.js';
import { participant } from './messages/participant.js';
import { researcher } from './messages/researcher.js';
import { LOCALES, type Catalog, type Locale } from './types.js';

/** Every area's catalog. Add an area by importing its file here. */
export const catalogs: Record<string, Catalog> = { common, researcher, participant, interview, analysis, dialogue };

const merged: Record<Locale, Record<string, string>> = { nl: {}, en: {} };
for (const catalog of Object.values(catalogs)) {
	for (const locale of LOCALES) Object.assign(merged[locale], catalog[locale]);
}

/** Fills `{name}` placeholders. */
export function format(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Looks up a message in a locale; a missing key shows as the key itself, so it is noticed.
 * Plurals: when `count` (or else `n`) is 1 and the catalog has `<key>.one`, that form is used ("1 sortering").
 */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
	const amount = params?.count ?? params?.n;
	const singular = amount === 1 || amount === '1' ? `${key}.one` : undefined;
	const template =
		(singular && (merged[locale][singular] ?? merged.nl[singular])) || merged[locale][key] || merged.nl[key] || key;
	return format(template, params);
}
