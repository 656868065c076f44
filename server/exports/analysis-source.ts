import type { Kysely } from 'kysely';
import { sameNumbers } from '../../src/lib/analysis/number-diff.js';
import { engineInput, runRequest } from '../../src/lib/analysis/pipeline.js';
import type { AnalysisData, StoredAnalysis } from '../../src/lib/analysis/types.js';
import {
	correlationFromScaled,
	toAnalysisJson,
	unitScaledSorts,
	type FullAnalysis
} from '../../src/lib/qmethod/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { loadAnalysisData } from '../analyses/repository.js';

/** What every export of a saved version is built from. */
export interface ExportSource {
	stored: StoredAnalysis;
	full: FullAnalysis;
	data: AnalysisData;
	/** Sort × sort correlations, row-major. */
	correlations: Float64Array;
	/** Statement texts in the study's first language, in engine order. */
	texts: string[];
}

/**
 * Re-runs a saved version on the sorts it was saved with (withdrawn sorts are gone and are never
 * exported). The exports need tables the stored result does not keep (unrotated loadings, weights,
 * correlations), so they come from the re-run — which must reproduce the stored numbers exactly;
 * otherwise the data changed since saving and the export is refused (409 ANALYSIS_STALE).
 */
export async function exportSource(
	db: Kysely<Database>,
	stored: StoredAnalysis,
	inputs: { sortIds: string[] }
): Promise<ExportSource> {
	const { data } = await loadAnalysisData(db, stored.studyId);
	const byId = new Map(data.sorts.map((s) => [s.id, s]));
	const sorts = inputs.sortIds.map((id) => byId.get(id));
	const stale = () =>
		new AppError(
			409,
			'ANALYSIS_STALE',
			'The study data changed since this version was saved; run the analysis again and save a new version to export it.'
		);
	if (sorts.some((s) => !s)) throw stale();
	const sameData: AnalysisData = { ...data, sorts: sorts as AnalysisData['sorts'] };
	let full: FullAnalysis;
	try {
		full = runRequest(engineInput(sameData), stored.request);
	} catch {
		throw stale();
	}
	if (!sameNumbers(toAnalysisJson(full), stored.result)) throw stale();
	const n = full.data.nSorts;
	const m = full.data.nStatements;
	const language = data.languages[0] ?? 'nl';
	return {
		stored,
		full,
		data: sameData,
		correlations: correlationFromScaled(unitScaledSorts(full.data, 'pearson'), n, m).data,
		texts: sameData.statements.map((s) => s.text[language] ?? Object.values(s.text)[0] ?? '')
	};
}

/** A file name from the version's name, e.g. "standpunt-analysis-centroid-4.xlsx". */
export function exportFileName(stored: StoredAnalysis, extension: string): string {
	const base = (stored.name || `${stored.request.extraction}-${stored.nFactors}`)
		.normalize('NFKD')
		.replace(/[^\w-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase()
		.slice(0, 60);
	return `standpunt-analysis-${base || 'version'}.${extension}`;
}
