import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js';

// Every API route declares what it answers (issue 13.2): a 2xx response schema, which also keeps fields a
// handler did not mean to send from leaving the server, and a body schema where it takes a body. Downloads and
// streams declare their content type instead of a JSON schema. This walks every route as it is registered.

/** Routes that take no body at all; every other POST/PUT/PATCH declares a body schema. */
const WITHOUT_BODY = new Set(['POST /api/auth/logout']);

interface Route {
	key: string;
	method: string;
	schema: RouteOptions['schema'];
}

const routes: Route[] = [];
let testDb: TestDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase();
	const app = await buildApp({
		config: testDb.config,
		database: testDb.database,
		onRoute(route) {
			for (const method of [route.method].flat()) {
				// HEAD copies its GET; the OpenAPI documentation pages pass requests on to @fastify/swagger-ui.
				if (method === 'HEAD' || route.url.startsWith('/api/docs')) continue;
				// Everything outside /api is a file of the built web app.
				if (!route.url.startsWith('/api/')) continue;
				routes.push({ key: `${method} ${route.url}`, method, schema: route.schema });
			}
		}
	});
	await app.ready();
	await app.close();
});
afterAll(async () => testDb.destroy());

const successStatuses = (route: Route) =>
	Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {}).filter((status) =>
		/^2(\d\d|xx)$/.test(status)
	);

describe('every API route', () => {
	it('is seen by the check (the API has well over fifty routes)', () => {
		expect(routes.length).toBeGreaterThan(50);
	});

	it('declares a 2xx response', () => {
		const missing = routes.filter((r) => successStatuses(r).length === 0).map((r) => r.key);
		expect(missing).toEqual([]);
	});

	it('declares its body when it takes one', () => {
		const missing = routes
			.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))
			.filter((r) => !WITHOUT_BODY.has(r.key) && r.schema?.body === undefined)
			.map((r) => r.key);
		expect(missing).toEqual([]);
	});

	it('closes each declared JSON object answer at its top level, or says it is a download or any JSON', () => {
		const open: string[] = [];
		for (const route of routes) {
			const response = route.schema?.response as Record<string, Record<string, unknown>>;
			for (const status of successStatuses(route)) {
				const schema = response[status]!;
				if (schema.type === 'object' && schema.additionalProperties !== false) open.push(`${route.key} ${status}`);
			}
		}
		expect(open).toEqual([]);
	});
});
