import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import type { AppConfig } from './config.js';
import type { DatabaseHandle } from './db/index.js';
import { CODE_PASS_SECRET } from './auth/code-limits.js';
import { DEVICE_SECRET } from './auth/login-limits.js';
import { serverSecret } from './auth/secrets.js';
import { AppError } from './errors.js';
import { clientErrorHandler, frameworkErrors } from './http-errors.js';
import { registerInputGuard } from './input-guard.js';
import { lazySchemaController } from './lazy-schemas.js';
import { privateLoggerOptions, serializeRequest } from './logging.js';
import { API_HEADERS, SECURITY_HEADERS } from './security-headers.js';
import dialogueRoutes from './routes/dialogue/index.js';
import interpretationRoutes from './routes/interpretations.js';
import healthRoutes from './routes/health.js';
import analysisRoutes from './routes/analyses.js';
import auditRoutes from './routes/audit.js';
import { adminRoutes, studyBackupRoutes } from './routes/backup.js';
import authRoutes from './routes/auth.js';
import studyRoutes from './routes/studies/index.js';
import { registerOpenApi } from './routes/docs.js';
import participantRoutes from './routes/participants.js';
import participateRoutes from './routes/participate.js';

export interface BuildAppOptions {
	config: AppConfig;
	database: DatabaseHandle;
	/** Fastify logger setting; tests pass false. */
	logger?: boolean | object;
	/** The token of the local backup channel (server/backup/admin.ts); unset: no such channel. */
	adminToken?: string;
	/** Sees every route as it is registered (tests check that each declares its schemas). */
	onRoute?: (route: RouteOptions) => void;
}

declare module 'fastify' {
	interface FastifyInstance {
		config: AppConfig;
		database: DatabaseHandle;
	}
}

/** PostgreSQL's SQLSTATE for a duplicate key. */
const UNIQUE_VIOLATION = '23505';

function toUpperSnake(code: string): string {
	return code
		.replace(/^FST_ERR_/, '')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.toUpperCase();
}

/** Whether `path` is an existing regular file. */
function isFile(path: string): boolean {
	return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Builds the Fastify app: API under /api and the built SPA for everything else. Never listens. */
export async function buildApp({
	config,
	database,
	logger = false,
	adminToken,
	onRoute
}: BuildAppOptions): Promise<FastifyInstance> {
	// Route schemas compile on first use instead of all at start (server/lazy-schemas.ts).
	const schemas = lazySchemaController();
	const app = Fastify({
		logger: privateLoggerOptions(logger),
		bodyLimit: 1024 * 1024,
		trustProxy: config.trustProxy,
		frameworkErrors,
		clientErrorHandler,
		schemaController: schemas.schemaController
	});
	schemas.attach(app);
	if (onRoute) app.addHook('onRoute', onRoute);
	app.decorate('config', config);
	app.decorate('database', database);
	app.decorate('adminToken', adminToken);
	// The signing keys exist before the first request, so that no request (a refused one included) writes them.
	app.addHook('onReady', async () => {
		await serverSecret(database.db, DEVICE_SECRET);
		await serverSecret(database.db, CODE_PASS_SECRET);
	});

	app.addHook('onSend', async (request, reply, payload) => {
		reply.headers(request.url.startsWith('/api') ? API_HEADERS : SECURITY_HEADERS);
		return payload;
	});

	app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
		if (error instanceof AppError) {
			const body: Record<string, unknown> = { code: error.code, message: error.message };
			if (error.details !== undefined) body.details = error.details;
			const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
			if (error.statusCode === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
			return reply.status(error.statusCode).send({ error: body });
		}
		// A uniqueness rule of the schema caught a race that the code's own checks did not (two requests at
		// the same moment): the change did not happen, and trying again will say why.
		if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
			return reply.status(409).send({
				error: {
					code: 'CONFLICT',
					message: 'This changed at the same moment elsewhere, so nothing was saved. Reload and try again.'
				}
			});
		}
		const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
		if (status >= 500) {
			request.log.error({ err: error, ...serializeRequest(request) }, 'request failed');
			return reply
				.status(status)
				.send({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again.' } });
		}
		const code = error.validation ? 'VALIDATION_FAILED' : toUpperSnake(error.code ?? 'BAD_REQUEST');
		return reply.status(status).send({ error: { code, message: error.message } });
	});

	app.setNotFoundHandler((request, reply) => {
		const path = request.url.split('?')[0] ?? '';
		if (path === '/api' || path.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
			return reply
				.status(404)
				.send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${path}` } });
		}
		// Every other GET is a page of the single-page app: send its shell and let the router decide.
		if (!existsSync(join(config.staticDir, 'index.html')) || !reply.sendFile) {
			return reply.status(503).type('text/plain').send('The web app is not built yet: run npm run build.');
		}
		// Except a file at the top of the build folder (favicon.svg, robots.txt, …), asked for by its name.
		const name = /^\/([\w-][\w.-]*)$/.exec(path)?.[1];
		if (name && name !== 'index.html' && isFile(join(config.staticDir, name))) {
			return reply.sendFile(name, config.staticDir);
		}
		return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', config.staticDir);
	});

	// Before every route: NUL characters, lone surrogates and absurd nesting are a 400, never a 500.
	registerInputGuard(app);
	// First, so that the OpenAPI document sees every route registered after it.
	await registerOpenApi(app);
	await app.register(healthRoutes, { prefix: '/api/health' });
	await app.register(dialogueRoutes, { prefix: '/api' });
	await app.register(interpretationRoutes, { prefix: '/api/analyses' });
	await app.register(analysisRoutes, { prefix: '/api' });
	await app.register(auditRoutes, { prefix: '/api' });
	await app.register(studyBackupRoutes, { prefix: '/api' });
	await app.register(adminRoutes, { prefix: '/api/admin' });
	await app.register(authRoutes, { prefix: '/api/auth' });
	await app.register(studyRoutes, { prefix: '/api/studies' });
	await app.register(participantRoutes, { prefix: '/api/studies/by-slug' });
	await app.register(participateRoutes, { prefix: '/api/participate' });

	// The built app is optional for API-only use (tests, CLI); pages then answer 503 above.
	if (!existsSync(config.staticDir)) return app;
	// The build's assets are under /_app/ and read from the folder per request: one route for all of them, so a
	// file a rebuild adds is served too (a route per file, registered at every start, was a sixth of a restart).
	// The few files at the top of the build (favicon.svg, …) are sent by the not-found handler above.
	await app.register(fastifyStatic, {
		root: join(config.staticDir, '_app'),
		prefix: '/_app/',
		wildcard: true,
		index: false,
		// Our own cache-control below; the plugin's default (max-age=0) would overwrite it.
		cacheControl: false,
		setHeaders(response, path) {
			// Hashed build assets never change; everything else is revalidated.
			response.setHeader(
				'cache-control',
				path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
			);
		}
	});

	return app;
}
