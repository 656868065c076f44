import type { Kysely } from 'kysely';
import type { Viewpoint } from '../../src/lib/api/types/dialogue.js';
import type { Interpretation } from '../../src/lib/api/types/interpretations.js';
import type { Database } from '../db/schema.js';
import { interpretationRows } from './interpretations-repository.js';

/** The interpretation of every factor of an analysis; factors nobody wrote about yet come back empty. */
export async function readInterpretations(
	db: Kysely<Database>,
	analysisId: string,
	nFactors: number
): Promise<Interpretation[]> {
	const rows = await interpretationRows(db, analysisId);
	return Array.from({ length: nFactors }, (_, i) => {
		const row = rows.find((r) => r.factor === i + 1);
		return {
			factor: i + 1,
			name: row?.name ?? '',
			narrative: row?.narrative ?? '',
			quotes: row?.quotes ?? [],
			updatedAt: row ? new Date(row.updated_at).toISOString() : null
		};
	});
}

/** Viewpoint names for attendees and presenters: the interpreted name, or empty when none was given. */
export async function viewpointNames(db: Kysely<Database>, analysisId: string, nFactors: number): Promise<Viewpoint[]> {
	return (await readInterpretations(db, analysisId, nFactors)).map(({ factor, name }) => ({ factor, name }));
}
