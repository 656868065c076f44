import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { privateLoggerOptions } from '../../server/logging.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// Privacy rule (product.md §5): no IP addresses stored, and that includes the server log.
let testDb: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
const CLIENT_IP = '203.0.113.77';

beforeAll(async () => {
	testDb = await createTestDatabase();
	const stream = { write: (line: string) => void lines.push(line) };
	app = await buildApp({ config: testDb.config, database: testDb.database, logger: { level: 'trace', stream } });
	app.get('/api/test-failures/crash', async () => {
		throw new Error('boom');
	});
	app.get('/api/test-echo/:code', async () => ({ ok: true }));
	app.get('/api/test-failures/crash/:code', async () => {
		throw new Error('boom');
	});
	await app.ready();
});
afterAll(async () => {
	await app?.close();
	await testDb?.destroy();
});

describe('request logging', () => {
	it('logs method and route but never the client address, port, path identifiers or query', async () => {
		lines.length = 0;
		const headers = { 'x-forwarded-for': CLIENT_IP, 'x-real-ip': CLIENT_IP };
		await app.inject({ method: 'GET', url: '/api/health', remoteAddress: CLIENT_IP, headers });
		await app.inject({ method: 'GET', url: '/api/test-failures/crash', remoteAddress: CLIENT_IP, headers });
		await app.inject({ method: 'POST', url: '/api/nowhere', remoteAddress: CLIENT_IP, headers });
		await app.inject({
			method: 'GET',
			url: '/api/test-echo/K7QM-4XTR-9BDW?token=secret-in-query',
			remoteAddress: CLIENT_IP
		});
		await app.inject({
			method: 'GET',
			url: '/api/test-failures/crash/K7QM-4XTR-9BDW?token=secret-in-query',
			remoteAddress: CLIENT_IP
		});

		const log = lines.join('');
		expect(lines.length).toBeGreaterThanOrEqual(6); // incoming + completed per request, plus the error
		expect(log).toContain('"url":"/api/health"');
		expect(log).toContain('"method":"GET"');
		expect(log).toContain('request failed'); // the 500 is logged, with its error
		expect(log).not.toContain(CLIENT_IP);
		expect(log).not.toContain('remoteAddress');
		expect(log).not.toContain('remotePort');
		// Identifiers in a matched route's path and any query string stay out of the log.
		expect(log).toContain('"url":"/api/test-echo/:code"');
		expect(log).not.toContain('K7QM-4XTR-9BDW');
		expect(log).not.toContain('secret-in-query');
	});
});

describe('privateLoggerOptions', () => {
	it('keeps the caller settings and replaces only the request serializer', () => {
		const custom = () => ({});
		const options = privateLoggerOptions({ level: 'warn', serializers: { res: custom, req: custom } });
		expect(options).toMatchObject({ level: 'warn' });
		const serializers = (options as { serializers: Record<string, unknown> }).serializers;
		expect(serializers.res).toBe(custom);
		expect(serializers.req).not.toBe(custom);
		expect(privateLoggerOptions(false)).toBe(false);
		expect(privateLoggerOptions(true)).toHaveProperty('serializers.req');
	});
});
