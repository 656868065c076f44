import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';

// The documentation pages (issue 10.4): Swagger UI is loaded on the first visit to /api/docs, not at every
// server start, and answers as it did when it was part of the app.

const uiLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@fastify/swagger-ui', async (importOriginal) => {
	uiLoads.count += 1;
	return importOriginal();
});

let t: TestApp & { close(): Promise<void> };
beforeAll(async () => {
	t = await buildTestApp();
});
afterAll(async () => t.close());

describe('/api/docs', () => {
	it('loads Swagger UI only when the pages are first asked for, and once', async () => {
		expect(uiLoads.count).toBe(0);
		const [page, again] = await Promise.all([
			t.app.inject({ method: 'GET', url: '/api/docs/' }),
			t.app.inject({ method: 'GET', url: '/api/docs/' })
		]);
		expect(uiLoads.count).toBe(1);
		for (const response of [page, again]) {
			expect(response.statusCode).toBe(200);
			expect(response.headers['content-type']).toContain('text/html');
			expect(response.body).toContain('swagger');
		}
	});

	it('serves the OpenAPI document, without the documentation pages in it', async () => {
		const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
		expect(json.statusCode).toBe(200);
		const paths = Object.keys(json.json().paths as Record<string, unknown>);
		expect(paths).toContain('/api/health/');
		expect(paths.filter((path) => path.startsWith('/api/docs'))).toEqual([]);
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
