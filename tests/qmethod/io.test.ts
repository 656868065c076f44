// File formats: shared/reference/lipset/FORMAT.md (PQMethod .DAT/.STA, Q-sort CSV, statements
// CSV). The .DAT writer must reproduce lipset.dat byte for byte (FORMAT.md says an independent
// writer does).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	decodeText,
	parseCsv,
	parseDat,
	parseSortsCsv,
	parseSta,
	parseStatementsCsv,
	QMethodInputError,
	writeDat,
	writeJson,
	writeSortsCsv,
	writeSta,
	writeStatementsCsv
} from '../../src/lib/qmethod/index.js';
import { fixtureDir, fixtureText, lipsetCsv, lipsetDat } from './lipset.js';

describe('parseDat / writeDat', () => {
	it('reads lipset.dat: title, ids, negative values touching their neighbours, the header distribution', () => {
		const dat = lipsetDat() as ReturnType<typeof parseDat>;
		expect(dat.title).toBe('Lipset Study (PQMETHOD testfile; cf. Brown, 1980, pp. 183ff.)');
		expect(dat.sortIds).toEqual(['US1', 'US2', 'US3', 'US4', 'JP5', 'CA6', 'UK7', 'US8', 'FR9']);
		expect(Array.from(dat.sorts[0]).slice(0, 8)).toEqual([-1, 0, -2, 0, -2, 1, 0, -1]);
		expect(dat.distribution.filter((v) => v === -4)).toHaveLength(2);
		expect(dat.distribution).toHaveLength(33);
	});

	it('reads the same sorts as lipset.csv', () => {
		const csv = lipsetCsv();
		const dat = lipsetDat();
		expect(csv.sortIds).toEqual(dat.sortIds);
		expect(csv.sorts.map((s) => Array.from(s))).toEqual(dat.sorts.map((s) => Array.from(s)));
		expect(csv.statementCodes).toEqual(dat.statementCodes);
	});

	it('writes lipset.dat back byte for byte', () => {
		const dat = parseDat(fixtureText('lipset.dat'));
		expect(writeDat(dat)).toBe(readFileSync(new URL('lipset.dat', fixtureDir), 'latin1'));
	});

	it('accepts LF line ends, trailing spaces and blank lines; counts ≥ 100 touch', () => {
		const text = fixtureText('lipset.dat').replace(/\r\n/g, '   \n') + '\n\n';
		expect(parseDat(text).sorts).toHaveLength(9);
		const many = writeDat({
			title: 't',
			sortIds: Array.from({ length: 120 }, (_, i) => `P${i}`),
			sorts: Array.from({ length: 120 }, () => lipsetDat().sorts[0]),
			distribution: lipsetDat().distribution as number[]
		});
		expect(many.slice(0, 9)).toBe('  0120 33');
		expect(parseDat(many).sorts).toHaveLength(120);
	});

	it.each([
		['a wrong sort count', (t: string) => t.replace('  0  9 33', '  0 10 33'), /header says 10 Q-sorts/],
		[
			'column heights that do not add up',
			(t: string) => t.replace(' -4  4  0  0  2', ' -4  4  0  0  3'),
			/add up to 34/
		],
		['a non-numeric value', (t: string) => t.replace('US1       -1 0', 'US1       -1 x'), /line 3: statement 2/],
		['a missing distribution line', () => '  0  9 33 x\r\n', /distribution line/]
	])('rejects %s with invalid_file', (_label, mutate, message) => {
		expect(() => parseDat(mutate(fixtureText('lipset.dat')))).toThrow(message);
		expect(() => parseDat(mutate(fixtureText('lipset.dat')))).toThrow(QMethodInputError);
	});

	it('refuses to write ids longer than 8 characters or values outside −6…+13', () => {
		const dat = lipsetDat();
		expect(() =>
			writeDat({
				...dat,
				title: '',
				sortIds: ['VERYLONGID', ...dat.sortIds.slice(1)],
				distribution: dat.distribution as number[]
			})
		).toThrow(/longer than 8/);
		expect(() => writeDat({ title: '', sortIds: ['a'], sorts: [[14, -1, 0]], distribution: [14, -1, 0] })).toThrow(
			QMethodInputError
		);
	});
});

