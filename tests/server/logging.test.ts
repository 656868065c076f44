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
	await app.ready();
});
afterAll(async () => {
	await app?.close();
	await testDb?.destroy();
});

describe('request logging', () => {
	it('logs method and URL but never the client address or port', async () => {
		lines.length = 0;
		const headers = { 'x-forwarded-for': CLIENT_IP, 'x-real-ip': CLIENT_IP };
		await app.inject({ method: 'GET', url: '/api/health', remoteAddress: CLIENT_IP, headers });
		await app.inject({ method: 'GET', url: '/api/test-failures/crash', remoteAddress: CLIENT_IP, headers });
		await app.inject({ method: 'POST', url: '/api/nowhere', remoteAddress: CLIENT_IP, headers });

		const log = lines.join('');
		expect(lines.length).toBeGreaterThanOrEqual(6); // incoming + completed per request, plus the error
		expect(log).toContain('"url":"/api/health"');
		expect(log).toContain('"method":"GET"');
		expect(log).toContain('request failed'); // the 500 is logged, with its error
		expect(log).not.toContain(CLIENT_IP);
		expect(log).not.toContain('remoteAddress');
		expect(log).not.toContain('remotePort');
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
