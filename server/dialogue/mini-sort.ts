import type { Kysely } from 'kysely';
import type { MiniSortOutcome, MiniSortStatement } from '../../src/lib/api/types/dialogue.js';
import { chooseMiniSortStatements, closestViewpoint, MINI_SORT_VALUES } from '../../src/lib/dialogue/mini-sort.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { DialogueSession, LoadedAnalysis } from './access.js';
import type { Attendee } from './attendance.js';
import { markMiniSortDone } from './attendees-repository.js';
import { incrementMiniSortTally } from './mini-sort-tallies-repository.js';
import { statementTexts } from './texts.js';

function requireMiniSort(session: DialogueSession): void {
	if (!session.mini_sort) throw new AppError(409, 'MINI_SORT_OFF', 'This session has no mini-sort.');
}

export async function miniSortStatements(
	db: Kysely<Database>,
	session: DialogueSession,
	analysis: LoadedAnalysis,
	lang: string | undefined
): Promise<MiniSortStatement[]> {
	requireMiniSort(session);
	const texts = await statementTexts(db, analysis.studyId, lang);
	return chooseMiniSortStatements(analysis.result).map((index) => {
		const code = analysis.result.statementCodes[index];
		return { code, text: texts.get(code) ?? code };
	});
}

/**
 * Scores a mini-sort against the factor arrays and returns the closest viewpoint to the attendee only.
 * What is kept is one increment of a per-session count for that viewpoint (once per attendee): no sort,
 * no link to the attendee.
 */
export async function submitMiniSort(
	db: Kysely<Database>,
	session: DialogueSession,
	analysis: LoadedAnalysis,
	attendee: Attendee,
	placements: Record<string, number>
): Promise<MiniSortOutcome> {
	requireMiniSort(session);
	const chosen = chooseMiniSortStatements(analysis.result);
	const values: number[] = [];
	for (const index of chosen) {
		const code = analysis.result.statementCodes[index];
		const value = placements[code];
		if (typeof value !== 'number' || !(MINI_SORT_VALUES as readonly number[]).includes(value)) {
			throw new AppError(422, 'MINI_SORT_INVALID', `Give statement ${code} a value from −2 to +2.`);
		}
		values.push(value);
	}
	const extra = Object.keys(placements).filter(
		(code) => !chosen.some((i) => analysis.result.statementCodes[i] === code)
	);
	if (extra.length > 0)
		throw new AppError(422, 'MINI_SORT_INVALID', `Statement ${extra[0]} is not part of the mini-sort.`);
	if (new Set(values).size < 2) {
		throw new AppError(422, 'MINI_SORT_INVALID', 'Use at least two different values, so the sort can be compared.');
	}
	const closest = closestViewpoint(analysis.result, chosen, values);
	const counted = await db.transaction().execute(async (trx) => {
		if (!(await markMiniSortDone(trx, attendee.id))) return false;
		await incrementMiniSortTally(trx, session.id, closest.factor);
		return true;
	});
	return { ...closest, counted };
}
