import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { FactorComposition } from '../../src/lib/analysis/types.js';
import type { Database } from '../db/schema.js';
import { factorComposition, MIN_GROUP_SIZE, withheldComposition } from './composition.js';
import { loadAnalysisData, loadPreSortQuestions } from './repository.js';

/** A composition is shown only if its defining set differs from every one shown before by 0 or at least this many sorts. */
export const MIN_SET_DIFFERENCE = 5;

/** Number of sorts in exactly one of the two sets. */
export function setDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let only = 0;
	for (const id of a) if (!b.has(id)) only++;
	for (const id of b) if (!a.has(id)) only++;
	return only;
}

function labelsOf(value: unknown): string[] {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The composition of each factor's defining sorts by pre-sort answers, for defining sets the server
 * derived itself (from a saved analysis or one it recomputed; never a client's list), under two rules:
 * every group below 5 is "< 5" (composition.ts), and a set that differs from a set already shown for
 * the study by 1–4 sorts is withheld, because comparing the two would reveal those few people's answers.
 * Shown sets (of at least 5 sorts; smaller ones show nothing) are recorded in Postgres, inside one
 * transaction that holds a per-study lock, so the rule holds across requests and server processes.
 */
export async function discloseComposition(
	db: Kysely<Database>,
	studyId: string,
	defining: readonly (readonly string[])[]
): Promise<FactorComposition[]> {
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtextextended(${`composition:${studyId}`}, 0))`.execute(trx);
		const { answers } = await loadAnalysisData(trx, studyId);
		const questions = await loadPreSortQuestions(trx, studyId);
		const shownRows = await trx
			.selectFrom('composition_disclosures')
			.select('sort_labels')
			.where('study_id', '=', studyId)
			.execute();
		const shown = shownRows.map((row) => new Set(labelsOf(row.sort_labels)));
		const available = new Set(answers.map((sort) => sort.id));
		// Duplicates and unknown ids cannot count: each factor is a set of the study's included sorts.
		const sets = defining.map((ids) => [...new Set(ids.filter((id) => available.has(id)))].sort());
		const withheld = new Set<number>();
		for (const [factor, members] of sets.entries()) {
			if (members.length < MIN_GROUP_SIZE) continue;
			const set = new Set(members);
			const differences = shown.map((other) => setDifference(set, other));
			if (differences.some((d) => d > 0 && d < MIN_SET_DIFFERENCE)) {
				withheld.add(factor);
				continue;
			}
			if (differences.includes(0)) continue;
			const digest = createHash('sha256').update(members.join('\n')).digest('hex');
			await trx
				.insertInto('composition_disclosures')
				.values({ study_id: studyId, digest, sort_labels: JSON.stringify(members) })
				.onConflict((oc) => oc.columns(['study_id', 'digest']).doNothing())
				.execute();
			shown.push(set);
		}
		return factorComposition(sets, answers, questions).map((composition, factor) =>
			withheld.has(factor) ? withheldComposition(composition) : composition
		);
	});
}
