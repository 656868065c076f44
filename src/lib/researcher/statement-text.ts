import { QMethodInputError } from '../qmethod/errors.js';
import { parseCsv } from '../qmethod/io/csv.js';
import type { LocalizedText } from '../api/types/common.js';

export interface ParsedStatement {
	/** Present when the source names a code (CSV); otherwise the editor numbers new statements itself. */
	code?: string;
	text: LocalizedText;
	themes: string[];
}

export interface ParseResult {
	statements: ParsedStatement[];
	/** Human-readable problems with their 1-based line numbers; nothing is imported while there are any. */
	problems: { line: number; problem: ParseProblem; detail?: string }[];
}

export type ParseProblem =
	'empty' | 'no-text-column' | 'missing-text' | 'duplicate-code' | 'unclosed-quote' | 'text-after-quote';

// "1. ", "12) ", "- ", "• ", "* " at the start of a pasted line are list markers, not part of the statement.
const LIST_MARKER = /^\s*(?:\d{1,3}[.)]\s+|[-•*–]\s+)/;

/**
 * Pasted text, one statement per line. Blank lines are skipped and list markers removed. A line with a tab,
 * or with " | ", holds the statement in the first language, then the second ("Dutch<TAB>English"), as text
 * copied from two spreadsheet columns does.
 */
export function parseOnePerLine(text: string, languages: readonly string[]): ParseResult {
	const statements: ParsedStatement[] = [];
	for (const raw of text.split(/\r\n|\r|\n/)) {
		const line = raw.replace(LIST_MARKER, '').trim();
		if (!line) continue;
		const parts = (line.includes('\t') ? line.split('\t') : line.split(' | ')).map((part) => part.trim());
		const entry: LocalizedText = {};
		languages.forEach((language, index) => {
			if (parts[index]) entry[language] = parts[index];
		});
		if (Object.keys(entry).length === 0) entry[languages[0] ?? 'nl'] = line;
		statements.push({ text: entry, themes: [] });
	}
	return { statements, problems: statements.length ? [] : [{ line: 1, problem: 'empty' }] };
}

/**
 * A PQMethod .STA file: the statement texts, one per line, in statement-number order (the PQMethod manual,
 * "STATEMENT file"). Trailing blank lines are ignored; a blank line in between would shift every later
 * number, so it is reported rather than skipped. The codes are left to the server (S01, S02, … in order).
 */
export function parseSta(text: string, language: string): ParseResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
	const problems: ParseResult['problems'] = [];
	const statements: ParsedStatement[] = lines.map((line, index) => {
		if (!line.trim()) problems.push({ line: index + 1, problem: 'missing-text' });
		return { text: { [language]: line.trim() }, themes: [] };
	});
	if (!statements.length) problems.push({ line: 1, problem: 'empty' });
	return { statements, problems };
}

/**
 * Splits CSV text into rows of fields with the engine's RFC 4180 reader, choosing commas or semicolons
 * (Dutch spreadsheets write semicolons) from the first line. Rows of blank cells are dropped. A quoting
 * error comes back as a problem with its line instead of an exception.
 */
export function parseCsvRows(text: string): {
	rows: string[][];
	quoteProblem?: { line: number; problem: 'unclosed-quote' | 'text-after-quote' };
} {
	const source = text.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	try {
		return { rows: parseCsv(source, { delimiter }).filter((r) => r.some((cell) => cell.trim() !== '')) };
	} catch (error) {
		if (!(error instanceof QMethodInputError) || error.line === undefined) throw error;
		const problem = /not closed/.test(error.message) ? 'unclosed-quote' : 'text-after-quote';
		return { rows: [], quoteProblem: { line: error.line, problem } };
	}
}

/**
 * Statements from CSV with a header row. Recognised columns (any order, case-insensitive): `code`, one
 * column per language (`nl`, `en`, or `text` for the first language), and `themes`/`theme` (separated by
 * `;` or `|`, or `,` when the file itself uses semicolons).
 */
export function parseStatementsCsv(text: string, languages: readonly string[]): ParseResult {
	const { rows, quoteProblem } = parseCsvRows(text);
	if (quoteProblem) return { statements: [], problems: [quoteProblem] };
	if (rows.length === 0) return { statements: [], problems: [{ line: 1, problem: 'empty' }] };
	const header = rows[0].map((cell) => cell.trim().toLowerCase());
	const codeColumn = header.indexOf('code');
	const themeColumn = header.findIndex(
		(cell) => cell === 'themes' || cell === 'theme' || cell === 'thema' || cell === "thema's"
	);
	const languageColumns = languages.map((language, index) => {
		const exact = header.indexOf(language);
		return exact >= 0
			? exact
			: index === 0
				? header.findIndex((cell) => cell === 'text' || cell === 'tekst' || cell === 'statement' || cell === 'stelling')
				: -1;
	});
	if (languageColumns.every((column) => column < 0)) {
		return { statements: [], problems: [{ line: 1, problem: 'no-text-column', detail: languages.join(', ') }] };
	}
	const problems: ParseResult['problems'] = [];
	const seen = new Set<string>();
	const statements: ParsedStatement[] = [];
	rows.slice(1).forEach((row, index) => {
		const line = index + 2;
		const entry: LocalizedText = {};
		languages.forEach((language, i) => {
			const value = languageColumns[i] >= 0 ? row[languageColumns[i]]?.trim() : '';
			if (value) entry[language] = value;
		});
		if (Object.keys(entry).length === 0) {
			problems.push({ line, problem: 'missing-text' });
			return;
		}
		const code = codeColumn >= 0 ? row[codeColumn]?.trim() || undefined : undefined;
		if (code && seen.has(code)) problems.push({ line, problem: 'duplicate-code', detail: code });
		if (code) seen.add(code);
		statements.push({
			...(code ? { code } : {}),
			text: entry,
			themes: themeColumn >= 0 ? parseThemes(row[themeColumn] ?? '') : []
		});
	});
	if (!statements.length && !problems.length) problems.push({ line: 1, problem: 'empty' });
	return { statements, problems };
}

/** "werkdruk, loopbaan" → ["werkdruk", "loopbaan"]: trimmed, lower case, no duplicates. */
export function parseThemes(text: string): string[] {
	const themes: string[] = [];
	for (const part of text.split(/[,;|]/)) {
		const theme = part.trim().toLowerCase();
		if (theme && !themes.includes(theme)) themes.push(theme);
	}
	return themes;
}

/** How many statements carry each theme, most used first (then alphabetical); untagged ones counted apart. */
export function themeCounts(statements: readonly { themes: readonly string[] }[]): {
	themes: { theme: string; count: number }[];
	untagged: number;
} {
	const counts = new Map<string, number>();
	let untagged = 0;
	for (const statement of statements) {
		if (statement.themes.length === 0) untagged++;
		for (const theme of statement.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
	}
	const themes = [...counts].map(([theme, count]) => ({ theme, count }));
	themes.sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
	return { themes, untagged };
}

/** Moves the item at `from` to `to` (both clamped), returning a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
	const result = [...items];
	if (from < 0 || from >= result.length) return result;
	const target = Math.max(0, Math.min(result.length - 1, to));
	const [item] = result.splice(from, 1);
	result.splice(target, 0, item);
	return result;
}
