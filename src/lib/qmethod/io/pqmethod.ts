import { GRID_MIN, GRID_SLOTS, isGridValue } from '../../rules/grid.js';
import { QMethodInputError } from '../errors.js';
import type { QSortData } from '../types.js';
import { splitLines } from './decode.js';

export interface DatFile extends QSortData {
	title: string;
	distribution: number[];
}

/**
 * Reads a PQMethod .DAT file (docs/methods.md §11.1; reference/lipset/FORMAT.md): line 1 = counts (columns
 * 4–6 sorts, 7–9 statements) and title from column 11; line 2 = lowest and highest grid value
 * and 20 column heights for −6…+13; then one sort per line, id in columns 1–10, values in
 * 2-character fields from column 11. Parses by column, never by whitespace. Tolerates CRLF/LF,
 * trailing spaces and blank lines. The data are declared forced with the header distribution.
 * @throws QMethodInputError invalid_file
 */
export function parseDat(text: string): DatFile {
	const lines = splitLines(text).map((line) => line.replace(/\s+$/, ''));
	const header = lines[0];
	const grid = lines[1];
	if (header === undefined || grid === undefined) fail(1, 'a .DAT file needs a header line and a distribution line');
	const nSorts = integerField(header, 3, 6, 1, 'number of Q-sorts');
	const nStatements = integerField(header, 6, 9, 1, 'number of statements');
	const title = header.slice(10).trim();

	const distribution: number[] = [];
	for (let slot = 0; slot < GRID_SLOTS; slot++) {
		const height = integerField(grid.padEnd(66), 6 + slot * 3, 9 + slot * 3, 2, `column height for ${GRID_MIN + slot}`);
		for (let h = 0; h < height; h++) distribution.push(GRID_MIN + slot);
	}
	if (distribution.length !== nStatements) {
		fail(2, `the column heights add up to ${distribution.length}, but the header says ${nStatements} statements`);
	}
	const sortIds: string[] = [];
	const sorts: number[][] = [];
	lines.slice(2).forEach((line, index) => {
		if (line.trim() === '') return;
		const lineNumber = index + 3;
		const id = line.slice(0, 10).trim();
		if (!id) fail(lineNumber, 'the Q-sort id (columns 1–10) is empty');
		const values: number[] = [];
		for (let s = 0; s < nStatements; s++) {
			values.push(
				integerField(line.padEnd(10 + 2 * nStatements), 10 + 2 * s, 12 + 2 * s, lineNumber, `statement ${s + 1}`)
			);
		}
		if (line.slice(10 + 2 * nStatements).trim()) fail(lineNumber, `more than ${nStatements} values`);
		sortIds.push(id);
		sorts.push(values);
	});
	if (sorts.length !== nSorts) fail(1, `the header says ${nSorts} Q-sorts, the file has ${sorts.length}`);
	const statementCodes = Array.from({ length: nStatements }, (_, s) => statementCode(s, nStatements));
	return { title, statementCodes, sortIds, sorts, distribution, forced: true };
}

/** Statement codes S01…Sm (3 digits when m ≥ 100), as in lipset.csv. */
export function statementCode(index: number, count: number): string {
	return `S${String(index + 1).padStart(count >= 100 ? 3 : 2, '0')}`;
}

/** Reads a PQMethod .STA file: one statement per line, trailing spaces removed. */
export function parseSta(text: string): string[] {
	const lines = splitLines(text).map((line) => line.replace(/\s+$/, ''));
	while (lines.length && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/**
 * Writes a PQMethod .DAT file (CRLF). Ids longer than 8 characters are refused, values must be
 * integers −6…+13, and every sort must have one value per statement.
 * @throws QMethodInputError invalid_file
 */
export function writeDat(file: {
	title: string;
	sortIds: readonly string[];
	sorts: ReadonlyArray<ArrayLike<number>>;
	distribution: readonly number[];
}): string {
	const m = file.distribution.length;
	const n = file.sorts.length;
	if (n > 999 || m > 999)
		throw new QMethodInputError('invalid_file', 'a .DAT file holds at most 999 Q-sorts and 999 statements');
	const heights = new Array<number>(GRID_SLOTS).fill(0);
	for (const value of file.distribution) {
		if (!isGridValue(value)) {
			throw new QMethodInputError('invalid_file', `grid value ${value} cannot be stored in a .DAT file (−6…+13)`);
		}
		heights[value - GRID_MIN]++;
	}
	const pad3 = (value: number) => String(value).padStart(3);
	const low = Math.min(...file.distribution);
	const high = Math.max(...file.distribution);
	const lines = [
		`  0${pad3(n)}${pad3(m)} ${file.title.slice(0, 68).padEnd(68)}`,
		[low, high, ...heights].map(pad3).join('')
	];
	file.sorts.forEach((sort, i) => {
		const id = file.sortIds[i];
		if (id.length > 8) throw new QMethodInputError('invalid_file', `Q-sort id "${id}" is longer than 8 characters`);
		if (sort.length !== m)
			throw new QMethodInputError('invalid_file', `Q-sort "${id}" has ${sort.length} values, expected ${m}`);
		let line = id.padEnd(10);
		for (let s = 0; s < m; s++) {
			if (!isGridValue(sort[s]!)) {
				throw new QMethodInputError('invalid_file', `Q-sort "${id}": value ${sort[s]} cannot be stored in a .DAT file`);
			}
			line += String(sort[s]).padStart(2);
		}
		lines.push(line);
	});
	return lines.join('\r\n') + '\r\n';
}

/** Writes a PQMethod .STA file (CRLF), texts cut to `width` characters (PQMethod keeps 60). */
export function writeSta(texts: readonly string[], width = 60): string {
	return texts.map((text) => text.replace(/[\r\n]+/g, ' ').slice(0, width)).join('\r\n') + '\r\n';
}

function integerField(line: string, start: number, end: number, lineNumber: number, label: string): number {
	const raw = line.slice(start, end).trim();
	if (!/^-?\d+$/.test(raw)) fail(lineNumber, `${label} (columns ${start + 1}–${end}) is "${raw}", not an integer`);
	return Number(raw);
}

function fail(lineNumber: number, message: string): never {
	throw new QMethodInputError('invalid_file', `.DAT line ${lineNumber}: ${message}`);
}
