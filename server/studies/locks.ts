import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';

export async function countSorts(db: Kysely<Database>, studyId: string): Promise<number> {
	const row = await db
		.selectFrom('sorts')
		.select(sql<string | number>`count(*)`.as('n'))
		.where('study_id', '=', studyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Once a sort exists, the Q-set and the grid are frozen: every sort must refer to the same statements
 * and columns, or analysis and exports would mix incomparable data. Throws 409 STUDY_LOCKED.
 */
export async function assertDesignUnlocked(db: Kysely<Database>, studyId: string, what: string): Promise<void> {
	const sorts = await countSorts(db, studyId);
	if (sorts === 0) return;
	throw new AppError(
		409,
		'STUDY_LOCKED',
		`${what} cannot change: this study already has ${sorts} sort${sorts === 1 ? '' : 's'}, and every sort must refer to ` +
			'the same Q-set and grid. Remove those sorts first, or create a new study for the changed design.',
		{ sorts }
	);
}
