import { sql, type Kysely } from 'kysely';
import type { AnalysisData, AnalysisRequest, AnalysisResult, AnalysisSummary } from '../../src/lib/analysis/types.js';
import type { Database, QuestionOption, LocalizedText } from '../db/schema.js';
import { researcherNames, type ResearcherName } from '../auth/researchers.js';
import { loadGrid } from '../studies/grid.js';
import { preSortChoiceQuestionRows } from '../studies/questions.js';
import { sortRows } from '../studies/sorts-repository.js';
import { qsetStatements } from '../studies/statements-repository.js';
import { getStudy } from '../studies/studies-repository.js';

/** Which sorts and statements went into an analysis, in engine order. */
export interface AnalysisInputs {
	sortIds: string[];
	statementCodes: string[];
}

/** An included sort with its pre-sort answers (which never leave the server). */
export interface SortAnswers {
	id: string;
	answers: Record<string, unknown>;
}

export interface PreSortQuestion {
	key: string;
	type: string;
	prompt: LocalizedText;
	options: QuestionOption[];
}

/**
 * The study's analysable data: Q-set statements in order, the grid, and every sort that is not
 * excluded, ordered by submission time and label (a fixed order, so a re-run sees the same matrix).
 */
export async function loadAnalysisData(
	db: Kysely<Database>,
	studyId: string
): Promise<{ data: AnalysisData; answers: SortAnswers[] }> {
	const study = await getStudy(db, studyId);
	const statements = await qsetStatements(db, studyId);
	const grid = await loadGrid(db, studyId);
	const rows = await sortRows(db, studyId);
	const included = rows.filter((row) => !row.excluded);
	const codes = statements.map((s) => s.code);
	return {
		data: {
			studyId,
			languages: study.languages,
			forced: study.grid_forced,
			grid,
			statements: statements.map((s) => ({ code: s.code, text: s.text })),
			sorts: included.map((row) => ({
				id: row.label,
				// A statement without a placement becomes NaN, which the engine refuses with the sort's name.
				values: codes.map((code) => (typeof row.placements[code] === 'number' ? row.placements[code] : Number.NaN)),
				synthetic: row.synthetic,
				comments: row.comments ?? {},
				notes: row.interviewer_notes ?? {}
			})),
			excludedCount: rows.length - included.length
		},
		answers: included.map((row) => ({ id: row.label, answers: row.answers ?? {} }))
	};
}

export async function loadPreSortQuestions(db: Kysely<Database>, studyId: string): Promise<PreSortQuestion[]> {
	const rows = await preSortChoiceQuestionRows(db, studyId);
	return rows.map((row) => ({ key: row.key, type: row.type, prompt: row.prompt, options: row.options }));
}

export interface NewAnalysis {
	studyId: string;
	name: string;
	createdBy: string;
	request: AnalysisRequest;
	result: AnalysisResult;
	inputs: AnalysisInputs;
	engineVersion: string;
}

export interface AnalysisRecord {
	summary: AnalysisSummary;
	result: AnalysisResult;
	inputs: AnalysisInputs;
}

const columns = [
	'a.id',
	'a.study_id',
	'a.name',
	'a.created_at',
	'a.request',
	'a.engine_version',
	'a.created_by'
] as const;

type Row = {
	id: string;
	study_id: string;
	name: string;
	created_at: Date;
	request: unknown;
	engine_version: string;
	created_by: string | null;
	n_factors?: unknown;
	n_sorts?: unknown;
};

/**
 * A stored request as the API answers it. Saved by this version it is normalised already; a row written otherwise
 * (an import, an older version) may lack the optional fields, which get normalizeRequest's defaults (flag level .05,
 * no steps, automatic flags), so that every answer has them.
 */
function storedRequest(value: unknown): AnalysisRequest {
	const stored = value as Partial<AnalysisRequest> & Pick<AnalysisRequest, 'extraction' | 'factors' | 'rotation'>;
	return {
		...stored,
		flagLevel: stored.flagLevel ?? 0.05,
		rotationSteps: stored.rotationSteps ?? [],
		flags: stored.flags ?? null
	};
}

function toSummary(row: Row, names: Map<string, ResearcherName>, nFactors: number, nSorts: number): AnalysisSummary {
	const creator = row.created_by ? names.get(row.created_by) : undefined;
	return {
		id: row.id,
		studyId: row.study_id,
		name: row.name,
		createdAt: new Date(row.created_at).toISOString(),
		createdBy: row.created_by
			? { id: row.created_by, displayName: creator?.displayName ?? '', email: creator?.email ?? '' }
			: null,
		request: storedRequest(row.request),
		engineVersion: row.engine_version,
		nFactors,
		nSorts
	};
}

export async function insertAnalysis(db: Kysely<Database>, analysis: NewAnalysis): Promise<string> {
	const { id } = await db
		.insertInto('analyses')
		.values({
			study_id: analysis.studyId,
			name: analysis.name,
			created_by: analysis.createdBy,
			request: JSON.stringify(analysis.request),
			result: JSON.stringify(analysis.result),
			inputs: JSON.stringify(analysis.inputs),
			engine_version: analysis.engineVersion
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

const creators = (rows: { created_by: string | null }[]) =>
	rows.flatMap((row) => (row.created_by ? [row.created_by] : []));

/** Saved analyses of a study, newest first, without their (large) results. */
export async function listAnalyses(db: Kysely<Database>, studyId: string): Promise<AnalysisSummary[]> {
	const rows = await db
		.selectFrom('analyses as a')
		.select(columns)
		.select([sql<number>`a.result->'nFactors'`.as('n_factors'), sql<number>`a.result->'nSorts'`.as('n_sorts')])
		.where('a.study_id', '=', studyId)
		.orderBy('a.created_at', 'desc')
		.orderBy('a.id')
		.execute();
	const names = await researcherNames(db, creators(rows));
	return rows.map((row) => toSummary(row as Row, names, Number(row.n_factors), Number(row.n_sorts)));
}

export async function findAnalysis(db: Kysely<Database>, id: string): Promise<AnalysisRecord | undefined> {
	const row = await db
		.selectFrom('analyses as a')
		.select(columns)
		.select(['a.result', 'a.inputs'])
		.where('a.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const result = row.result as AnalysisResult;
	const names = await researcherNames(db, creators([row]));
	return {
		summary: toSummary(row as Row, names, result.nFactors, result.nSorts),
		result,
		inputs: row.inputs as AnalysisInputs
	};
}

/** An analysis's id, study, name and result (what the dialogue and interpretation pages work from). */
export async function findAnalysisResult(
	db: Kysely<Database>,
	id: string
): Promise<{ id: string; study_id: string; name: string; result: unknown } | undefined> {
	return db.selectFrom('analyses').select(['id', 'study_id', 'name', 'result']).where('id', '=', id).executeTakeFirst();
}

/** Every saved analysis of a study with its result, oldest first. */
export async function listAnalysisResults(
	db: Kysely<Database>,
	studyId: string
): Promise<{ id: string; name: string; result: unknown }[]> {
	return db
		.selectFrom('analyses')
		.select(['id', 'name', 'result'])
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.execute();
}

/** How many saved analyses a study has. */
export async function countAnalyses(db: Kysely<Database>, studyId: string): Promise<number> {
	const row = await db
		.selectFrom('analyses')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('study_id', '=', studyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
