import type { FastifyPluginAsync } from 'fastify';
import { auditRequest } from '../audit/actor.js';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { isUuid, requireStudyAccess } from '../studies/access.js';
import { AppError } from '../errors.js';
import { findAnalysis, listAnalyses, loadAnalysisData } from '../analyses/repository.js';
import { compositionFor, createAnalysis, withComposition } from '../analyses/service.js';
import { csrfHeaders, errors, idParams } from './studies/schemas.js';
import { exportFileName, exportSource } from '../exports/analysis-source.js';
import { analysisTextReport } from '../exports/analysis-text.js';
import { analysisWorkbook } from '../exports/analysis-workbook.js';

const analysisNotFound = () =>
	new AppError(404, 'ANALYSIS_NOT_FOUND', 'There is no such analysis, or it is not in one of your studies.');

const anyObject = { type: 'object', additionalProperties: true } as const;

const rotationStep = {
	type: 'object',
	description:
		'A hand rotation {p, q, angle} (factors 1…K, degrees), or {invert: f}, or {split: f}, applied in order after the rotation',
	properties: {
		p: { type: 'integer' },
		q: { type: 'integer' },
		angle: { type: 'number' },
		invert: { type: 'integer' },
		split: { type: 'integer' }
	},
	additionalProperties: false
} as const;

const createBody = {
	type: 'object',
	required: ['extraction', 'factors', 'rotation'],
	additionalProperties: false,
	properties: {
		extraction: { type: 'string', enum: ['pca', 'centroid'] },
		centroidVariant: {
			type: 'string',
			enum: ['qmethod', 'pqmethod'],
			description: "centroid only: qmethod 1.8.4's procedure (default) or PQMethod/KADE's (start 0.5, stop at 0.001)"
		},
		factors: { type: 'integer', description: 'number of factors, 1…8, at most the number of included sorts' },
		rotation: { type: 'string', enum: ['varimax', 'none'] },
		flagLevel: { type: 'number', enum: [0.05, 0.01] },
		rotationSteps: { type: 'array', maxItems: 1000, items: rotationStep },
		flags: {
			type: ['array', 'null'],
			description: 'manual flags [sort][factor] in the order of the included sorts; omitted → automatic flags',
			maxItems: 200000,
			items: { type: 'array', maxItems: 20, items: { type: 'boolean' } }
		},
		name: { type: 'string', maxLength: 200 }
	}
} as const;

const { name: _name, ...requestProperties } = createBody.properties;
/** The analysis request without a name: what the composition of an unsaved analysis is computed from. */
const compositionBody = { ...createBody, properties: requestProperties } as const;

const storedAnalysis = {
	type: 'object',
	required: ['id', 'result'],
	properties: {
		id: { type: 'string' },
		studyId: { type: 'string' },
		name: { type: 'string' },
		createdAt: { type: 'string' },
		createdBy: { anyOf: [{ type: 'null' }, anyObject] },
		request: anyObject,
		engineVersion: { type: 'string' },
		nFactors: { type: 'integer' },
		nSorts: { type: 'integer' },
		result: { ...anyObject, description: "the engine's result, exactly the CLI's `analyze --format json` schema" },
		composition: {
			type: 'array',
			items: anyObject,
			description: 'defining sorts per factor by pre-sort answer; groups below 5 are "< 5"'
		}
	}
} as const;

/**
 * Analyses of a study: run on the server from the stored, included sorts, saved as named versions.
 * Registered under /api with full paths, because they live under two resources (studies and analyses).
 */
const analysisRoutes: FastifyPluginAsync = async (app) => {
	const db = app.database.db;
	app.addHook('onRequest', requireResearcherHook);

	app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
		'/studies/:id/analyses',
		{
			schema: {
				tags: ['analyses'],
				summary: 'Run and save an analysis of the study (owner, co-researcher)',
				params: idParams,
				headers: csrfHeaders,
				body: createBody,
				response: { 201: storedAnalysis, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'edit');
			const stored = await createAnalysis(db, study.id, researcherOf(request).id, request.body);
			await auditRequest(request, study.id, 'analysis.save', { analysis: stored.id, name: stored.name });
			return reply.status(201).send(stored);
		}
	);

	app.get<{ Params: { id: string } }>(
		'/studies/:id/analyses',
		{
			schema: {
				tags: ['analyses'],
				summary: 'Saved analyses of the study, newest first (every member)',
				params: idParams,
				response: {
					200: {
						type: 'object',
						required: ['analyses'],
						properties: { analyses: { type: 'array', items: anyObject } }
					},
					...errors(401, 404)
				}
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { analyses: await listAnalyses(db, study.id) };
		}
	);

	app.get<{ Params: { id: string } }>(
		'/studies/:id/analysis-data',
		{
			schema: {
				tags: ['analyses'],
				summary:
					'The Q-set, grid and included sorts (with comments and interviewer notes, without pre-sort answers) for the workspace',
				params: idParams,
				response: { 200: anyObject, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return (await loadAnalysisData(db, study.id)).data;
		}
	);

	app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
		'/studies/:id/analysis-composition',
		{
			schema: {
				tags: ['analyses'],
				summary:
					'Composition by pre-sort answers of an unsaved analysis: the server recomputes it (same request as saving, without a name) and takes the defining sorts from its own result; groups below 5 are "< 5", and a factor whose defining sorts differ by 1–4 from a composition already shown for the study is withheld',
				params: idParams,
				headers: csrfHeaders,
				body: compositionBody,
				response: {
					200: { type: 'object', properties: { composition: { type: 'array', items: anyObject } } },
					...errors(400, 401, 403, 404, 422)
				}
			}
		},
		async (request) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { composition: await compositionFor(db, study.id, request.body) };
		}
	);

	app.get<{ Params: { id: string } }>(
		'/analyses/:id',
		{
			schema: {
				tags: ['analyses'],
				summary: 'One saved analysis, exactly as stored (every member of its study)',
				params: {
					type: 'object',
					required: ['id'],
					properties: { id: { type: 'string', description: 'analysis id (uuid)' } }
				},
				response: { 200: storedAnalysis, ...errors(401, 404) }
			}
		},
		async (request) => {
			const record = await readableAnalysis(request.params.id, researcherOf(request).id);
			return withComposition(db, record);
		}
	);

	const exportParams = {
		type: 'object',
		required: ['id', 'format'],
		properties: { id: { type: 'string' }, format: { type: 'string', enum: ['xlsx', 'txt', 'json'] } }
	} as const;
	app.get<{ Params: { id: string; format: 'xlsx' | 'txt' | 'json' }; Querystring: { lang?: 'nl' | 'en' } }>(
		'/analyses/:id/export.:format',
		{
			schema: {
				tags: ['analyses'],
				summary: 'A saved analysis as an Excel workbook (KADE/PQMethod sheets), a PQMethod-style text report, or JSON',
				params: exportParams,
				querystring: {
					type: 'object',
					additionalProperties: false,
					properties: {
						lang: { enum: ['nl', 'en'], description: "language of the workbook's sheet names (default en)" }
					}
				},
				response: { ...errors(400, 401, 404, 409) }
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
