import { QMethodInputError } from '../../src/lib/qmethod/errors.js';
import { parseCsv } from '../../src/lib/qmethod/io/csv.js';
import { parseSta } from '../../src/lib/qmethod/io/pqmethod.js';
import { STUDY_LANGUAGES } from '../../src/lib/api/types/common.js';
import type { LocalizedText } from '../db/schema.js';
import { AppError } from '../errors.js';

/** The statement files a researcher can import: a CSV table or PQMethod's .STA. */
export const STATEMENT_FILE_FORMATS = ['csv', 'sta'] as const;
export type StatementFileFormat = (typeof STATEMENT_FILE_FORMATS)[number];

export interface ImportedStatement {
	code?: string;
	text: LocalizedText;
}

/** Runs an engine file parser and turns its QMethodInputError into 422 INVALID_FILE. */
export function parsing<T>(parse: () => T): T {
	try {
		return parse();
	} catch (error) {
		if (error instanceof QMethodInputError) throw new AppError(422, 'INVALID_FILE', error.message);
		throw error;
	}
}

/**
 * Statements from a file, parsed by the engine's readers (src/lib/qmethod/io):
 * - `sta`: PQMethod .STA, one statement per line in statement order (texts in `language`), codes S01…;
 * - `csv`: a header row `code,text` (text in `language`) or `code,nl,en` (one column per language).
 */
export function importStatements(format: StatementFileFormat, content: string, language: string): ImportedStatement[] {
	if (format === 'sta') {
		const lines = parsing(() => parseSta(content)).map((line) => line.trim());
		const empty = lines.findIndex((line) => line === '');
		if (empty >= 0)
			throw new AppError(422, 'INVALID_FILE', `.STA line ${empty + 1} is empty; every line is one statement.`);
		if (lines.length === 0) throw new AppError(422, 'INVALID_FILE', 'The .STA file has no statements.');
		return lines.map((line) => ({ text: { [language]: line } }));
	}
	const rows = parsing(() => parseCsv(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content));
	const header = rows[0]?.map((cell) => cell.trim().toLowerCase()) ?? [];
	if (header[0] !== 'code' || header.length < 2) {
		throw new AppError(422, 'INVALID_FILE', 'The statements CSV must start with a header "code,text" or "code,nl,en".');
	}
	const columns = header.slice(1).map((name) => (name === 'text' ? language : name));
	const unknown = columns.filter((name) => !(STUDY_LANGUAGES as readonly string[]).includes(name));
	if (unknown.length || new Set(columns).size !== columns.length) {
		throw new AppError(
			422,
			'INVALID_FILE',
			`Statement CSV columns after "code" must be "text" or language codes (nl, en), each once; found: ${header.slice(1).join(', ')}.`
		);
	}
	if (rows.length < 2) throw new AppError(422, 'INVALID_FILE', 'The statements CSV has no statements.');
	return rows.slice(1).map((row, index) => {
		if (row.length !== header.length) {
			throw new AppError(
				422,
				'INVALID_FILE',
				`Statements CSV row ${index + 2}: expected ${header.length} fields, found ${row.length}.`
			);
		}
		const text: LocalizedText = {};
		columns.forEach((lang, i) => {
			const value = row[i + 1]!.trim();
			if (value) text[lang] = value;
		});
		if (Object.keys(text).length === 0)
			throw new AppError(422, 'INVALID_FILE', `Statements CSV row ${index + 2} has no text.`);
		return { code: row[0]!.trim() || undefined, text };
	});
}

/** `parsing` for an async producer. */
export async function parsingAsync<T>(parse: () => Promise<T>): Promise<T> {
	try {
		return await parse();
	} catch (error) {
		if (error instanceof QMethodInputError) throw new AppError(422, 'INVALID_FILE', error.message);
		throw error;
	}
}
