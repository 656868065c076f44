import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAllSchemas, lazySchemaController } from '../../server/lazy-schemas.js';
import { buildTestApp, type TestApp } from '../helpers/build-app.js';

// Route schemas compile on first use (server/lazy-schemas.ts): nothing may get less strict for it.

function bareApp(): FastifyInstance {
	const schemas = lazySchemaController();
	const app = Fastify({ schemaController: schemas.schemaController });
	schemas.attach(app);
	return app;
}

describe('lazy schema compilation', () => {
	let testApp: TestApp & { close(): Promise<void> };
	beforeAll(async () => {
		testApp = await buildTestApp();
	});
	afterAll(async () => {
		await testApp?.close();
	});

	it('compiles no schema at start, and every schema of the app compiles', async () => {
		const compiled = compileAllSchemas(testApp.app);
		expect(compiled).toBeGreaterThan(50);
		expect(compileAllSchemas(testApp.app)).toBe(0);
	});

	it('validates on the first request as strictly as before', async () => {
		const app = bareApp();
		app.post(
			'/things',
			{
				schema: {
					body: {
						type: 'object',
						required: ['name'],
						additionalProperties: false,
						properties: { name: { type: 'string', minLength: 2 }, count: { type: 'integer', default: 1 } }
					},
					response: { 200: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } } }
				}
			},
			async (request) => ({ ...(request.body as object), secret: 'not in the schema' })
		);
		await app.ready();
		const refused = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x' } });
		expect(refused.statusCode).toBe(400);
		expect(refused.json().message).toMatch(/must NOT have fewer than 2 characters/);
		const accepted = await app.inject({ method: 'POST', url: '/things', payload: { name: 'xy', extra: true } });
		expect(accepted.statusCode).toBe(200);
		// Ajv's defaults and removal of unknown properties, then fast-json-stringify's filtering of the answer.
		expect(accepted.json()).toEqual({ name: 'xy', count: 1 });
		await app.close();
	});

	it('lets Ajv coerce the root of a request part, as Fastify does for its own compiler', async () => {
		const app = bareApp();
		app.post('/numbers', { schema: { body: { type: 'array', items: { type: 'integer' } } } }, async (request) => ({
			body: request.body
		}));
		await app.ready();
		const response = await app.inject({
			method: 'POST',
			url: '/numbers',
			payload: '5',
			headers: { 'content-type': 'application/json' }
		});
		expect(response.json()).toEqual({ body: [5] });
		await app.close();
	});

	it('refuses, at start, a header schema with a name that is not lower case', async () => {
		const app = bareApp();
		app.get(
			'/headers',
			{ schema: { headers: { type: 'object', required: ['X-Token'], properties: { 'X-Token': { type: 'string' } } } } },
			async () => ({})
		);
		await expect(app.ready()).rejects.toThrow(/name the header "X-Token" in lower case/);
	});
});
