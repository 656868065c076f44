import { sql, type InsertObject, type Kysely, type Transaction } from 'kysely';
import type { Database, Study, StudyRole, StudyUpdate } from '../db/schema.js';
import { sortCountOf } from './sorts-repository.js';

// The one module that reads and writes the studies table (migrations, and the backup's generic walk over every
// table, aside). Inside a transaction pass `trx`, never `db`: PGlite has a single connection.

type Executor = Kysely<Database> | Transaction<Database>;

export async function findStudy(db: Executor, studyId: string): Promise<Study | undefined> {
	return db.selectFrom('studies').selectAll().where('id', '=', studyId).executeTakeFirst();
}

/** A study that must exist (a foreign key points at it). */
export async function getStudy(db: Executor, studyId: string): Promise<Study> {
	return db.selectFrom('studies').selectAll().where('id', '=', studyId).executeTakeFirstOrThrow();
}

export async function findStudyBySlug(db: Executor, slug: string): Promise<Study | undefined> {
	return db.selectFrom('studies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The id of the study with this slug, leaving out `exceptId` (a study keeping its own slug). */
export async function studyIdBySlug(db: Executor, slug: string, exceptId?: string): Promise<string | undefined> {
	let query = db.selectFrom('studies').select('id').where('slug', '=', slug);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst())?.id;
}

export async function hasAnyStudy(db: Executor): Promise<boolean> {
	return (await db.selectFrom('studies').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The slug of a study, or null (no study, or none with this id any more). */
export async function studySlug(db: Executor, studyId: string | null): Promise<string | null> {
	if (studyId === null) return null;
	const row = await db.selectFrom('studies').select('slug').where('id', '=', studyId).executeTakeFirst();
	return row?.slug ?? null;
}

/**
 * A correlated subquery for `exists(...)`: the study row whose id is in the outer query's column `column`
 * (e.g. 'a.study_id').
 */
export function studyRowOf(db: Executor, column: string) {
	return db.selectFrom('studies').select('studies.id').where('studies.id', '=', sql.ref<string>(column));
}

/** A study together with the role of one researcher in it; undefined when they are no member. */
export async function findMemberStudy(
	db: Executor,
	studyId: string,
	researcherId: string
): Promise<(Study & { role: StudyRole }) | undefined> {
	return db
		.selectFrom('studies as s')
		.innerJoin('study_members as m', 'm.study_id', 's.id')
		.selectAll('s')
		.select('m.role')
		.where('s.id', '=', studyId)
		.where('m.researcher_id', '=', researcherId)
		.executeTakeFirst();
}

/** The studies a researcher is a member of (any role), newest first, each with their role and number of sorts. */
export async function memberStudies(
	db: Executor,
	researcherId: string
): Promise<(Study & { role: StudyRole; sortCount: number })[]> {
	const rows = await db
		.selectFrom('studies as s')
		.innerJoin('study_members as m', 'm.study_id', 's.id')
		.selectAll('s')
		.select(['m.role', sortCountOf(db, 's.id').as('sort_count')])
		.where('m.researcher_id', '=', researcherId)
		.orderBy('s.created_at', 'desc')
		.execute();
	return rows.map(({ sort_count, ...row }) => ({ ...row, sortCount: Number(sort_count) }));
}

/** Ids of the studies nobody is a member of (before the first account exists: the demo study). */
export async function studiesWithoutMembers(db: Executor): Promise<string[]> {
	const rows = await db
		.selectFrom('studies')
		.select('id')
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('study_members').select('study_id').whereRef('study_members.study_id', '=', 'studies.id')))
		)
		.execute();
	return rows.map((r) => r.id);
}

export async function insertStudy(
	db: Executor,
	values: InsertObject<Database, 'studies'>
): Promise<{ id: string; slug: string }> {
	return db.insertInto('studies').values(values).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

/** Changes a study's own fields and stamps updated_at. */
export async function updateStudyRow(db: Executor, studyId: string, values: StudyUpdate): Promise<void> {
	await db
		.updateTable('studies')
		.set({ ...values, updated_at: new Date() })
		.where('id', '=', studyId)
		.execute();
}

/** Locks the study's row until the transaction ends; false when there is no such study. */
export async function lockStudyRow(trx: Transaction<Database>, studyId: string): Promise<boolean> {
	const row = await trx.selectFrom('studies').select('id').where('id', '=', studyId).forUpdate().executeTakeFirst();
	return row !== undefined;
}

/** Deletes a study; the foreign keys cascade to everything that belongs to it. */
export async function deleteStudyRow(trx: Transaction<Database>, studyId: string): Promise<void> {
	await trx.deleteFrom('studies').where('id', '=', studyId).execute();
}

// Memberships (`study_members`) belong to the study aggregate: this module is their home too.

export interface MembershipRow {
	study_id: string;
	researcher_id: string;
	role: StudyRole;
}

/** A study's members and their roles, in the order they joined. */
export async function memberRows(db: Executor, studyId: string): Promise<{ researcher_id: string; role: StudyRole }[]> {
	return db
		.selectFrom('study_members')
		.select(['researcher_id', 'role'])
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.execute();
}

/** A researcher's role in a study, or undefined when they are no member. */
export async function memberRole(db: Executor, studyId: string, researcherId: string): Promise<StudyRole | undefined> {
	const row = await db
		.selectFrom('study_members')
		.select('role')
		.where('study_id', '=', studyId)
		.where('researcher_id', '=', researcherId)
		.executeTakeFirst();
	return row?.role;
}

export async function ownerCount(db: Executor, studyId: string): Promise<number> {
	const rows = await db
		.selectFrom('study_members')
		.select('researcher_id')
		.where('study_id', '=', studyId)
		.where('role', '=', 'owner')
		.execute();
	return rows.length;
}

/** Adds memberships; with `keepExisting` a researcher who is already a member keeps their role. */
export async function insertMemberships(
	db: Executor,
	rows: readonly MembershipRow[],
	options: { keepExisting?: boolean } = {}
): Promise<void> {
	if (rows.length === 0) return;
	let query = db.insertInto('study_members').values([...rows]);
	if (options.keepExisting) query = query.onConflict((oc) => oc.columns(['study_id', 'researcher_id']).doNothing());
	await query.execute();
}

export async function setMemberRole(
	db: Executor,
	studyId: string,
	researcherId: string,
	role: StudyRole
): Promise<void> {
	await db
		.updateTable('study_members')
		.set({ role })
		.where('study_id', '=', studyId)
		.where('researcher_id', '=', researcherId)
		.execute();
}

export async function deleteMembership(db: Executor, studyId: string, researcherId: string): Promise<void> {
	await db
		.deleteFrom('study_members')
		.where('study_id', '=', studyId)
		.where('researcher_id', '=', researcherId)
		.execute();
}

/** A subquery for `in (...)`: the ids of the studies a researcher owns. */
export function ownedStudyIds(db: Executor, researcherId: string) {
	return db
		.selectFrom('study_members')
		.select('study_id')
		.where('researcher_id', '=', researcherId)
		.where('role', '=', 'owner');
}

/**
 * A scalar subquery for raw SQL: the ids of a study's owners as a JSON array, sorted (null when it has none). The
 * audit trail copies it into each row within the same statement.
 */
export function ownerIdsJson(db: Executor, studyId: string | null) {
	return db
		.selectFrom('study_members')
		.select(sql<unknown>`jsonb_agg(researcher_id order by researcher_id)`.as('owner_ids'))
		.where('study_id', '=', studyId)
		.where('role', '=', 'owner');
}
