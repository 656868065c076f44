export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** One area's messages: the same keys in every locale (checked by tests/lib/i18n.test.ts). */
export type Catalog = Record<Locale, Record<string, string>>;
