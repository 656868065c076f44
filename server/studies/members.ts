import type { Kysely } from 'kysely';
import type { MemberDto } from '../../src/lib/api/types/studies.js';
import type { Database, StudyRole } from '../db/schema.js';
import { researcherNames } from '../auth/researchers.js';
import { AppError } from '../errors.js';
import { studyNotFound } from './access.js';
import { withStudyLock } from './locks.js';
import { deleteMembership, memberRole, memberRows, ownerCount, setMemberRole } from './studies-repository.js';

export async function listMembers(db: Kysely<Database>, studyId: string): Promise<MemberDto[]> {
	const rows = await memberRows(db, studyId);
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
	const role = await memberRole(trx, studyId, actorId);
	if (!role) throw studyNotFound();
	if (role !== 'owner')
		throw new AppError(
			403,
			'ROLE_TOO_LOW',
			'You are no longer an owner of this study, so you cannot change its members.'
		);
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
		await setMemberRole(trx, studyId, researcherId, role);
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
		await deleteMembership(trx, studyId, researcherId);
	});
}
