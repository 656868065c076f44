import type {
	AnalysisData,
	AnalysisRequest,
	AnalysisSummary,
	FactorComposition,
	StoredAnalysis
} from '$lib/analysis/types';
import type { Locale } from '$lib/i18n/types';
import type { AnalysisExportFormat } from './types/analyses';
import { download, get, post } from './client';

/** The analysis API (server/routes/analyses.ts). */
export const analysesApi = {
	data: (studyId: string) => get<AnalysisData>(`/studies/${studyId}/analysis-data`),
	list: (studyId: string) =>
		get<{ analyses: AnalysisSummary[] }>(`/studies/${studyId}/analyses`).then((r) => r.analyses),
	get: (id: string) => get<StoredAnalysis>(`/analyses/${id}`),
	create: (studyId: string, request: AnalysisRequest & { name?: string }) =>
		post<StoredAnalysis>(`/studies/${studyId}/analyses`, request),
	/** The server recomputes the analysis from the request and takes the defining sorts from its own result. */
	composition: (studyId: string, request: AnalysisRequest) =>
		post<{ composition: FactorComposition[] }>(`/studies/${studyId}/analysis-composition`, request).then(
			(r) => r.composition
		),
	exportFile: (id: string, format: AnalysisExportFormat, lang?: Locale) =>
		download(`/analyses/${id}/export.${format}${lang ? `?lang=${lang}` : ''}`)
};