describe('parseSta / writeSta', () => {
	it('reads lipset.sta with trailing spaces removed, and writes 60-character CRLF lines', () => {
		const texts = parseSta(fixtureText('lipset.sta'));
		expect(texts).toHaveLength(33);
		expect(texts[0]).toBe('1We accept improvements in status and power of lower class');
		expect(writeSta(['a'.repeat(70), 'b'])).toBe(`${'a'.repeat(60)}\r\nb\r\n`);
	});

	it('decodes Windows-1252 bytes when the file is not UTF-8', () => {
		const bytes = Uint8Array.from([0x93, 0x47, 0x72, 0xfc, 0xdf, 0x65, 0x94, 0x20, 0x80, 0x0d, 0x0a]);
		const { text, encoding } = decodeText(bytes);
		expect(encoding).toBe('windows-1252');
		expect(parseSta(text)).toEqual(['\u201cGrüße\u201d €']);
		expect(decodeText(new TextEncoder().encode('\ufeffGrüße')).text).toBe('Grüße');
	});
});

describe('CSV', () => {
	it('parses RFC 4180 quotes, doubled quotes, commas and line ends inside quotes', () => {
		expect(parseCsv('a,"b ""c"", d"\r\n"x\ny",z\n')).toEqual([
			['a', 'b "c", d'],
			['x\ny', 'z']
		]);
		expect(() => parseCsv('a,"open\n')).toThrow(/not closed/);
		expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
	});

	it('reads semicolon-separated CSV and tells on which line a quoting error is', () => {
		expect(parseCsv('code;nl\n1;"Eens; zeker"\n', { delimiter: ';' })).toEqual([
			['code', 'nl'],
			['1', 'Eens; zeker']
		]);
		expect(parseCsv('a;b,c\n', { delimiter: ';' })).toEqual([['a', 'b,c']]);
		const error = (() => {
			try {
				parseCsv('a\nb\n"c\n');
			} catch (caught) {
				return caught as { line?: number };
			}
		})();
		expect(error?.line).toBe(3);
	});

	it('reads statements.csv and writes it back unchanged', () => {
		const records = parseStatementsCsv(fixtureText('statements.csv'));
		expect(records).toHaveLength(33);
		expect(records[0].code).toBe('S01');
		expect(writeStatementsCsv(records)).toBe(fixtureText('statements.csv'));
	});

	it('reads padded, signed and decimal cells through the careful path (validation rejects decimals later)', () => {
		const parsed = parseSortsCsv('sort,S01,S02\nA, 1,+2\nB,-1,0.5\nC,2,-3\n');
		expect(parsed.sorts.map((sort) => Array.from(sort))).toEqual([
			[1, 2],
			[-1, 0.5],
			[2, -3]
		]);
		expect(parseSortsCsv('sort,S01,S02\r\n"A",1,2\r\n').sortIds).toEqual(['A']);
	});

	it('writes lipset.csv back unchanged', () => {
		expect(writeSortsCsv(lipsetCsv())).toBe(fixtureText('lipset.csv'));
	});

	it.each([
		['a short row', 'sort,S01,S02\nA,1\n', /CSV row 2: 1 values, expected 2/],
		['a non-number', 'sort,S01,S02\nA,1,x\n', /"x" is not a number/],
		['an empty id', 'sort,S01,S02\n,1,2\n', /id is empty/],
		['no sorts', 'sort,S01,S02\n', /at least one Q-sort/],
		['a long row', 'sort,S01,S02\nA,1,2,3\n', /3 values, expected 2/],
		['a hex value', 'sort,S01,S02\nA,0x1,2\n', /"0x1" is not a number/]
	])('rejects a sorts CSV with %s', (_label, text, message) => {
		expect(() => parseSortsCsv(text)).toThrow(message);
	});

	it('rejects a statements CSV without the code,text header or with repeated codes', () => {
		expect(() => parseStatementsCsv('id,statement\nS01,"x"\n')).toThrow(/header "code,text"/);
		expect(() => parseStatementsCsv('code,text\nS01,"x"\nS01,"y"\n')).toThrow(/repeated code/);
	});

	it('writes JSON with a final newline', () => {
		expect(writeJson({ a: [1, 2] })).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}\n');
	});
});
