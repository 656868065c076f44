import type { Kysely } from 'kysely';
import { engineInput, resultOf } from '../../src/lib/analysis/pipeline.js';
import { AnalysisRequestError, normalizeRequest } from '../../src/lib/analysis/request.js';
import type {
	AnalysisData,
	AnalysisRequest,
	AnalysisResult,
	FactorComposition,
	StoredAnalysis
} from '../../src/lib/analysis/types.js';
import { ENGINE_VERSION, QMethodInputError } from '../../src/lib/qmethod/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { discloseComposition } from './disclosure.js';
import { findAnalysis, insertAnalysis, loadAnalysisData, type AnalysisRecord } from './repository.js';

/** Engine and request problems become 422 with a stable code; nothing is stored. */
export function toAppError(error: unknown): unknown {
	if (error instanceof AnalysisRequestError) return new AppError(422, error.code, error.message);
	if (error instanceof QMethodInputError)
		return new AppError(422, error.code.toUpperCase(), `The analysis cannot run: ${error.message}.`);
	return error;
}

/** Runs a request on the study's stored, included sorts (client numbers are never used). */
export async function computeAnalysis(
	db: Kysely<Database>,
	studyId: string,
	body: Record<string, unknown>
): Promise<{ request: AnalysisRequest; result: AnalysisResult; data: AnalysisData }> {
	const { data } = await loadAnalysisData(db, studyId);
	try {
		const request = normalizeRequest(body, data.sorts.length, data.statements.length);
		return { request, result: resultOf(engineInput(data), request), data };
	} catch (error) {
		throw toAppError(error);
	}
}

/** The defining sort ids per factor, from a result's flags. */
export function definingSorts(result: Pick<AnalysisResult, 'sortIds' | 'flagged' | 'nFactors'>): string[][] {
	return Array.from({ length: result.nFactors }, (_, f) => result.sortIds.filter((_, i) => result.flagged[i]?.[f]));
}

/**
 * The composition of an unsaved analysis: the server recomputes it from the stored sorts with the
 * request's extraction, rotation and flags, and takes the defining sorts from that result.
 */
export async function compositionFor(
	db: Kysely<Database>,
	studyId: string,
	body: Record<string, unknown>
): Promise<FactorComposition[]> {
	const { result } = await computeAnalysis(db, studyId, body);
	return discloseComposition(db, studyId, definingSorts(result));
}

export async function createAnalysis(
	db: Kysely<Database>,
	studyId: string,
	researcherId: string,
	body: Record<string, unknown>
): Promise<StoredAnalysis> {
	const { request, result, data } = await computeAnalysis(db, studyId, body);
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	const id = await insertAnalysis(db, {
		studyId,
		name,
		createdBy: researcherId,
		request,
		result,
		inputs: { sortIds: data.sorts.map((s) => s.id), statementCodes: data.statements.map((s) => s.code) },
		engineVersion: ENGINE_VERSION
	});
	const record = await findAnalysis(db, id);
	if (!record) throw new Error('a stored analysis could not be read back');
	return withComposition(db, record);
}

export async function withComposition(db: Kysely<Database>, record: AnalysisRecord): Promise<StoredAnalysis> {
	const composition = await discloseComposition(db, record.summary.studyId, definingSorts(record.result));
	return { ...record.summary, result: record.result, composition };
}
