import type { FastifyPluginAsync } from 'fastify';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { requireAnalysisAccess } from '../dialogue/access.js';
import { readInterpretations } from '../dialogue/interpretations-read.js';
import {
	type InterpretationInput,
	QUOTE_MAX,
	quoteCandidates,
	saveInterpretation
} from '../dialogue/interpretations.js';
import { buildPresentation } from '../dialogue/presentation.js';
import { errors, idParams, langQuery } from '../dialogue/schemas.js';

type FactorParams = { id: string; factor: number };
const factorParams = {
	type: 'object',
	required: ['id', 'factor'],
	properties: { id: { type: 'string', maxLength: 64 }, factor: { type: 'integer', minimum: 1, maximum: 8 } }
} as const;

const interpretationBody = {
	type: 'object',
	required: ['name', 'narrative', 'quotes'],
	additionalProperties: false,
	properties: {
		name: { type: 'string', maxLength: 120 },
		narrative: { type: 'string', maxLength: 4000 },
		quotes: {
			type: 'array',
			maxItems: QUOTE_MAX,
			items: {
				type: 'object',
				required: ['sortId', 'text', 'source'],
				properties: {
					sortId: { type: 'string', maxLength: 200 },
					text: { type: 'string', minLength: 1, maxLength: 2000 },
					source: { type: 'string', enum: ['comment', 'interviewer_note'] },
					statement: { type: 'string', maxLength: 40 },
					respondent: { type: 'string', description: 'ignored: the server fills in the respondent number' }
				}
			}
		}
	}
} as const;

/**
 * Interpretation of a saved analysis (issue 7 §1) and the presentation built from it, registered
 * under /api/analyses. Every member reads; owners and co-researchers write.
 */
const interpretationRoutes: FastifyPluginAsync = async (app) => {
	const db = app.database.db;
	app.addHook('preHandler', requireResearcherHook);

	app.get<{ Params: { id: string } }>(
		'/:id/interpretations',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'Name, narrative and quotes of every factor',
				params: idParams,
				response: errors(401, 404)
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { interpretations: await readInterpretations(db, analysis.id, analysis.result.nFactors) };
		}
	);

	app.get<{ Params: FactorParams }>(
		'/:id/interpretations/:factor/candidates',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'The comments and interviewer notes of the factor’s defining sorts, by respondent number',
				params: factorParams,
				response: errors(401, 403, 404)
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'edit');
			return { candidates: await quoteCandidates(db, analysis, request.params.factor) };
		}
	);

	app.put<{ Params: FactorParams; Body: InterpretationInput }>(
		'/:id/interpretations/:factor',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'Save a factor’s name, narrative and quotes',
				params: factorParams,
				body: interpretationBody,
				response: errors(401, 403, 404, 422)
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'edit');
			return saveInterpretation(db, analysis, request.params.factor, researcherOf(request).id, request.body);
		}
	);

	app.get<{ Params: { id: string }; Querystring: { lang?: 'nl' | 'en' } }>(
		'/:id/presentation',
		{
			schema: {
				tags: ['interpretation'],
				summary: 'The slides’ content: study, viewpoints with their idealised sorts and quotes, consensus',
				params: idParams,
				querystring: langQuery,
				response: errors(401, 404)
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return buildPresentation(db, analysis, request.query.lang);
		}
	);
};

export default interpretationRoutes;
