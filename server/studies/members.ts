import type { Kysely } from 'kysely';
import type { MemberDto } from '../../src/lib/api/types/studies.js';
import type { Database, StudyRole } from '../db/schema.js';
import { researcherNames } from '../auth/researchers.js';
import { AppError } from '../errors.js';
import { studyNotFound } from './access.js';
import { withStudyLock } from './locks.js';

export async function listMembers(db: Kysely<Database>, studyId: string): Promise<MemberDto[]> {
	const rows = await db
		.selectFrom('study_members')
		.select(['researcher_id', 'role'])
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.execute();
	const names = await researcherNames(
		db,
		rows.map((r) => r.researcher_id)
	);
	// A membership always has its account (foreign key, on delete cascade).
	return rows.flatMap((r) => {
		const name = names.get(r.researcher_id);
		return name
			? [{ researcherId: r.researcher_id, email: name.email, displayName: name.displayName, role: r.role }]
			: [];
	});
}

/**
 * The caller must still be an owner when the change commits: another owner may have demoted or removed
 * them a moment ago (403 ROLE_TOO_LOW, or 404 when they are no member any more).
 */
export async function assertStillOwner(trx: Kysely<Database>, studyId: string, actorId: string): Promise<void> {
	const actor = await trx
		.selectFrom('study_members')
		.select('role')
		.where('study_id', '=', studyId)
		.where('researcher_id', '=', actorId)
		.executeTakeFirst();
	if (!actor) throw studyNotFound();
	if (actor.role !== 'owner')
		throw new AppError(
			403,
			'ROLE_TOO_LOW',
			'You are no longer an owner of this study, so you cannot change its members.'
		);
}

async function ownerCount(db: Kysely<Database>, studyId: string): Promise<number> {
	const rows = await db
		.selectFrom('study_members')
		.select('researcher_id')
		.where('study_id', '=', studyId)
		.where('role', '=', 'owner')
		.execute();
	return rows.length;
}

const memberNotFound = () => new AppError(404, 'MEMBER_NOT_FOUND', 'This researcher is not a member of the study.');
const lastOwner = () =>
	new AppError(409, 'LAST_OWNER', 'A study needs at least one owner: make someone else owner first.');

/** Changes a member's role; the study keeps an owner even when two owners demote each other at once. */
export async function changeMemberRole(
	db: Kysely<Database>,
	studyId: string,
	actorId: string,
	researcherId: string,
	role: StudyRole
): Promise<MemberDto> {
	return withStudyLock(db, studyId, async (trx) => {
		await assertStillOwner(trx, studyId, actorId);
		const members = await listMembers(trx, studyId);
		const member = members.find((m) => m.researcherId === researcherId);
		if (!member) throw memberNotFound();
		if (member.role === 'owner' && role !== 'owner' && (await ownerCount(trx, studyId)) === 1) throw lastOwner();
		await trx
			.updateTable('study_members')
			.set({ role })
			.where('study_id', '=', studyId)
			.where('researcher_id', '=', researcherId)
			.execute();
		return { ...member, role };
	});
}

/** Removes a member; the study keeps an owner even when two owners remove each other at once. */
export async function removeMember(
	db: Kysely<Database>,
	studyId: string,
	actorId: string,
	researcherId: string
): Promise<void> {
	await withStudyLock(db, studyId, async (trx) => {
		await assertStillOwner(trx, studyId, actorId);
		const members = await listMembers(trx, studyId);
		const member = members.find((m) => m.researcherId === researcherId);
		if (!member) throw memberNotFound();
		if (member.role === 'owner' && (await ownerCount(trx, studyId)) === 1) throw lastOwner();
		await trx
			.deleteFrom('study_members')
			.where('study_id', '=', studyId)
			.where('researcher_id', '=', researcherId)
			.execute();
	});
}
