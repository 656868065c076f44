import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyRequest } from 'fastify';
import {
	answerInputSchema,
	answerResultSchema,
	attendeeStateSchema,
	joinRequestSchema,
	joinResultSchema,
	miniSortInputSchema,
	miniSortOutcomeSchema,
	miniSortSheetSchema
} from '../../../src/lib/api/types/dialogue.js';
import { readCookie, setCookie, type CookieSpec } from '../../auth/cookies.js';
import { grantCodePass, guardCode, JOIN_CODES } from '../../auth/code-limits.js';
import { assertCsrfSafe } from '../../auth/guard.js';
import { answer, findAttendee, join, openSessionByCode, requireAttendee } from '../../dialogue/attendance.js';
import { attendeeState, currentAttendeeState } from '../../dialogue/attendee-state.js';
import { normalizeJoinCode } from '../../dialogue/codes.js';
import type { DialogueHub } from '../../dialogue/live.js';
import { miniSortStatements, submitMiniSort } from '../../dialogue/mini-sort.js';
import { streamSessionState } from '../../dialogue/sse.js';
import { csrfHeaders, download, errors, langQuery } from '../common-schemas.js';

const codeParams = {
	type: 'object',
	required: ['code'],
	properties: { code: { type: 'string', maxLength: 32, description: 'the join code shown on the screen' } }
} as const;

const answerParams = {
	type: 'object',
	required: ['code', 'key'],
	properties: { code: codeParams.properties.code, key: { type: 'string', maxLength: 40 } }
} as const;

const eventStream = download('`state` events, each the full attendee state', 'text/event-stream');

/** The attendee's token: random, HttpOnly, for this site's dialogue API only; nothing else identifies them. */
export const ATTENDEE_COOKIE: CookieSpec = {
	name: 'standpunt_attendee',
	path: '/api/dialogue',
	sameSite: 'Strict',
	maxAgeSeconds: 12 * 60 * 60
};

function tokenOf(request: FastifyRequest): string | undefined {
	return readCookie(request.headers.cookie, ATTENDEE_COOKIE.name);
}

/** The attendee's side: join with a code (no account), answer the open question, do the mini-sort. */
export const attendRoutes: FastifyPluginAsyncJsonSchemaToTs<{ Options: { hub: DialogueHub } }> = async (
	app,
	{ hub }
) => {
	const db = app.database.db;

	app.post(
		'/dialogue/join',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Join a dialogue session with its code; sets the anonymous attendee cookie',
				headers: csrfHeaders,
				body: joinRequestSchema,
				response: { 200: joinResultSchema, ...errors(403, 404, 429) }
			}
		},
		async (request, reply) => {
			assertCsrfSafe(request);
			const code = normalizeJoinCode(request.body.code);
			const joined = await guardCode(request, JOIN_CODES, code, () => join(db, request.body.code, tokenOf(request)));
			setCookie(request, reply, ATTENDEE_COOKIE, joined.token);
			await grantCodePass(request, reply, JOIN_CODES, joined.session.join_code);
			return { code: joined.session.join_code };
		}
	);

	app.get(
		'/dialogue/attend/:code',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The open question and my own answer to it',
				params: codeParams,
				response: { 200: attendeeStateSchema, ...errors(404, 429) }
			}
		},
		async (request, reply) =>
			guardCode(
				request,
				JOIN_CODES,
				normalizeJoinCode(request.params.code),
				async () => {
					const { session, analysis } = await openSessionByCode(db, request.params.code);
					return attendeeState(db, session, analysis, await findAttendee(db, session.id, tokenOf(request)));
				},
				reply
			)
	);

	app.get(
		'/dialogue/attend/:code/events',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Server-sent events: the attendee state after every change of the session',
				params: codeParams,
				response: { 200: eventStream, ...errors(404, 429) }
			}
		},
		async (request, reply) => {
			const { session, analysis } = await guardCode(request, JOIN_CODES, normalizeJoinCode(request.params.code), () =>
				openSessionByCode(db, request.params.code)
			);
			const token = tokenOf(request);
			await streamSessionState(request, reply, {
				hub,
				sessionId: session.id,
				// Other attendees' answers do not change this phone's screen.
				wants: (event) => event.kind === 'state',
				snapshot: () => currentAttendeeState(db, session.id, analysis, token)
			});
		}
	);

	app.put(
		'/dialogue/attend/:code/answers/:key',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Answer (or change the answer to) the open question: one answer per attendee per question',
				params: answerParams,
				headers: csrfHeaders,
				body: answerInputSchema,
				response: { 200: answerResultSchema, ...errors(401, 403, 404, 409, 422, 429) }
			}
		},
		async (request) => {
			assertCsrfSafe(request);
			const stored = await guardCode(request, JOIN_CODES, normalizeJoinCode(request.params.code), () =>
				answer(db, request.params.code, tokenOf(request), request.params.key, request.body)
			);
			return { question: stored.question.key, answer: stored.answer };
		}
	);

	app.get(
		'/dialogue/attend/:code/mini-sort',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The 9–12 statements of the mini-sort',
				params: codeParams,
				querystring: langQuery,
				response: { 200: miniSortSheetSchema, ...errors(401, 404, 409, 429) }
			}
		},
		async (request) => {
			const { session, analysis } = await guardCode(request, JOIN_CODES, normalizeJoinCode(request.params.code), () =>
				openSessionByCode(db, request.params.code)
			);
			await requireAttendee(db, session.id, tokenOf(request));
			return {
				statements: await miniSortStatements(db, session, analysis, request.query.lang),
				values: [-2, -1, 0, 1, 2]
			};
		}
	);

	app.post(
		'/dialogue/attend/:code/mini-sort',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Score my mini-sort: the closest viewpoint, for my phone only; stored only as a count',
				params: codeParams,
				headers: csrfHeaders,
				body: miniSortInputSchema,
				response: { 200: miniSortOutcomeSchema, ...errors(401, 403, 404, 409, 422, 429) }
			}
		},
		async (request) => {
			assertCsrfSafe(request);
			const { session, analysis } = await guardCode(request, JOIN_CODES, normalizeJoinCode(request.params.code), () =>
				openSessionByCode(db, request.params.code)
			);
			const attendee = await requireAttendee(db, session.id, tokenOf(request));
			return submitMiniSort(db, session, analysis, attendee, request.body.placements);
		}
	);
};
