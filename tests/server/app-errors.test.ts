import { STATUS_CODES } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { AppError } from '../../server/errors.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// The one error handler and the 404 handler, on the real app with a few extra routes that fail on purpose.
let testDb: TestDatabase;
let app: FastifyInstance;
const SECRET = 'password authentication failed for user "standpunt" at 10.1.2.3:5432';

beforeAll(async () => {
	testDb = await createTestDatabase();
	app = await buildApp({ config: testDb.config, database: testDb.database });
	app.get('/api/test-failures/crash', async () => {
		throw new Error(SECRET);
	});
	app.get('/api/test-failures/db', async () => {
		await testDb.database.db
			.selectFrom('no_such_table' as 'studies')
			.selectAll()
			.execute();
		return {};
	});
	app.get('/api/test-failures/app-error', async () => {
		throw new AppError(409, 'STUDY_CLOSED', 'This study is closed.', { slug: 'x' });
	});
	app.post(
		'/api/test-failures/validated',
		{
			schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } }
		},
		async () => ({ ok: true })
	);
	await app.ready();
});
afterAll(async () => {
	await app?.close();
	await testDb?.destroy();
});

describe('error handling', () => {
	it('answers unknown /api routes with a JSON 404, for any method', async () => {
		for (const [method, url] of [
			['GET', '/api/nope'],
			['POST', '/api/nope/deeper?x=1'],
			['DELETE', '/api']
		] as const) {
			const response = await app.inject({ method, url });
			expect(response.statusCode).toBe(404);
			expect(response.headers['content-type']).toMatch(/application\/json/);
			expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
		}
	});

	it('answers a POST outside /api with a JSON 404, not the page', async () => {
		const response = await app.inject({ method: 'POST', url: '/some/page' });
		expect(response.statusCode).toBe(404);
		expect(response.json().error.code).toBe('NOT_FOUND');
	});

	it('never leaks an internal error message in a 500', async () => {
		for (const url of ['/api/test-failures/crash', '/api/test-failures/db']) {
			const response = await app.inject({ method: 'GET', url });
			expect(response.statusCode).toBe(500);
			const body = response.json();
			expect(body).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) } });
			expect(response.body).not.toContain('10.1.2.3');
			expect(response.body).not.toContain('no_such_table');
			expect(response.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
		}
	});

	it('returns an AppError with its own status, code and details', async () => {
		const response = await app.inject({ method: 'GET', url: '/api/test-failures/app-error' });
		expect(response.statusCode).toBe(409);
		expect(response.json()).toEqual({
			error: { code: 'STUDY_CLOSED', message: 'This study is closed.', details: { slug: 'x' } }
		});
	});

	it('turns schema validation failures into a 400 with code VALIDATION_FAILED', async () => {
		const response = await app.inject({ method: 'POST', url: '/api/test-failures/validated', payload: { name: '' } });
		expect(response.statusCode).toBe(400);
		expect(response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('name') } });
	});

	it('turns malformed JSON into a 400 with an UPPER_SNAKE code', async () => {
		const response = await app.inject({
			method: 'POST',
			url: '/api/test-failures/validated',
			headers: { 'content-type': 'application/json' },
			payload: '{"name": '
		});
		expect(response.statusCode).toBe(400);
		expect(response.json().error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
	});

	it('refuses a body over the 1 MB limit with 413', async () => {
		const response = await app.inject({
			method: 'POST',
			url: '/api/test-failures/validated',
			headers: { 'content-type': 'application/json' },
			payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
		});
		expect(response.statusCode).toBe(413);
		expect(response.json().error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
	});
});

describe('errors answered before any route runs', () => {
	let served: FastifyInstance;
	let port: number;
	beforeAll(async () => {
		served = await buildApp({ config: testDb.config, database: testDb.database });
		port = Number(new URL(await served.listen({ port: 0, host: '127.0.0.1' })).port);
	});
	afterAll(async () => served?.close());

	/** Sends raw bytes to the listening app and returns what comes back on the socket. */
	function raw(bytes: string): Promise<string> {
		return new Promise<string>((resolve, reject) => {
			const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
			let answer = '';
			socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
			socket.on('close', () => resolve(answer));
			// The server hangs up after answering; a reset after the answer is not a failure.
			socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
		});
	}

	it.each([
		['a broken request line', 'BROKEN\r\n\r\n', 400, 'BAD_REQUEST'],
		[
			'headers over the size limit',
			`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
			431,
			'HEADERS_TOO_LARGE'
		]
	])('answers %s with the error body', async (_name, bytes, status, code) => {
		const answer = await raw(bytes);
		expect(answer.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${STATUS_CODES[status]}`);
		expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
			error: { code, message: expect.any(String) }
		});
	});

	it('answers a broken percent-encoding and an over-long path parameter with the error body, without the URL', async () => {
		for (const [url, status, code] of [
			['/api/participate/%ED%A0%80', 400, 'BAD_URL'],
			[`/api/participate/${'A'.repeat(200)}`, 414, 'URI_TOO_LONG']
		] as const) {
			const response = await app.inject({ method: 'GET', url });
			expect(response.statusCode).toBe(status);
			expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
			expect(response.body).not.toContain('participate');
		}
	});

	it('answers an unsupported content type with 415 and the error body', async () => {
		const response = await app.inject({
			method: 'POST',
			url: '/api/test-failures/validated',
			headers: { 'content-type': 'application/xml' },
			payload: '<x/>'
		});
		expect(response.statusCode).toBe(415);
		expect(response.json()).toEqual({
			error: { code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/), message: expect.any(String) }
		});
	});
});
