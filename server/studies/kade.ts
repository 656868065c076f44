import { decodeText } from '../../src/lib/qmethod/io/decode.js';
import { csvField } from '../../src/lib/qmethod/io/csv.js';
import { statementCode } from '../../src/lib/qmethod/io/pqmethod.js';
import { GRID_MIN, GRID_SLOTS } from '../../src/lib/rules/grid.js';
import { AppError } from '../errors.js';
import { readZip } from './zip.js';

/** pattern.txt has one count per grid value −6 … +13 (as the .DAT header), GRID_SLOTS in all. */
/** The most cards one grid column may hold (the grid's own rule, gridColumnSchema in src/lib/api/types/common.ts). */
export const MAX_COLUMN_CAPACITY = 200;
const KADE_FILES = new Set(['name.txt', 'pattern.txt', 'sorts.txt', 'statements.txt']);
const baseName = (path: string) => path.split('/').pop()!.toLowerCase();

export interface KadeProject {
	name: string;
	/** Sorts as CSV `sort,S01,…` for the CSV import. */
	sortsCsv: string;
	/** Statements as CSV `code,text`. */
	statementsCsv: string;
	/** The forced distribution of pattern.txt as one grid value per statement. */
	distribution: number[];
}

/**
 * Reads a KADE project zip (docs/methods.md §11.4): name.txt, pattern.txt (20 comma-separated card counts for
 * −6…+13), sorts.txt (one line per sort: `ID,score1,score2,…`) and statements.txt (one per line).
 * Files may sit in a folder inside the zip; names are matched without case.
 */
export async function readKadeZip(base64: string): Promise<KadeProject> {
	const files = await readZip(Buffer.from(base64, 'base64'), (path) => KADE_FILES.has(baseName(path)));
	const file = (name: string) => {
		for (const [path, bytes] of files) if (baseName(path) === name) return decodeText(bytes).text;
		throw new AppError(422, 'INVALID_FILE', `The KADE zip has no ${name}.`);
	};
	const lines = (text: string) =>
		text
			.split(/\r\n|\r|\n/)
			.map((l) => l.trim())
			.filter(Boolean);
	const counts = file('pattern.txt')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (counts.length !== GRID_SLOTS || !counts.every((v) => /^\d+$/.test(v))) {
		throw new AppError(422, 'INVALID_FILE', 'pattern.txt must hold 20 comma-separated card counts (for −6 … +13).');
	}
	if (counts.some((v) => v.length > 4 || Number(v) > MAX_COLUMN_CAPACITY)) {
		throw new AppError(
			422,
			'INVALID_FILE',
			`pattern.txt asks for more than ${MAX_COLUMN_CAPACITY} cards in one column.`
		);
	}
	const distribution = counts.flatMap((count, slot) => Array<number>(Number(count)).fill(GRID_MIN + slot));
	const statements = lines(file('statements.txt'));
	const m = statements.length;
	if (m === 0) throw new AppError(422, 'INVALID_FILE', 'statements.txt holds no statements.');
	const codes = statements.map((_, i) => statementCode(i, m));
	return {
		name: lines(file('name.txt'))[0] ?? '',
		sortsCsv: [['sort', ...codes].join(','), ...lines(file('sorts.txt'))].join('\n') + '\n',
		statementsCsv: ['code,text', ...statements.map((text, i) => `${codes[i]},${csvField(text)}`)].join('\n') + '\n',
		distribution
	};
}
