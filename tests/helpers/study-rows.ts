import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.js';

/** Statements written straight into the database, in the given order, as "Stelling n" / "Statement n". */
export async function insertNumberedStatements(db: Kysely<Database>, studyId: string, codes: string[]): Promise<void> {
	await db
		.insertInto('statements')
		.values(
			codes.map((code, i) => ({
				study_id: studyId,
				code,
				position: i,
				text: JSON.stringify({ nl: `Stelling ${i + 1}`, en: `Statement ${i + 1}` })
			}))
		)
		.execute();
}
