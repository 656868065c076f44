import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One repository module per table (issue 13.3): each table of server/db/schema.ts is queried only in its own
// module; services and routes call it. Sorted by table name. A table of the schema that is neither here nor in
// NO_HOME_YET fails the last tests, so a table added later gets its home when it is added.
const REPOSITORY: Record<string, string> = {
	analyses: 'server/analyses/repository.ts',
	audit_events: 'server/audit/events-repository.ts',
	composition_disclosures: 'server/analyses/disclosure.ts',
	dialogue_attendees: 'server/dialogue/attendees-repository.ts',
	dialogue_mini_sort_tallies: 'server/dialogue/mini-sort-tallies-repository.ts',
	dialogue_responses: 'server/dialogue/responses-repository.ts',
	dialogue_sessions: 'server/dialogue/sessions-repository.ts',
	drafts: 'server/participation/drafts-repository.ts',
	grid_columns: 'server/studies/grid.ts',
	interpretations: 'server/dialogue/interpretations-repository.ts',
	participants: 'server/participation/participants-repository.ts',
	questions: 'server/studies/questions.ts',
	rate_limits: 'server/auth/rate-limit.ts',
	researcher_sessions: 'server/auth/researchers.ts',
	researchers: 'server/auth/researchers.ts',
	server_secrets: 'server/auth/secrets.ts',
	setup_tokens: 'server/auth/accounts.ts',
	sorts: 'server/studies/sorts-repository.ts',
	statements: 'server/studies/statements-repository.ts',
	studies: 'server/studies/studies-repository.ts',
	study_invitations: 'server/studies/invitations.ts',
	study_members: 'server/studies/studies-repository.ts',
	withdrawals: 'server/studies/monitoring.ts'
};

// Tables still queried from more than one module, waiting for their home (issue 13.3). The last test fails once
// only one module queries such a table: then it moves to REPOSITORY.
const NO_HOME_YET: string[] = [];

// Backup and restore walk every table by name (sql.table), and a study's backup selects each table's rows of
// that study (server/backup/tables.ts): by design, so a table added later is backed up without anyone having to
// list it. They are not checked.
const EXEMPT = ['server/backup/tables.ts'];

// Files still allowed to query a guarded table while a move is under way. Remove an entry once its file calls the
// repository: the last test fails while an entry is no longer needed.
//  - drafts-repository.ts: the retention purge deletes expired drafts and resets their participations in one
//    statement (atomic under concurrent purges), reading each study's retention period in the same statement;
//    splitting it across the three repositories is still to do.
const NOT_YET_MOVED: Record<string, string[]> = {
	'server/participation/drafts-repository.ts': ['participants', 'studies']
};

/** Every table of the Database interface (declaration merging: several `interface Database` blocks). */
function schemaTables(): string[] {
	const schema = readFileSync('server/db/schema.ts', 'utf8');
	const blocks = schema.match(/export interface Database \{[^}]*\}/g) ?? [];
	return blocks.flatMap((block) => [...block.matchAll(/^\s*(\w+):/gm)].map((m) => m[1])).sort();
}

const BUILDER =
	'(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|table)';

function withoutComments(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The guarded tables a source file queries, through Kysely's builder or in raw SQL. */
function tablesQueried(source: string): string[] {
	const code = withoutComments(source);
	const templates = code.match(/`[^`]*`/g) ?? [];
	return [...Object.keys(REPOSITORY), ...NO_HOME_YET].filter((table) => {
		const builder = new RegExp(`\\b${BUILDER}\\(\\s*\\[?\\s*['"\`]${table}(?:\\s+as\\s+\\w+)?['"\`]`);
		// After a keyword, possibly behind other tables of a list: `from a x, b y` and `using participants p, studies s`.
		const raw = new RegExp(
			`\\b(?:from|join|update|into|table|using)\\s+(?:[\\w."]+(?:\\s+(?:as\\s+)?\\w+)?\\s*,\\s*)*(?:public\\.)?"?${table}"?(?![\\w.])`,
			'i'
		);
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
		expect(tablesQueried("trx.updateTable('dialogue_attendees').set({ mini_sort_done: true })")).toEqual([
			'dialogue_attendees'
		]);
		expect(tablesQueried('/** The interpretations of every factor. */\nconst analyses = [];')).toEqual([]);
		expect(tablesQueried('sql`delete from drafts d using participants p, studies s where p.id = d.x`')).toEqual([
			'drafts',
			'participants',
			'studies'
		]);
		expect(tablesQueried('sql`select 1 from sorts s, statements as t`')).toEqual(['sorts', 'statements']);
	});

	it('queries each table only in its repository', () => {
		const offenders: string[] = [];
		for (const file of serverFiles()) {
			if (EXEMPT.includes(file)) continue;
			const allowed = NOT_YET_MOVED[file] ?? [];
			for (const table of tablesQueried(readFileSync(file, 'utf8'))) {
				if (table in REPOSITORY && REPOSITORY[table] !== file && !allowed.includes(table))
					offenders.push(`${file} queries ${table} (use ${REPOSITORY[table]})`);
			}
		}
		expect(offenders).toEqual([]);
	});

	it('gives every table of the schema a home, or lists it as having none yet', () => {
		const tables = schemaTables();
		expect(tables).toContain('studies');
		expect(tables).toContain('dialogue_mini_sort_tallies');
		expect(tables.filter((table) => !(table in REPOSITORY) && !NO_HOME_YET.includes(table))).toEqual([]);
		expect([...Object.keys(REPOSITORY), ...NO_HOME_YET].filter((table) => !tables.includes(table))).toEqual([]);
		expect(NO_HOME_YET.filter((table) => table in REPOSITORY)).toEqual([]);
		expect(Object.keys(REPOSITORY)).toEqual(Object.keys(REPOSITORY).sort());
	});

	it('lists only exceptions that are still needed', () => {
		for (const [file, tables] of Object.entries(NOT_YET_MOVED)) {
			expect(tablesQueried(readFileSync(file, 'utf8')), file).toEqual(expect.arrayContaining(tables));
		}
		const modules = new Map<string, string[]>(NO_HOME_YET.map((table) => [table, []]));
		for (const file of serverFiles()) {
			if (EXEMPT.includes(file)) continue;
			for (const table of tablesQueried(readFileSync(file, 'utf8'))) modules.get(table)?.push(file);
		}
		const homeFound = NO_HOME_YET.filter((table) => modules.get(table)!.length <= 1);
		expect(homeFound, 'queried by one module only: list it in REPOSITORY').toEqual([]);
	});
});
