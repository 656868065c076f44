import type { Kysely } from 'kysely';
import type { Database, LocalizedText } from '../db/schema.js';
import { statementTextRows } from '../studies/statements-repository.js';
import { getStudy } from '../studies/studies-repository.js';

/** The study's title, instructions and languages; `lang` falls back to the study's first language. */
export async function studyTexts(db: Kysely<Database>, studyId: string, lang: string | undefined) {
	const study = await getStudy(db, studyId);
	const language = study.languages.find((l) => l === lang) ?? study.languages[0] ?? 'nl';
	return { language, title: pick(study.title, language), instructions: pick(study.instructions, language) };
}

export function pick(text: LocalizedText | null | undefined, language: string): string {
	if (!text) return '';
	return text[language] ?? Object.values(text)[0] ?? '';
}

/** Statement texts by code in one language (falling back to any language the statement has). */
export async function statementTexts(
	db: Kysely<Database>,
	studyId: string,
	lang: string | undefined
): Promise<Map<string, string>> {
	const { language } = await studyTexts(db, studyId, lang);
	const rows = await statementTextRows(db, studyId);
	return new Map(rows.map((row) => [row.code, pick(row.text, language)]));
}
