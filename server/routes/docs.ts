import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

// Swagger UI loads its own script and stylesheet from /api/docs/static; the API's default
// policy ("default-src 'none'") would block them, so the documentation pages get this one.
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/**
 * The OpenAPI document of every route registered after this call (JSON at /api/docs/json,
 * Swagger UI at /api/docs), built from the routes' JSON Schemas.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
	await app.register(swagger, {
		openapi: {
			openapi: '3.0.3',
			info: {
				title: 'Standpunt API',
				version: '0.1.0',
				description: 'Every error answers `{"error":{"code","message"}}` with a stable code.'
			}
		}
	});
	await app.register(async (docs) => {
		docs.addHook('onSend', async (_request, reply, payload) => {
			reply.header('content-security-policy', DOCS_CSP);
			return payload;
		});
		await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
	});
}
