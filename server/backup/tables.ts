import { type Kysely, sql } from 'kysely';

// Backup and restore walk every table by name (sql.table), and a study's backup selects each table's rows of that
// study (studyCondition), so they read and write every table without its repository: by design, since a table added
// later must be included without anyone having to remember it. Everything else goes through each table's one
// repository module (tests/lint/table-repositories.test.ts lists them).

/**
 * Tables a backup leaves out, on purpose: login state (session and setup token hashes, failed-login
 * counts, rate-limit counters, the key that signs rate-limit cookies — made anew on first use) belongs
 * to one running installation, and Kysely's bookkeeping is written by the migrations the restore runs. Every other table of the schema is backed up (tests/server/ops/backup.test.ts
 * checks the list), so a table added later is included without anyone having to remember it.
 */
export const NOT_BACKED_UP = [
	'researcher_sessions',
	'setup_tokens',
	'login_attempts',
	'rate_limits',
	'server_secrets',
	'kysely_migration',
	'kysely_migration_lock'
];

/** Every table of the public schema except NOT_BACKED_UP, parents before children (foreign keys). */
export async function backupTables(db: Kysely<any>): Promise<string[]> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	const edges = await sql<{ child: string; parent: string }>`
		select c.relname as child, p.relname as parent
		from pg_constraint k
		join pg_class c on c.oid = k.conrelid
		join pg_class p on p.oid = k.confrelid
		join pg_namespace n on n.oid = c.relnamespace
		where k.contype = 'f' and n.nspname = 'public'`.execute(db);
	const names = tables.rows.map((r) => r.name).filter((name) => !NOT_BACKED_UP.includes(name));
	const parents = new Map(names.map((name) => [name, new Set<string>()]));
	for (const { child, parent } of edges.rows)
		if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
	const ordered: string[] = [];
	const placed = new Set<string>();
	while (ordered.length < names.length) {
		const next = names.find((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p)));
		if (!next) throw new Error('The schema has a cycle of foreign keys; the backup cannot order its tables.');
		ordered.push(next);
		placed.add(next);
	}
	return ordered;
}

/**
 * Which rows of each table belong to one study (for a study backup), as a condition on the table's
 * alias `t` with the study id as parameter. Researchers are the members and anyone the study's rows
 * name; their password hashes are not copied (see STUDY_ROW_OVERRIDES).
 */
export function studyCondition(table: string, studyId: string) {
	const analyses = sql`(select id from analyses where study_id = ${studyId}::uuid)`;
	const sessions = sql`(select id from dialogue_sessions where analysis_id in ${analyses})`;
	switch (table) {
		case 'studies':
			return sql`t.id = ${studyId}::uuid`;
		case 'study_members':
		case 'statements':
		case 'grid_columns':
		case 'questions':
		case 'participants':
		case 'sorts':
		case 'withdrawals':
		case 'analyses':
		case 'audit_events':
		case 'composition_disclosures':
		case 'study_invitations':
			return sql`t.study_id = ${studyId}::uuid`;
		case 'drafts':
			return sql`t.participant_id in (select id from participants where study_id = ${studyId}::uuid)`;
		case 'interpretations':
		case 'dialogue_sessions':
			return sql`t.analysis_id in ${analyses}`;
		case 'dialogue_attendees':
		case 'dialogue_responses':
		case 'dialogue_mini_sort_tallies':
			return sql`t.session_id in ${sessions}`;
		case 'researchers':
			return sql`t.id in (
				select researcher_id from study_members where study_id = ${studyId}::uuid
				union select created_by from analyses where study_id = ${studyId}::uuid
				union select withdrawn_by from withdrawals where study_id = ${studyId}::uuid
				union select updated_by from interpretations where analysis_id in ${analyses}
				union select created_by from dialogue_sessions where analysis_id in ${analyses}
				union select invited_by from study_invitations where study_id = ${studyId}::uuid)`;
		default:
			return undefined;
	}
}

/** A study backup gives no password hashes away: restored accounts need `user set-password` first. */
export const UNUSABLE_PASSWORD = '!restored-without-password';
