import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One repository module per table (issue 13.3): these tables are queried only in their own module; services and
// routes call it. Backup and restore walk every table by name (sql.table), which this check does not see and
// which is meant: a table added later is backed up without anyone having to list it.
// Sorted by table name.
const REPOSITORY: Record<string, string> = {
	grid_columns: 'server/studies/grid.ts',
	researcher_sessions: 'server/auth/researchers.ts',
	researchers: 'server/auth/researchers.ts',
	sorts: 'server/studies/sorts-repository.ts',
	statements: 'server/studies/statements-repository.ts',
	studies: 'server/studies/studies-repository.ts'
};

// Files still allowed to query a guarded table while a move is under way (none now). Remove an entry once its
// file calls the repository: the last test fails while an entry is no longer needed.
const NOT_YET_MOVED: Record<string, string[]> = {};

const BUILDER =
	'(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|table)';

function withoutComments(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The guarded tables a source file queries, through Kysely's builder or in raw SQL. */
function tablesQueried(source: string): string[] {
	const code = withoutComments(source);
	const templates = code.match(/`[^`]*`/g) ?? [];
	return Object.keys(REPOSITORY).filter((table) => {
		const builder = new RegExp(`\\b${BUILDER}\\(\\s*\\[?\\s*['"\`]${table}(?:\\s+as\\s+\\w+)?['"\`]`);
		const raw = new RegExp(`\\b(?:from|join|update|into|table)\\s+(?:public\\.)?"?${table}"?(?![\\w.])`, 'i');
		return builder.test(code) || templates.some((t) => raw.test(t));
	});
}

function serverFiles(dir = 'server'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(path);
		return entry.name.endsWith('.ts') ? [path.split('\\').join('/')] : [];
	});
}

describe('one repository per table', () => {
	it('sees a table in the query builder and in raw SQL, not in prose or column names', () => {
		expect(tablesQueried("await db.selectFrom('sorts').select('id').execute();")).toEqual(['sorts']);
		expect(tablesQueried("db.selectFrom('studies as s').innerJoin('statements as t', 't.study_id', 's.id')")).toEqual([
			'statements',
			'studies'
		]);
		expect(tablesQueried("trx.insertInto('grid_columns').values(rows)")).toEqual(['grid_columns']);
		expect(tablesQueried("where(({ selectFrom }) => exists(selectFrom('sorts').select('id')))")).toEqual(['sorts']);
		expect(tablesQueried('sql`(select count(*) from sorts where sorts.study_id = s.id)`')).toEqual(['sorts']);
		expect(tablesQueried('sql`update public.studies set status = ${status}`')).toEqual(['studies']);
		expect(tablesQueried("sql`select 1 from ${sql.table('statements')}`")).toEqual(['statements']);
		expect(tablesQueried('/** Splits pasted text into statements. */\nconst x = 1;')).toEqual([]);
		expect(tablesQueried("// reads from sorts\nconst y = { sorts: 'sorts', statements: [] };")).toEqual([]);
		expect(tablesQueried("db.selectFrom('sort_values').select('x')")).toEqual([]);
		expect(
			tablesQueried("db.selectFrom('researcher_sessions as s').innerJoin('researchers as r', 'r.id', 's.x')")
		).toEqual(['researcher_sessions', 'researchers']);
	});

	it('queries each guarded table only in its repository', () => {
		const offenders: string[] = [];
		for (const file of serverFiles()) {
			const allowed = NOT_YET_MOVED[file] ?? [];
			for (const table of tablesQueried(readFileSync(file, 'utf8'))) {
				if (REPOSITORY[table] !== file && !allowed.includes(table))
					offenders.push(`${file} queries ${table} (use ${REPOSITORY[table]})`);
			}
		}
		expect(offenders).toEqual([]);
	});

	it('lists only exceptions that are still needed', () => {
		for (const [file, tables] of Object.entries(NOT_YET_MOVED)) {
			expect(tablesQueried(readFileSync(file, 'utf8')), file).toEqual(expect.arrayContaining(tables));
		}
	});
});
