import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { auditRequest } from '../audit/actor.js';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { isUuid, requireStudyAccess } from '../studies/access.js';
import { AppError } from '../errors.js';
import { findAnalysis, listAnalyses, loadAnalysisData } from '../analyses/repository.js';
import { compositionFor, createAnalysis, withComposition } from '../analyses/service.js';
import { exportFileName, exportSource } from '../exports/analysis-source.js';
import { analysisTextReport } from '../exports/analysis-text.js';
import { analysisWorkbook } from '../exports/analysis-workbook.js';
import {
	analysisList,
	analysisParams,
	compositionBody,
	compositionResponse,
	createBody,
	exportParams,
	exportQuery
} from './analyses.schemas.js';
import { csrfHeaders, download, errors, idParams } from './common-schemas.js';
import { analysisDataSchema, storedAnalysisSchema } from '../../src/lib/api/types/analyses.js';

const analysisNotFound = () =>
	new AppError(404, 'ANALYSIS_NOT_FOUND', 'There is no such analysis, or it is not in one of your studies.');

/**
 * Analyses of a study: run on the server from the stored, included sorts, saved as named versions.
 * Registered under /api with full paths, because they live under two resources (studies and analyses).
 */
const analysisRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;
	app.addHook('onRequest', requireResearcherHook);

	app.post(
		'/studies/:id/analyses',
		{
			schema: {
				tags: ['analyses'],
				summary: 'Run and save an analysis of the study (owner, co-researcher)',
				params: idParams,
				headers: csrfHeaders,
				body: createBody,
				response: { 201: storedAnalysisSchema, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'edit');
			const stored = await createAnalysis(db, study.id, researcherOf(request).id, request.body);
			await auditRequest(request, study.id, 'analysis.save', { analysis: stored.id, name: stored.name });
			return reply.status(201).send(stored);
		}
	);

	app.get(
		'/studies/:id/analyses',
		{
			schema: {
				tags: ['analyses'],
				summary: 'Saved analyses of the study, newest first (every member)',
				params: idParams,
				response: { 200: analysisList, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { analyses: await listAnalyses(db, study.id) };
		}
	);

	app.get(
		'/studies/:id/analysis-data',
		{
			schema: {
				tags: ['analyses'],
				summary:
					'The Q-set, grid and included sorts (with comments and interviewer notes, without pre-sort answers) for the workspace',
				params: idParams,
				response: { 200: analysisDataSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return (await loadAnalysisData(db, study.id)).data;
		}
	);

	app.post(
		'/studies/:id/analysis-composition',
		{
			schema: {
				tags: ['analyses'],
				summary:
					'Composition by pre-sort answers of an unsaved analysis: the server recomputes it (same request as saving, without a name) and takes the defining sorts from its own result; groups below 5 are "< 5", and a factor whose defining sorts differ by 1–4 from a composition already shown for the study is withheld',
				params: idParams,
				headers: csrfHeaders,
				body: compositionBody,
				response: { 200: compositionResponse, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { composition: await compositionFor(db, study.id, request.body) };
		}
	);

	app.get(
		'/analyses/:id',
		{
			schema: {
				tags: ['analyses'],
				summary: 'One saved analysis, exactly as stored (every member of its study)',
				params: analysisParams,
				response: { 200: storedAnalysisSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const record = await readableAnalysis(request.params.id, researcherOf(request).id);
			return withComposition(db, record);
		}
	);

	app.get(
		'/analyses/:id/export.:format',
		{
			schema: {
				tags: ['analyses'],
				summary: 'A saved analysis as an Excel workbook (KADE/PQMethod sheets), a PQMethod-style text report, or JSON',
				params: exportParams,
				querystring: exportQuery,
				response: {
					200: download(
						'the analysis as a file (content-disposition: attachment)',
						'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
						'text/plain',
						'application/json'
					),
					...errors(400, 401, 404, 409)
				}
			}
		},
		async (request, reply) => {
			const record = await readableAnalysis(request.params.id, researcherOf(request).id);
			const stored = await withComposition(db, record);
			const { format } = request.params;
			const attachment = (extension: string) => `attachment; filename="${exportFileName(stored, extension)}"`;
			await auditRequest(request, record.summary.studyId, 'export.analysis', { analysis: record.summary.id, format });
			if (format === 'json') {
				return reply
					.header('content-disposition', attachment('json'))
					.type('application/json')
					.send(JSON.stringify(stored, null, 2));
			}
			const source = await exportSource(db, stored, record.inputs);
			if (format === 'txt') {
				return reply
					.header('content-disposition', attachment('txt'))
					.type('text/plain; charset=utf-8')
					.send(analysisTextReport(source));
			}
			return reply
				.header('content-disposition', attachment('xlsx'))
				.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
				.send(await analysisWorkbook(source, request.query.lang ?? 'en'));
		}
	);

	/** A saved analysis the researcher may read; another study's analysis answers like a missing one. */
	async function readableAnalysis(id: string, researcherId: string) {
		if (!isUuid(id)) throw analysisNotFound();
		const record = await findAnalysis(db, id);
		if (!record) throw analysisNotFound();
		try {
			await requireStudyAccess(db, researcherId, record.summary.studyId, 'read');
		} catch {
			throw analysisNotFound();
		}
		return record;
	}
};

export default analysisRoutes;
