import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import {
	moderationChangeSchema,
	moderationResultSchema,
	newSessionSchema,
	presenterStateSchema,
	PRESENTER_VIEWS,
	sessionChangeSchema,
	sessionDtoSchema,
	sessionListSchema
} from '../../../src/lib/api/types/dialogue.js';
import { requireResearcherHook, researcherOf } from '../../auth/guard.js';
import { requireAnalysisAccess, requireSessionAccess } from '../../dialogue/access.js';
import type { DialogueHub } from '../../dialogue/live.js';
import { moderateFreeText } from '../../dialogue/moderation.js';
import { changeSession, createSession, listSessions } from '../../dialogue/sessions.js';
import { streamSessionState } from '../../dialogue/sse.js';
import { currentPresenterState, presenterState } from '../../dialogue/tallies.js';
import { csrfHeaders, download, errors, idParams } from '../common-schemas.js';

const viewQuery = {
	type: 'object',
	properties: {
		view: { type: 'string', enum: PRESENTER_VIEWS, description: 'control adds the moderation queue' }
	}
} as const;

const responseParams = {
	type: 'object',
	required: ['id', 'responseId'],
	properties: { id: { type: 'string' }, responseId: { type: 'string' } }
} as const;

const eventStream = download('`state` events, each the full presenter state', 'text/event-stream');

/** The facilitator's side: open sessions for a saved analysis, run them, moderate, watch the tally live. */
export const sessionRoutes: FastifyPluginAsyncJsonSchemaToTs<{ Options: { hub: DialogueHub } }> = async (
	app,
	{ hub }
) => {
	const db = app.database.db;
	app.addHook('preHandler', requireResearcherHook);

	app.post(
		'/analyses/:id/dialogue-sessions',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Open a dialogue session for a saved analysis; returns its join code',
				params: idParams,
				headers: csrfHeaders,
				body: newSessionSchema,
				response: { 201: sessionDtoSchema, ...errors(401, 403, 404, 422, 503) }
			}
		},
		async (request, reply) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return reply.status(201).send(await createSession(db, analysis.id, researcherOf(request).id, request.body));
		}
	);

	app.get(
		'/analyses/:id/dialogue-sessions',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The dialogue sessions of a saved analysis',
				params: idParams,
				response: { 200: sessionListSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { sessions: await listSessions(db, [analysis.id]) };
		}
	);

	app.get(
		'/dialogue/sessions/:id',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The session with its live tally (counts below 5 hidden)',
				params: idParams,
				querystring: viewQuery,
				response: { 200: presenterStateSchema, ...errors(401, 404) }
			}
		},
		async (request) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			return presenterState(db, session, analysis.result.nFactors, request.query.view === 'control');
		}
	);

	app.get(
		'/dialogue/sessions/:id/events',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Server-sent events: the session state after every change (via Postgres LISTEN/NOTIFY)',
				params: idParams,
				querystring: viewQuery,
				response: { 200: eventStream, ...errors(401, 404) }
			}
		},
		async (request, reply) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			const control = request.query.view === 'control';
			await streamSessionState(request, reply, {
				hub,
				sessionId: session.id,
				snapshot: () => currentPresenterState(db, session.id, analysis.result.nFactors, control)
			});
		}
	);

	app.patch(
		'/dialogue/sessions/:id',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Open a question (or none) or close the session for good',
				params: idParams,
				headers: csrfHeaders,
				body: sessionChangeSchema,
				response: { 200: sessionDtoSchema, ...errors(401, 403, 404, 409, 422) }
			}
		},
		async (request) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			return changeSession(db, session, analysis.result, request.body);
		}
	);

	app.patch(
		'/dialogue/sessions/:id/responses/:responseId',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Show a free-text answer on the screen, hide it, or put it back in the queue',
				params: responseParams,
				headers: csrfHeaders,
				body: moderationChangeSchema,
				response: { 200: moderationResultSchema, ...errors(401, 403, 404) }
			}
		},
		async (request) => {
			const { session } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			return moderateFreeText(db, session, request.params.responseId, request.body.moderation);
		}
	);
};
