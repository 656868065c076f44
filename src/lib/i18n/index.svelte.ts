import { analysis } from './messages/analysis.js';
import { common } from './messages/common.js';
import { dialogue } from './messages/dialogue.js';
import { interview } from './messages/interview.js';
import { participant } from './messages/participant.js';
import { researcher } from './messages/researcher.js';
import { LOCALES, type Catalog, type Locale } from './types.js';

export { LOCALES, type Locale };

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

/** Looks up a message in a locale; a missing key shows as the key itself, so it is noticed. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
	return format(merged[locale][key] ?? merged.nl[key] ?? key, params);
}

function initialLocale(): Locale {
	if (typeof location !== 'undefined') {
		const fromUrl = new URLSearchParams(location.search).get('lang');
		if (fromUrl === 'nl' || fromUrl === 'en') return fromUrl;
	}
	try {
		const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('standpunt.locale') : null;
		if (stored === 'nl' || stored === 'en') return stored;
	} catch {
		// Storage can be blocked; Dutch is the default.
	}
	return 'nl';
}

/** The interface language: Dutch by default, remembered on this device (the choice only, never answers). */
class I18n {
	locale = $state<Locale>(initialLocale());

	t = (key: string, params?: Record<string, string | number>): string => translate(this.locale, key, params);

	set(locale: Locale): void {
		this.locale = locale;
		try {
			localStorage.setItem('standpunt.locale', locale);
		} catch {
			// Not remembering is fine.
		}
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}
}

export const i18n = new I18n();
