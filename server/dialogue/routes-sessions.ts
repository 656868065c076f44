import type { FastifyPluginAsync } from 'fastify';
import type { NewSession } from '../../src/lib/api/types/dialogue.js';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import type { ModerationStatus } from '../db/schema.js';
import { AppError } from '../errors.js';
import { isUuid } from '../studies/access.js';
import { requireAnalysisAccess, requireSessionAccess } from './access.js';
import type { DialogueHub } from './live.js';
import { notifyDialogue } from './live.js';
import { errors, idParams, moderationBody, newSessionBody, sessionChangeBody } from './schemas.js';
import { changeSession, createSession, listSessions, type SessionChange } from './sessions.js';
import { streamSessionState } from './sse.js';
import { presenterState } from './tallies.js';

type IdParams = { id: string };
type ViewQuery = { view?: 'display' | 'control' };
const viewQuery = {
	type: 'object',
	properties: {
		view: { type: 'string', enum: ['display', 'control'], description: 'control adds the moderation queue' }
	}
} as const;

/** The facilitator's side: open sessions for a saved analysis, run them, moderate, watch the tally live. */
export const sessionRoutes: FastifyPluginAsync<{ hub: DialogueHub }> = async (app, { hub }) => {
	const db = app.database.db;
	app.addHook('preHandler', requireResearcherHook);

	app.post<{ Params: IdParams; Body: NewSession }>(
		'/analyses/:id/dialogue-sessions',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Open a dialogue session for a saved analysis; returns its join code',
				params: idParams,
				body: newSessionBody,
				response: errors(401, 403, 404, 422)
			}
		},
		async (request, reply) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return reply.status(201).send(await createSession(db, analysis.id, researcherOf(request).id, request.body));
		}
	);

	app.get<{ Params: IdParams }>(
		'/analyses/:id/dialogue-sessions',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The dialogue sessions of a saved analysis',
				params: idParams,
				response: errors(401, 404)
			}
		},
		async (request) => {
			const { analysis } = await requireAnalysisAccess(db, researcherOf(request).id, request.params.id, 'read');
			return { sessions: await listSessions(db, [analysis.id]) };
		}
	);

	app.get<{ Params: IdParams; Querystring: ViewQuery }>(
		'/dialogue/sessions/:id',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The session with its live tally (counts below 5 hidden)',
				params: idParams,
				querystring: viewQuery,
				response: errors(401, 404)
			}
		},
		async (request) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			return presenterState(db, session, analysis.result.nFactors, request.query.view === 'control');
		}
	);

	app.get<{ Params: IdParams; Querystring: ViewQuery }>(
		'/dialogue/sessions/:id/events',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Server-sent events: the session state after every change (via Postgres LISTEN/NOTIFY)',
				params: idParams,
				querystring: viewQuery
			}
		},
		async (request, reply) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			const control = request.query.view === 'control';
			await streamSessionState(request, reply, {
				hub,
				sessionId: session.id,
				snapshot: async () => {
					const fresh = await db
						.selectFrom('dialogue_sessions')
						.selectAll()
						.where('id', '=', session.id)
						.executeTakeFirstOrThrow();
					return presenterState(db, fresh, analysis.result.nFactors, control);
				}
			});
		}
	);

	app.patch<{ Params: IdParams; Body: SessionChange }>(
		'/dialogue/sessions/:id',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Open a question (or none) or close the session for good',
				params: idParams,
				body: sessionChangeBody,
				response: errors(401, 403, 404, 409, 422)
			}
		},
		async (request) => {
			const { session, analysis } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			return changeSession(db, session, analysis.result, request.body);
		}
	);

	app.patch<{ Params: IdParams & { responseId: string }; Body: { moderation: ModerationStatus } }>(
		'/dialogue/sessions/:id/responses/:responseId',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Show a free-text answer on the screen, hide it, or put it back in the queue',
				params: {
					type: 'object',
					required: ['id', 'responseId'],
					properties: { id: { type: 'string' }, responseId: { type: 'string' } }
				},
				body: moderationBody,
				response: errors(401, 403, 404)
			}
		},
		async (request) => {
			const { session } = await requireSessionAccess(db, researcherOf(request).id, request.params.id);
			const { responseId } = request.params;
			const updated = isUuid(responseId)
				? await db.transaction().execute(async (trx) => {
						const row = await trx
							.updateTable('dialogue_responses')
							.set({ moderation: request.body.moderation })
							.where('id', '=', responseId)
							.where('session_id', '=', session.id)
							.where('free_text', 'is not', null)
							.returning(['id', 'moderation'])
							.executeTakeFirst();
						if (row) await notifyDialogue(trx, { session: session.id, kind: 'moderation' });
						return row;
					})
				: undefined;
			if (!updated) throw new AppError(404, 'RESPONSE_NOT_FOUND', 'There is no such free-text answer in this session.');
			return { id: updated.id, moderation: updated.moderation };
		}
	);
};
