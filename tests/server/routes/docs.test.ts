import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js';

// The documentation pages (issue 10.4): @fastify/swagger and Swagger UI are loaded on the first visit to
// /api/docs, not at every server start, and answer as they did when they were part of the app.

const uiLoads = vi.hoisted(() => ({ count: 0, swagger: 0 }));
vi.mock('@fastify/swagger-ui', async (importOriginal) => {
	uiLoads.count += 1;
	return importOriginal();
});
vi.mock('@fastify/swagger', async (importOriginal) => {
	uiLoads.swagger += 1;
	return importOriginal();
});

let t: TestDatabase & { app: FastifyInstance };
/** `get /api/studies`: a prefix's root route is registered with and without its trailing slash. */
const operation = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/\/$/, '')}`;
/** Every API operation the app registers, as `get /api/health/` (the document's own notation comes later). */
const registered = new Set<string>();
beforeAll(async () => {
	const testDb = await createTestDatabase();
	const app = await buildApp({
		config: testDb.config,
		database: testDb.database,
		onRoute(route) {
			for (const method of [route.method].flat()) {
				const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
				if (method !== 'HEAD' && !hidden && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
					registered.add(operation(method, route.url.replace(/:(\w+)/g, '{$1}')));
				}
			}
		}
	});
	await app.ready();
	t = { ...testDb, app };
});
afterAll(async () => {
	await t.app.close();
	await t.destroy();
});

describe('/api/docs', () => {
	it('loads Swagger and its UI only when the pages are first asked for, and once', async () => {
		expect(uiLoads).toEqual({ count: 0, swagger: 0 });
		const [page, again] = await Promise.all([
			t.app.inject({ method: 'GET', url: '/api/docs/' }),
			t.app.inject({ method: 'GET', url: '/api/docs/' })
		]);
		expect(uiLoads).toEqual({ count: 1, swagger: 1 });
		for (const response of [page, again]) {
			expect(response.statusCode).toBe(200);
			expect(response.headers['content-type']).toContain('text/html');
			expect(response.body).toContain('swagger');
		}
	});

	it('serves the OpenAPI document of every API route, without the documentation pages in it', async () => {
		const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
		expect(json.statusCode).toBe(200);
		const document = json.json() as { paths: Record<string, Record<string, unknown>> };
		const paths = Object.keys(document.paths);
		expect(paths).toContain('/api/health/');
		expect(paths.filter((path) => path.startsWith('/api/docs'))).toEqual([]);
		// Every API route the app registered is in it, with its method (HEAD routes copy their GET; hidden ones, such
		// as the admin routes, stay out), and nothing else.
		const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
			Object.keys(methods).map((method) => operation(method, path))
		);
		expect(registered.size).toBeGreaterThan(50);
		expect(new Set(documented)).toEqual(registered);
		// A route's schema reaches the document: the health answer's properties.
		expect(JSON.stringify(document.paths['/api/health/'])).toContain('migrations');
		const yaml = await t.app.inject({ method: 'GET', url: '/api/docs/yaml' });
		expect(yaml.statusCode).toBe(200);
		expect(yaml.body).toContain('openapi: 3.0.3');
	});

	it('serves the UI files with their own policy, caching headers and a 304 on revalidation', async () => {
		const css = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
		expect(css.statusCode).toBe(200);
		expect(css.headers['content-type']).toContain('text/css');
		expect(css.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
		expect(css.headers['x-content-type-options']).toBe('nosniff');
		const etag = css.headers.etag;
		expect(typeof etag).toBe('string');
		const revalidated = await t.app.inject({
			method: 'GET',
			url: '/api/docs/static/swagger-ui.css',
			headers: { 'if-none-match': String(etag) }
		});
		expect(revalidated.statusCode).toBe(304);
		expect(revalidated.body).toBe('');
		const head = await t.app.inject({ method: 'HEAD', url: '/api/docs/static/swagger-ui.css' });
		expect(head.statusCode).toBe(200);
		expect(head.body).toBe('');
		expect(head.headers['content-type']).toContain('text/css');
	});

	it('answers a file the pages do not have with the API 404 body', async () => {
		const missing = await t.app.inject({ method: 'GET', url: '/api/docs/static/nothing-here.js' });
		expect(missing.statusCode).toBe(404);
		expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
	});
});
