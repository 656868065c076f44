import type { LocalizedText } from '../db/schema.js';

/** A text given as one string (the same in every study language) or per language; empty entries dropped. */
export function toLocalized(value: string | LocalizedText | undefined, languages: readonly string[]): LocalizedText {
	if (value === undefined) return {};
	if (typeof value === 'string') {
		const text = value.trim();
		return text ? Object.fromEntries(languages.map((l) => [l, text])) : {};
	}
	const result: LocalizedText = {};
	for (const [language, text] of Object.entries(value)) {
		if (typeof text === 'string' && text.trim()) result[language] = text.trim();
	}
	return result;
}

/** The study languages a text lacks. */
export function missingLanguages(text: LocalizedText, languages: readonly string[]): string[] {
	return languages.filter((l) => !text[l]?.trim());
}

/** The text in the first of the preferred languages that has one. */
export function pickText(text: LocalizedText, preferred: readonly string[]): string {
	for (const language of preferred) if (text[language]?.trim()) return text[language]!;
	return Object.values(text).find((t) => t.trim()) ?? '';
}
