import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { requireAnalysisAccess } from '../dialogue/access.js';
import { readInterpretations } from '../dialogue/interpretations-read.js';
import { quoteCandidates, saveInterpretation } from '../dialogue/interpretations.js';
import { buildPresentation } from '../dialogue/presentation.js';
import { csrfHeaders, errors, idParams, langQuery } from './common-schemas.js';
import {
	candidateListSchema,
	interpretationInputSchema,
	interpretationListSchema,
	interpretationSchema,
	presentationSchema
} from '../../src/lib/api/types/interpretations.js';

const factorParams = {
	type: 'object',
	required: ['id', 'factor'],
	properties: { id: { type: 'string', maxLength: 64 }, factor: { type: 'integer', minimum: 1, maximum: 8 } }
} as const;

/**
 * Interpretation of a saved analysis (issue 7 §1) and the presentation built from it, registered
 * under /api/analyses. Every member reads; owners and co-researchers write.
 */
const interpretationRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;
	app.addHook('preHandler', requireResearcherHook);

	app.get(
		'/:id/interpretations',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'Name, narrative and quotes of every factor',
				params: idParams,
				response: { 200: interpretationListSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { interpretations: await readInterpretations(db, analysis.id, analysis.result.nFactors) };
		}
	);

	app.get(
		'/:id/interpretations/:factor/candidates',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'The comments and interviewer notes of the factor’s defining sorts, by respondent number',
				params: factorParams,
				response: { 200: candidateListSchema, ...errors(400, 401, 403, 404) }
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'edit');
			return { candidates: await quoteCandidates(db, analysis, request.params.factor) };
		}
	);

	app.put(
		'/:id/interpretations/:factor',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'Save a factor’s name, narrative and quotes',
				params: factorParams,
				headers: csrfHeaders,
				body: interpretationInputSchema,
				response: { 200: interpretationSchema, ...errors(400, 401, 403, 404, 422) }
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'edit');
			return saveInterpretation(db, analysis, request.params.factor, researcherOf(request).id, request.body);
		}
	);

	app.get(
		'/:id/presentation',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'The slides’ content: study, viewpoints with their idealised sorts and quotes, consensus',
				params: idParams,
				querystring: langQuery,
				response: { 200: presentationSchema, ...errors(400, 401, 404) }
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return buildPresentation(db, analysis, request.query.lang);
		}
	);
};

export default interpretationRoutes;
