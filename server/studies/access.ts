import type { Kysely } from 'kysely';
import type { Database, Study, StudyRole } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findMemberStudy } from './studies-repository.js';

/** What a route needs: read (every member), edit (co-researcher or owner), own (owner only). */
export type Permission = 'read' | 'edit' | 'own';

const ROLE_RANK: Record<StudyRole, number> = { facilitator: 1, co_researcher: 2, owner: 3 };
const PERMISSION_RANK: Record<Permission, number> = { read: 1, edit: 2, own: 3 };
const ROLE_LABEL: Record<StudyRole, string> = {
	facilitator: 'facilitator',
	co_researcher: 'co-researcher',
	owner: 'owner'
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one id check: every id taken from a path or body goes through this before it reaches a query, so a
 * malformed id is an unknown one (4xx), never a Postgres uuid syntax error (500).
 * tests/server/routes/malformed-ids.test.ts walks every route with a malformed id.
 */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

export const studyNotFound = () => new AppError(404, 'STUDY_NOT_FOUND', 'There is no such study, or it is not yours.');

export interface StudyAccess {
	study: Study;
	role: StudyRole;
}

/**
 * Loads a study for a researcher and checks their role. A study they are not a member of answers
 * exactly like a study that does not exist (404), so ids of other researchers' studies leak nothing;
 * a member whose role is too small gets 403 ROLE_TOO_LOW.
 */
export async function requireStudyAccess(
	db: Kysely<Database>,
	researcherId: string,
	studyId: string,
	permission: Permission
): Promise<StudyAccess> {
	if (!isUuid(studyId)) throw studyNotFound();
	const row = await findMemberStudy(db, studyId, researcherId);
	if (!row) throw studyNotFound();
	const { role, ...study } = row;
	if (ROLE_RANK[role] < PERMISSION_RANK[permission]) {
		const needed = permission === 'own' ? 'an owner' : 'an owner or co-researcher';
		throw new AppError(
			403,
			'ROLE_TOO_LOW',
			`As ${ROLE_LABEL[role]} of this study you cannot do this; it takes ${needed}.`
		);
	}
	return { study, role };
}
