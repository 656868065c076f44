import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema.js';

/**
 * Tables whose rows a refused request may add on purpose: failed logins and guessing budgets (rate limits
 * count refusals; that is their job) and Kysely's own bookkeeping. Every other table must be untouched by a 4xx.
 */
const COUNTS_REFUSALS = /^(kysely_migration.*|login_attempts|.*rate.*|.*attempt.*|.*throttle.*|.*budget.*|.*guess.*)$/;

/** Table names of the public schema that a 4xx must leave alone, in a stable order. */
export async function watchedTables(db: Kysely<Database>): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	return rows.map((r) => r.name).filter((name) => !COUNTS_REFUSALS.test(name));
}

/**
 * One string per table: its row count and an md5 over all its rows as text, in one query. Two equal
 * snapshots mean no row was added, removed or changed.
 */
export async function snapshot(db: Kysely<Database>, tables: string[]): Promise<Record<string, string>> {
	const parts = tables.map(
		(table) =>
			sql`select ${table} as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') as digest from ${sql.table(table)} t`
	);
	const { rows } = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
	return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
	return Object.keys(before).filter((table) => before[table] !== after[table]);
}
