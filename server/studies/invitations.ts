import type { Kysely } from 'kysely';
import type { InvitationDto } from '../../src/lib/api/types/studies.js';
import type { Database, StudyRole } from '../db/schema.js';
import { emailOf, findResearcherByEmail } from '../auth/researchers.js';
import { AppError } from '../errors.js';
import { isUuid } from './access.js';
import { withStudyLock } from './locks.js';
import { assertStillOwner } from './members.js';
import { insertMemberships, memberRole } from './studies-repository.js';

/**
 * Adding a researcher by e-mail never tells whether an account with that address exists (issue 11
 * §11): the owner always gets the same answer, an invitation, and the members list shows it the same
 * way in both cases. The invitation becomes a membership when the account with that address next opens
 * its list of studies (`acceptInvitations`); for an unknown address it waits until such an account is made.
 */
function toDto(row: { id: string; email: string; role: StudyRole; created_at: Date | string }): InvitationDto {
	return { id: row.id, email: row.email, role: row.role, createdAt: new Date(row.created_at).toISOString() };
}

export async function listInvitations(db: Kysely<Database>, studyId: string): Promise<InvitationDto[]> {
	const rows = await db
		.selectFrom('study_invitations')
		.select(['id', 'email', 'role', 'created_at'])
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.orderBy('email')
		.execute();
	return rows.map(toDto);
}

/**
 * 202 for any well-formed address that is not already a member; a second invitation changes the role.
 * Under the study's lock, by an owner who is still one when it commits (server/studies/locks.ts).
 */
export async function inviteMember(
	db: Kysely<Database>,
	studyId: string,
	invitedBy: string,
	email: string,
	role: StudyRole
): Promise<InvitationDto> {
	const address = email.trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+$/.test(address))
		throw new AppError(422, 'EMAIL_INVALID', 'Enter an e-mail address such as name@example.org.');
	return withStudyLock(db, studyId, async (trx) => {
		await assertStillOwner(trx, studyId, invitedBy);
		return insertInvitation(trx, studyId, invitedBy, address, role);
	});
}

async function insertInvitation(
	db: Kysely<Database>,
	studyId: string,
	invitedBy: string,
	address: string,
	role: StudyRole
): Promise<InvitationDto> {
	// The members (with their e-mail addresses) are listed to the owner anyway, so saying this tells nothing new.
	const account = await findResearcherByEmail(db, address);
	const current = account && (await memberRole(db, studyId, account.id));
	if (current)
		throw new AppError(
			409,
			'ALREADY_MEMBER',
			`This researcher is already a member (${current}); change the role instead.`
		);
	const row = await db
		.insertInto('study_invitations')
		.values({ study_id: studyId, email: address, role, invited_by: invitedBy })
		.onConflict((oc) => oc.columns(['study_id', 'email']).doUpdateSet({ role, invited_by: invitedBy }))
		.returning(['id', 'email', 'role', 'created_at'])
		.executeTakeFirstOrThrow();
	return toDto(row);
}

export async function cancelInvitation(
	db: Kysely<Database>,
	studyId: string,
	actorId: string,
	invitationId: string
): Promise<{ email: string }> {
	if (!isUuid(invitationId)) throw invitationNotFound();
	return withStudyLock(db, studyId, async (trx) => {
		await assertStillOwner(trx, studyId, actorId);
		const deleted = await trx
			.deleteFrom('study_invitations')
			.where('id', '=', invitationId)
			.where('study_id', '=', studyId)
			.returning('email')
			.executeTakeFirst();
		if (!deleted) throw invitationNotFound();
		return deleted;
	});
}

const invitationNotFound = () =>
	new AppError(404, 'INVITATION_NOT_FOUND', 'There is no such invitation (any more); reload the page.');

/**
 * Turns the invitations for this researcher's address into memberships (an existing membership keeps its
 * role); returns them, for the audit trail.
 */
export async function acceptInvitations(
	db: Kysely<Database>,
	researcherId: string
): Promise<{ study_id: string; role: StudyRole }[]> {
	return db.transaction().execute(async (trx) => {
		const email = await emailOf(trx, researcherId);
		if (email === undefined) return [];
		const accepted = await trx
			.deleteFrom('study_invitations')
			.where('email', '=', email)
			.returning(['study_id', 'role'])
			.execute();
		if (accepted.length === 0) return accepted;
		await insertMemberships(
			trx,
			accepted.map((invitation) => ({
				study_id: invitation.study_id,
				researcher_id: researcherId,
				role: invitation.role
			})),
			{ keepExisting: true }
		);
		return accepted;
	});
}
