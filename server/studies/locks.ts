import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { studyNotFound } from './access.js';
import { countSorts } from './sorts-repository.js';
import { lockStudyRow } from './studies-repository.js';

/**
 * Runs `work` in a transaction that first locks the study's row. Changes to one study's members, statement
 * codes and question keys queue behind each other this way — in every server process, since the lock is
 * Postgres's — so checks such as "one owner stays" or "this code is free" still hold when they commit.
 * Inside `work` use only `trx` (the embedded database has a single connection).
 */
export async function withStudyLock<T>(
	db: Kysely<Database>,
	studyId: string,
	work: (trx: Transaction<Database>) => Promise<T>
): Promise<T> {
	return db.transaction().execute(async (trx) => {
		if (!(await lockStudyRow(trx, studyId))) throw studyNotFound();
		return work(trx);
	});
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
