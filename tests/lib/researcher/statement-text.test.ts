import { describe, expect, it } from 'vitest';
import {
	moveItem,
	parseCsvRows,
	parseOnePerLine,
	parseSta,
	parseStatementsCsv,
	parseThemes,
	themeCounts
} from '../../../src/lib/researcher/statement-text.js';

describe('parseOnePerLine', () => {
	it('takes one statement per line, skipping blank lines and list markers', () => {
		const result = parseOnePerLine('1. Eerste stelling\n\n- Tweede stelling  \n• Derde\r\n12) Vierde', ['nl', 'en']);
		expect(result.problems).toEqual([]);
		expect(result.statements.map((s) => s.text)).toEqual([
			{ nl: 'Eerste stelling' },
			{ nl: 'Tweede stelling' },
			{ nl: 'Derde' },
			{ nl: 'Vierde' }
		]);
	});

	it('splits tab- or bar-separated lines into the study languages', () => {
		const result = parseOnePerLine('Eens\tAgree\nOneens | Disagree', ['nl', 'en']);
		expect(result.statements.map((s) => s.text)).toEqual([
			{ nl: 'Eens', en: 'Agree' },
			{ nl: 'Oneens', en: 'Disagree' }
		]);
	});

	it('keeps numbers that are part of the statement', () => {
		expect(parseOnePerLine('24 uur per dag bereikbaar zijn is normaal', ['nl']).statements[0].text.nl).toBe(
			'24 uur per dag bereikbaar zijn is normaal'
		);
	});

	it('reports empty input', () => {
		expect(parseOnePerLine(' \n\n', ['nl']).problems).toEqual([{ line: 1, problem: 'empty' }]);
	});
});

describe('parseSta', () => {
	it('takes the lines in order as statements and ignores trailing blank lines', () => {
		const result = parseSta('\uFEFFFirst statement  \r\nSecond statement\r\n\r\n', 'en');
		expect(result.problems).toEqual([]);
		expect(result.statements).toEqual([
			{ text: { en: 'First statement' }, themes: [] },
			{ text: { en: 'Second statement' }, themes: [] }
		]);
	});

	it('reports a blank line in the middle, because it would shift the numbering', () => {
		expect(parseSta('One\n\nThree', 'nl').problems).toEqual([{ line: 2, problem: 'missing-text' }]);
	});
});

describe('parseCsvRows', () => {
	it('handles quotes, doubled quotes and newlines inside quotes', () => {
		expect(parseCsvRows('a,"b, c","say ""hi""\nthere"\n1,2,3').rows).toEqual([
			['a', 'b, c', 'say "hi"\nthere'],
			['1', '2', '3']
		]);
	});
	it('detects semicolon-separated files (Dutch Excel)', () => {
		expect(parseCsvRows('code;nl\n1;Eens, zeker').rows).toEqual([
			['code', 'nl'],
			['1', 'Eens, zeker']
		]);
	});
	it('reports an unclosed quote with its line', () => {
		expect(parseCsvRows('a\n"b,c\nd').quoteProblem).toEqual({ line: 2, problem: 'unclosed-quote' });
	});
	it('reports text after a closing quote with its line, and drops rows of blank cells', () => {
		expect(parseCsvRows('code,nl\n1,"Eens"x').quoteProblem).toEqual({ line: 2, problem: 'text-after-quote' });
		expect(parseCsvRows('code,nl\n , \n1,Eens').rows).toEqual([
			['code', 'nl'],
			['1', 'Eens']
		]);
	});
});

describe('parseStatementsCsv', () => {
	it('reads code, both languages and themes by header name', () => {
		const result = parseStatementsCsv('Code,EN,NL,Themes\n1,Agree,Eens,werk; Loopbaan\n2,,Alleen NL,', ['nl', 'en']);
		expect(result.problems).toEqual([]);
		expect(result.statements).toEqual([
			{ code: '1', text: { nl: 'Eens', en: 'Agree' }, themes: ['werk', 'loopbaan'] },
			{ code: '2', text: { nl: 'Alleen NL' }, themes: [] }
		]);
	});
	it('accepts a "text" column for the first language', () => {
		expect(parseStatementsCsv('text\nHello', ['en']).statements).toEqual([{ text: { en: 'Hello' }, themes: [] }]);
	});
	it('reports a missing text column, rows without text and duplicate codes', () => {
		expect(parseStatementsCsv('code,foo\n1,x', ['nl', 'en']).problems[0].problem).toBe('no-text-column');
		const result = parseStatementsCsv('code,nl\n1,Een\n2,\n1,Nog een', ['nl']);
		expect(result.problems).toEqual([
			{ line: 3, problem: 'missing-text' },
			{ line: 4, problem: 'duplicate-code', detail: '1' }
		]);
	});
});

describe('parseThemes and themeCounts', () => {
	it('normalises theme tags', () => {
		expect(parseThemes(' Werkdruk, loopbaan;werkdruk | ')).toEqual(['werkdruk', 'loopbaan']);
	});
	it('counts statements per theme, most used first, and untagged ones apart', () => {
		expect(themeCounts([{ themes: ['b', 'a'] }, { themes: ['a'] }, { themes: [] }, { themes: ['c'] }])).toEqual({
			themes: [
				{ theme: 'a', count: 2 },
				{ theme: 'b', count: 1 },
				{ theme: 'c', count: 1 }
			],
			untagged: 1
		});
	});
});

describe('moveItem', () => {
	it('moves an item and leaves the input untouched', () => {
		const items = Object.freeze(['a', 'b', 'c', 'd']);
		expect(moveItem(items, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
		expect(moveItem(items, 3, -5)).toEqual(['d', 'a', 'b', 'c']);
		expect(moveItem(items, 9, 0)).toEqual(['a', 'b', 'c', 'd']);
	});
});
