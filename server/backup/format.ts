import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The backup file: gzip'd JSON lines. Line 1 is the header, then one line per row `{"t":table,"r":row}`
 * (tables in an order that satisfies their foreign keys, rows in a fixed order), and last a trailer with
 * the number of rows and the SHA-256 of every line before it. gzip's own CRC and the trailer detect a
 * truncated or altered file; the header's counts are checked against the rows.
 */
export const BACKUP_FORMAT = 'standpunt-backup';
export const BACKUP_VERSION = 1;

export type BackupScope = { kind: 'database' } | { kind: 'study'; id: string; slug: string };

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	createdAt: string;
	/** The migrations applied to the source database, in order: its schema version. */
	migrations: string[];
	scope: BackupScope;
	/** In restore order, with the number of rows of each. */
	tables: { name: string; rows: number }[];
}

export interface BackupContent {
	header: BackupHeader;
	/** Per table, its rows as JSON text exactly as Postgres wrote them (`to_jsonb(row)::text`). */
	rows: Map<string, string[]>;
}

/** A file that is not a Standpunt backup, is damaged, truncated or from a newer version. */
export class BackupFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupFileError';
	}
}

export function encodeBackup(content: BackupContent): Buffer {
	const hash = createHash('sha256');
	const chunks: string[] = [];
	const add = (line: string) => {
		hash.update(line);
		hash.update('\n');
		chunks.push(line, '\n');
	};
	add(JSON.stringify(content.header));
	let total = 0;
	for (const { name } of content.header.tables) {
		for (const row of content.rows.get(name) ?? []) {
			add(`{"t":${JSON.stringify(name)},"r":${row}}`);
			total++;
		}
	}
	chunks.push(JSON.stringify({ end: true, rows: total, sha256: hash.digest('hex') }), '\n');
	return gzipSync(Buffer.from(chunks.join(''), 'utf8'), { level: 6 });
}

function parseLine(line: string, number: number): Record<string, unknown> {
	try {
		const value = JSON.parse(line) as unknown;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// reported below
	}
	throw new BackupFileError(`The backup file is damaged: line ${number} is not a JSON object.`);
}

function checkHeader(value: Record<string, unknown>): BackupHeader {
	if (value.format !== BACKUP_FORMAT) throw new BackupFileError('This is not a Standpunt backup file.');
	if (typeof value.version !== 'number' || value.version > BACKUP_VERSION) {
		throw new BackupFileError(
			`The backup file has format version ${String(value.version)}; this version of Standpunt reads up to ${BACKUP_VERSION}. Update Standpunt first.`
		);
	}
	const tables = value.tables;
	const migrations = value.migrations;
	const valid =
		Array.isArray(tables) &&
		tables.every((t) => typeof t?.name === 'string' && Number.isInteger(t?.rows) && t.rows >= 0) &&
		Array.isArray(migrations) &&
		migrations.every((m) => typeof m === 'string') &&
		typeof value.createdAt === 'string' &&
		typeof value.scope === 'object' &&
		value.scope !== null;
	if (!valid) throw new BackupFileError('The backup file is damaged: its header is incomplete.');
	return value as unknown as BackupHeader;
}

/** Reads and verifies a backup file; throws BackupFileError with a message for the user. */
export function decodeBackup(file: Buffer): BackupContent {
	let text: string;
	try {
		text = gunzipSync(file).toString('utf8');
	} catch (error) {
		const reason =
			(error as { code?: string }).code === 'Z_BUF_ERROR'
				? 'it is incomplete (truncated)'
				: 'it is not a readable gzip file';
		throw new BackupFileError(`The backup file cannot be read: ${reason}.`);
	}
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	if (lines.length < 2) throw new BackupFileError('The backup file is incomplete: it has no trailer.');
	const header = checkHeader(parseLine(lines[0]!, 1));
	const trailer = parseLine(lines.at(-1)!, lines.length);
	if (trailer.end !== true || typeof trailer.sha256 !== 'string')
		throw new BackupFileError('The backup file is incomplete: its last line is not the trailer.');
	const hash = createHash('sha256');
	for (let i = 0; i < lines.length - 1; i++) hash.update(`${lines[i]}\n`);
	if (hash.digest('hex') !== trailer.sha256)
		throw new BackupFileError('The backup file is damaged: its checksum does not match its content.');

	const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
	const rows = new Map<string, string[]>(header.tables.map((t) => [t.name, []]));
	const prefix = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/;
	for (let i = 1; i < lines.length - 1; i++) {
		const line = lines[i]!;
		const match = prefix.exec(line);
		const table = match ? (JSON.parse(match[1]!) as string) : undefined;
		const list = table === undefined ? undefined : rows.get(table);
		if (!match || !list || !line.endsWith('}'))
			throw new BackupFileError(`The backup file is damaged: line ${i + 1} is not a row of a listed table.`);
		list.push(line.slice(match[0].length, -1));
	}
	for (const [table, count] of expected) {
		if (rows.get(table)!.length !== count)
			throw new BackupFileError(`The backup file is damaged: table ${table} should have ${count} rows.`);
	}
	if (trailer.rows !== lines.length - 2)
		throw new BackupFileError('The backup file is damaged: the trailer counts a different number of rows.');
	return { header, rows };
}
