import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import { createSession, deleteSession, findSession } from '../auth/sessions.js';
import { countResearchers, isSetupTokenValid, issueSetupToken, setupFirstAccount } from '../auth/accounts.js';
import { assertCsrfSafe, authenticate, clearSessionCookie, sessionTokenOf, setSessionCookie } from '../auth/guard.js';
import { readCookie, setCookie } from '../auth/cookies.js';
import { DEVICE_COOKIE } from '../auth/login-limits.js';
import { changePassword, logIn } from '../auth/login.js';
import { hashToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import { csrfHeaders, errors, noContent } from './common-schemas.js';
import { researcherSchema, setupLinkSchema, setupRequiredSchema } from '../../src/lib/api/types/auth.js';

const credentials = {
	email: { type: 'string', minLength: 1, maxLength: 254 },
	password: { type: 'string', minLength: 1, maxLength: 1000 }
} as const;

const loginBody = {
	type: 'object',
	required: ['email', 'password'],
	additionalProperties: false,
	properties: credentials
} as const;

const passwordBody = {
	type: 'object',
	required: ['currentPassword', 'newPassword'],
	additionalProperties: false,
	properties: { currentPassword: credentials.password, newPassword: credentials.password }
} as const;

const setupBody = {
	type: 'object',
	required: ['token', 'email', 'password'],
	additionalProperties: false,
	properties: {
		...credentials,
		token: { type: 'string', minLength: 1, maxLength: 200 },
		displayName: { type: 'string', maxLength: 200 }
	}
} as const;

const tokenParams = {
	type: 'object',
	required: ['token'],
	properties: { token: { type: 'string', maxLength: 200 } }
} as const;

/** The logged-in researcher, as login, setup and /me answer it. */
const researcherResponse = {
	type: 'object',
	required: ['researcher'],
	additionalProperties: false,
	properties: { researcher: researcherSchema }
} as const;

const authRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;

	// While no account exists, every server start prints a one-time link for creating the first one.
	app.addHook('onListen', async () => {
		const token = await issueSetupToken(db);
		if (!token) return;
		const address = app.server.address();
		const port = typeof address === 'object' && address ? address.port : app.config.port;
		const host = app.config.host === '127.0.0.1' || app.config.host === '0.0.0.0' ? 'localhost' : app.config.host;
		const link = `http://${host}:${port}/setup/${token}`;
		process.stdout.write(
			`\nNo researcher account exists yet. Create the first one (valid 24 hours, once) at:\n  ${link}\n\n`
		);
		app.log.warn('no researcher account yet: a one-time setup link was printed to the console');
	});

	app.post(
		'/login',
		{
			schema: {
				summary: 'Log in; sets the HttpOnly session cookie',
				tags: ['auth'],
				headers: csrfHeaders,
				body: loginBody,
				response: { 200: researcherResponse, ...errors(400, 401, 403, 429) }
			}
		},
		async (request, reply) => {
			assertCsrfSafe(request);
			const device = readCookie(request.headers.cookie, DEVICE_COOKIE.name);
			const { researcher, session, deviceCookie } = await logIn(db, request.body.email, request.body.password, device);
			setSessionCookie(request, reply, session.token, session.expiresAt);
			setCookie(request, reply, DEVICE_COOKIE, deviceCookie);
			return { researcher };
		}
	);

	app.post(
		'/logout',
		{
			schema: {
				summary: 'Log out: ends the session and clears the cookie',
				tags: ['auth'],
				headers: csrfHeaders,
				response: { 204: noContent, ...errors(403) }
			}
		},
		async (request, reply) => {
			const token = sessionTokenOf(request);
			if (token) {
				assertCsrfSafe(request);
				await deleteSession(db, hashToken(token));
			}
			clearSessionCookie(request, reply);
			return reply.status(204).send();
		}
	);

	app.get(
		'/me',
		{
			schema: {
				summary: 'The logged-in researcher',
				tags: ['auth'],
				response: { 200: researcherResponse, ...errors(401) }
			}
		},
		async (request) => {
			const { id, email, displayName } = await authenticate(request);
			return { researcher: { id, email, displayName } };
		}
	);

	app.post(
		'/password',
		{
			schema: {
				summary: 'Change the password; ends the other sessions of this account',
				tags: ['auth'],
				headers: csrfHeaders,
				body: passwordBody,
				response: { 204: noContent, ...errors(400, 401, 403, 422, 429) }
			}
		},
		async (request, reply) => {
			const researcher = await authenticate(request);
			assertCsrfSafe(request);
			await changePassword(db, researcher, request.body.currentPassword, request.body.newPassword);
			return reply.status(204).send();
		}
	);

	app.get(
		'/setup',
		{
			schema: {
				summary: 'Whether the first account still has to be created',
				tags: ['auth'],
				response: { 200: setupRequiredSchema }
			}
		},
		async () => ({ required: (await countResearchers(db)) === 0 })
	);

	app.get(
		'/setup/:token',
		{
			schema: {
				summary: 'Checks a one-time setup link',
				tags: ['auth'],
				params: tokenParams,
				response: { 200: setupLinkSchema, ...errors(400, 404) }
			}
		},
		async (request) => {
			if (!(await isSetupTokenValid(db, request.params.token))) {
				throw new AppError(
					404,
					'SETUP_TOKEN_INVALID',
					'This setup link is not valid (any more). Restart the server to get a new one.'
				);
			}
			return { valid: true as const };
		}
	);

	app.post(
		'/setup',
		{
			schema: {
				summary: 'Creates the first account with the one-time setup link and logs it in',
				tags: ['auth'],
				headers: csrfHeaders,
				body: setupBody,
				response: { 201: researcherResponse, ...errors(400, 403, 404, 422) }
			}
		},
		async (request, reply) => {
			assertCsrfSafe(request);
			const { token, ...account } = request.body;
			const created = await setupFirstAccount(db, token, account);
			const session = await createSession(db, created.id);
			setSessionCookie(request, reply, session.token, session.expiresAt);
			const me = await findSession(db, session.token);
			return reply
				.status(201)
				.send({ researcher: { id: created.id, email: created.email, displayName: me?.displayName ?? '' } });
		}
	);
};

export default authRoutes;
