import type { Kysely } from 'kysely';
import type { AnalysisResultLike } from '../../src/lib/dialogue/analysis-result.js';
import type { Database, DialogueSessionsTable } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { findAnalysisResult } from '../analyses/repository.js';
import { AppError } from '../errors.js';
import { findSession } from './sessions-repository.js';
import { isUuid, type Permission, requireStudyAccess, type StudyAccess } from '../studies/access.js';

export interface LoadedAnalysis {
	id: string;
	studyId: string;
	name: string;
	result: AnalysisResultLike;
}

export type DialogueSession = Selectable<DialogueSessionsTable>;

export const analysisNotFound = () =>
	new AppError(404, 'ANALYSIS_NOT_FOUND', 'There is no such saved analysis, or it is not in one of your studies.');
export const sessionNotFound = () =>
	new AppError(404, 'SESSION_NOT_FOUND', 'There is no such dialogue session, or it is not in one of your studies.');

export async function loadAnalysis(db: Kysely<Database>, analysisId: string): Promise<LoadedAnalysis | undefined> {
	if (!isUuid(analysisId)) return undefined;
	const row = await findAnalysisResult(db, analysisId);
	if (!row) return undefined;
	return { id: row.id, studyId: row.study_id, name: row.name, result: row.result as AnalysisResultLike };
}

/**
 * A saved analysis the researcher may use with `permission` on its study. Someone else's analysis
 * answers 404 exactly like a missing one (the study access rule of the researcher API).
 */
export async function requireAnalysisAccess(
	db: Kysely<Database>,
	researcherId: string,
	analysisId: string,
	permission: Permission
): Promise<{ analysis: LoadedAnalysis; access: StudyAccess }> {
	const analysis = await loadAnalysis(db, analysisId);
	if (!analysis) throw analysisNotFound();
	try {
		return { analysis, access: await requireStudyAccess(db, researcherId, analysis.studyId, permission) };
	} catch (error) {
		if (error instanceof AppError && error.statusCode === 404) throw analysisNotFound();
		throw error;
	}
}

/** A dialogue session of one of the researcher's studies (any member may run sessions), with its analysis. */
export async function requireSessionAccess(
	db: Kysely<Database>,
	researcherId: string,
	sessionId: string
): Promise<{ session: DialogueSession; analysis: LoadedAnalysis; access: StudyAccess }> {
	if (!isUuid(sessionId)) throw sessionNotFound();
	const session = await findSession(db, sessionId);
	if (!session) throw sessionNotFound();
	try {
		const { analysis, access } = await requireAnalysisAccess(db, researcherId, session.analysis_id, 'read');
		return { session, analysis, access };
	} catch (error) {
		if (error instanceof AppError && error.statusCode === 404) throw sessionNotFound();
		throw error;
	}
}
