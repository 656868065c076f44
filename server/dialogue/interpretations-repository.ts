import type { Kysely, Selectable } from 'kysely';
import type { Quote } from '../../src/lib/api/types/interpretations.js';
import type { Database, InterpretationsTable } from '../db/schema.js';

// The one home of the queries on interpretations. Every function takes the executor (`db`, or `trx`).

/** The saved interpretations of an analysis, one row per factor somebody wrote about. */
export async function interpretationRows(
	db: Kysely<Database>,
	analysisId: string
): Promise<Selectable<InterpretationsTable>[]> {
	return db.selectFrom('interpretations').selectAll().where('analysis_id', '=', analysisId).execute();
}

export interface InterpretationRow {
	analysisId: string;
	factor: number;
	name: string;
	narrative: string;
	quotes: Quote[];
	updatedBy: string;
}

/** Saves a factor's interpretation, replacing what was saved for it before. */
export async function upsertInterpretation(db: Kysely<Database>, row: InterpretationRow): Promise<void> {
	const quotes = JSON.stringify(row.quotes);
	await db
		.insertInto('interpretations')
		.values({
			analysis_id: row.analysisId,
			factor: row.factor,
			name: row.name,
			narrative: row.narrative,
			quotes,
			updated_by: row.updatedBy
		})
		.onConflict((oc) =>
			oc.columns(['analysis_id', 'factor']).doUpdateSet({
				name: row.name,
				narrative: row.narrative,
				quotes,
				updated_by: row.updatedBy,
				updated_at: new Date()
			})
		)
		.execute();
}
