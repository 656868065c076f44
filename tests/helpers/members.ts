import type { Kysely } from 'kysely';
import { createSession } from '../../server/auth/sessions.js';
import type { Database, StudyRole } from '../../server/db/schema.js';

export type Caller = StudyRole | 'stranger';

/**
 * Researchers with sessions, written straight into the database: one per role on the study, plus a stranger with
 * no role (e-mail `<role>-<prefix>@example.org`); returns their cookie headers.
 */
export async function createStudyResearchers(
	db: Kysely<Database>,
	studyId: string,
	prefix = 'r'
): Promise<Record<Caller, string>> {
	const cookies = {} as Record<Caller, string>;
	for (const caller of ['owner', 'co_researcher', 'facilitator', 'stranger'] as const) {
		const { id } = await db
			.insertInto('researchers')
			.values({ email: `${caller}-${prefix}@example.org`, password_hash: 'not-used-in-these-tests' })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (caller !== 'stranger')
			await db.insertInto('study_members').values({ study_id: studyId, researcher_id: id, role: caller }).execute();
		cookies[caller] = `standpunt_session=${(await createSession(db, id)).token}`;
	}
	return cookies;
}
