import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { readCookie, setCookie, type CookieSpec } from '../auth/cookies.js';
import { grantCodePass, guardCode, JOIN_CODES } from '../auth/code-limits.js';
import { assertCsrfSafe } from '../auth/guard.js';
import { loadAnalysis } from './access.js';
import { answer, findAttendee, join, openSessionByCode, requireAttendee } from './attendance.js';
import { attendeeState } from './attendee-state.js';
import type { DialogueHub } from './live.js';
import { miniSortStatements, submitMiniSort } from './mini-sort.js';
import { normalizeJoinCode } from './codes.js';
import { answerBody, codeParams, errors, joinBody, langQuery, miniSortBody } from './schemas.js';
import { streamSessionState } from './sse.js';

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

type CodeParams = { code: string };
type Lang = { lang?: 'nl' | 'en' };

/** The attendee's side: join with a code (no account), answer the open question, do the mini-sort. */
export const attendRoutes: FastifyPluginAsync<{ hub: DialogueHub }> = async (app, { hub }) => {
	const db = app.database.db;

	app.post<{ Body: { code: string } }>(
		'/dialogue/join',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Join a dialogue session with its code; sets the anonymous attendee cookie',
				body: joinBody,
				response: errors(403, 404, 429)
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

	app.get<{ Params: CodeParams }>(
		'/dialogue/attend/:code',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The open question and my own answer to it',
				params: codeParams,
				response: errors(404, 429)
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

	app.get<{ Params: CodeParams }>(
		'/dialogue/attend/:code/events',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Server-sent events: the attendee state after every change of the session',
				params: codeParams
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
				snapshot: async () => {
					const fresh = await db
						.selectFrom('dialogue_sessions')
						.selectAll()
						.where('id', '=', session.id)
						.executeTakeFirstOrThrow();
					const current = (await loadAnalysis(db, fresh.analysis_id)) ?? analysis;
					return attendeeState(db, fresh, current, await findAttendee(db, fresh.id, token));
				}
			});
		}
	);

	app.put<{ Params: CodeParams & { key: string }; Body: { value?: string; text?: string } }>(
		'/dialogue/attend/:code/answers/:key',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Answer (or change the answer to) the open question: one answer per attendee per question',
				params: {
					type: 'object',
					required: ['code', 'key'],
					properties: { code: { type: 'string' }, key: { type: 'string', maxLength: 40 } }
				},
				body: answerBody,
				response: errors(401, 403, 404, 409, 422, 429)
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

	app.get<{ Params: CodeParams; Querystring: Lang }>(
		'/dialogue/attend/:code/mini-sort',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'The 9–12 statements of the mini-sort',
				params: codeParams,
				querystring: langQuery,
				response: errors(401, 404, 409, 429)
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

	app.post<{ Params: CodeParams; Body: { placements: Record<string, number> } }>(
		'/dialogue/attend/:code/mini-sort',
		{
			schema: {
				tags: ['dialogue'],
				summary: 'Score my mini-sort: the closest viewpoint, for my phone only; stored only as a count',
				params: codeParams,
				body: miniSortBody,
				response: errors(401, 403, 404, 409, 422, 429)
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
