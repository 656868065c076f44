import { LOCALES, type Locale } from './types.js';
import { translate } from './translate.js';

export { LOCALES, type Locale };
export { catalogs, format, translate } from './translate.js';

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
