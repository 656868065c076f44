import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';

// Swagger UI loads its own script and stylesheet from /api/docs/static; the API's default
// policy ("default-src 'none'") would block them, so the documentation pages get this one.
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/** Request headers a documentation page's answer depends on (caching); nothing else is passed on. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'if-none-match', 'if-modified-since', 'range'];
/** Headers of the pages' answers that are passed back; the app's own hooks add the security headers. */
const FORWARDED_RESPONSE_HEADERS = [
	'content-type',
	'content-range',
	'accept-ranges',
	'cache-control',
	'etag',
	'last-modified',
	'location',
	'vary'
];

const OPENAPI = {
	openapi: '3.0.3',
	info: {
		title: 'Standpunt API',
		version: '0.1.0',
		description: 'Every error answers `{"error":{"code","message"}}` with a stable code.'
	}
} as const;

/**
 * The documentation pages (Swagger UI and its files under /api/docs, the document at /api/docs/json and
 * /api/docs/yaml), served by @fastify/swagger and @fastify/swagger-ui in an app of their own that is built on the
 * first visit: loading those packages was a sixth of a server start, for pages few visitors open. The app gets the
 * main app's API routes as they were registered (`routes`), with handlers that never run, so the OpenAPI document
 * is the one @fastify/swagger would have built inside the main app.
 */
function docsPages(
	routes: readonly RouteOptions[]
): (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> {
	let pages: Promise<FastifyInstance> | undefined;
	const load = async () => {
		const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
			import('@fastify/swagger'),
			import('@fastify/swagger-ui')
		]);
		const docs = Fastify({ logger: false });
		// Only the document is made from these routes; no request reaches them, so nothing is compiled.
		docs.setValidatorCompiler(() => () => true);
		docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
		await docs.register(swagger, { openapi: OPENAPI });
		for (const route of routes) {
			docs.route({
				method: route.method,
				url: route.url,
				schema: route.schema,
				config: route.config,
				exposeHeadRoute: false,
				handler: async () => undefined
			});
		}
		await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
		await docs.ready();
		return docs;
	};
	return async (request, reply) => {
		pages ??= load().catch((error: unknown) => {
			pages = undefined;
			throw error;
		});
		const headers: Record<string, string> = {};
		for (const name of FORWARDED_REQUEST_HEADERS) {
			const value = request.headers[name];
			if (typeof value === 'string') headers[name] = value;
		}
		// Always a GET: for a HEAD request Fastify sends the headers of the GET answer without its body.
		const answer = await (await pages).inject({ method: 'GET', url: request.url, headers });
		// A file the pages do not have gets the app's own 404, with its error body.
		if (answer.statusCode === 404) return reply.callNotFound();
		for (const name of FORWARDED_RESPONSE_HEADERS) {
			const value = answer.headers[name];
			if (value !== undefined) reply.header(name, value);
		}
		return reply.status(answer.statusCode).send(answer.rawPayload);
	};
}

/**
 * The OpenAPI document of every route registered after this call (JSON at /api/docs/json,
 * Swagger UI at /api/docs), built from the routes' JSON Schemas.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
	// The API's routes as registered after this call, for the document; HEAD routes copy their GET.
	const routes: RouteOptions[] = [];
	app.addHook('onRoute', (route) => {
		if (route.method !== 'HEAD' && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
			routes.push(route);
		}
	});
	const pages = docsPages(routes);
	await app.register(async (docs) => {
		docs.addHook('onSend', async (_request, reply, payload) => {
			reply.header('content-security-policy', DOCS_CSP);
			return payload;
		});
		docs.get('/api/docs', { schema: { hide: true } }, pages);
		docs.get('/api/docs/*', { schema: { hide: true } }, pages);
	});
}
