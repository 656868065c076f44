import type { Kysely } from 'kysely';
import type { AnalysisReactions, SessionReactions } from '../../src/lib/api/types/dialogue.js';
import { bestFitOptions, type DialogueQuestion } from '../../src/lib/dialogue/questions.js';
import { buildTally, combineTallies, type Counts, type Tally } from '../../src/lib/dialogue/tally.js';
import { listAnalysisResults } from '../analyses/repository.js';
import type { Database } from '../db/schema.js';
import type { AnalysisResultLike } from '../../src/lib/dialogue/analysis-result.js';
import { countAttendees } from './attendees-repository.js';
import { viewpointNames } from './interpretations-read.js';
import { miniSortCounts } from './mini-sort-tallies-repository.js';
import { listSessions } from './sessions.js';
import { listFreeTexts, tallySessions } from './tallies.js';

/** The mini-sort outcome as a tally: how many attendees came out closest to each viewpoint, or none. */
function miniSortQuestion(nFactors: number): DialogueQuestion {
	return { key: 'mini-sort', kind: 'best-fit', options: bestFitOptions(nFactors).filter((o) => o !== 'mix') };
}

/** The mini-sort outcome per session and over all sessions, under the same rule as the questions. */
async function miniSortTallies(
	db: Kysely<Database>,
	sessionIds: string[],
	nFactors: number
): Promise<{ perSession: Map<string, Tally>; combined: Tally }> {
	const counts = new Map<string, Counts>(sessionIds.map((id) => [id, {}]));
	for (const row of await miniSortCounts(db, sessionIds)) {
		const entry = counts.get(row.session_id);
		if (entry) entry[row.factor === 0 ? 'none' : `factor-${row.factor}`] = row.n;
	}
	const question = miniSortQuestion(nFactors);
	return {
		perSession: new Map(sessionIds.map((id) => [id, buildTally(question, counts.get(id) ?? {})])),
		combined: combineTallies(
			question,
			sessionIds.map((id) => counts.get(id) ?? {})
		)
	};
}

/** Reactions per session and for all sessions together, for every analysis of a study that has sessions. */
export async function studyReactions(db: Kysely<Database>, studyId: string): Promise<AnalysisReactions[]> {
	const analyses = await listAnalysisResults(db, studyId);
	const report: AnalysisReactions[] = [];
	for (const analysis of analyses) {
		const sessions = await listSessions(db, [analysis.id]);
		if (sessions.length === 0) continue;
		const nFactors = (analysis.result as AnalysisResultLike).nFactors;
		const ids = sessions.map((s) => s.id);
		const tallies = await tallySessions(db, ids, nFactors);
		const miniSort = await miniSortTallies(db, ids, nFactors);
		const perSession: SessionReactions[] = [];
		for (const session of sessions) {
			perSession.push({
				...session,
				attendees: await countAttendees(db, [session.id]),
				tallies: tallies.perSession.get(session.id) ?? [],
				miniSortTally: miniSort.perSession.get(session.id)!
			});
		}
		const texts: AnalysisReactions['freeTexts'] = [];
		for (const session of sessions) {
			for (const text of await listFreeTexts(db, [session.id], ['pending', 'shown', 'hidden']))
				texts.push({ ...text, sessionId: session.id });
		}
		report.push({
			analysisId: analysis.id,
			name: analysis.name,
			nFactors,
			viewpoints: await viewpointNames(db, analysis.id, nFactors),
			sessions: perSession,
			combined: {
				attendees: await countAttendees(db, ids),
				tallies: tallies.combined,
				miniSortTally: miniSort.combined
			},
			freeTexts: texts
		});
	}
	return report;
}
