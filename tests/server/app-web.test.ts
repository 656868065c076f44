import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../helpers/db.js';

// Health, headers and the single-page-app fallback. A small stand-in build folder keeps these tests
// independent of `npm run build`; the real build's CSP is checked separately below.
let testDb: TestDatabase;
let app: FastifyInstance;
let staticDir: string;
const SHELL = '<!doctype html><html lang="nl"><head><title>Standpunt</title></head><body>app shell</body></html>';

beforeAll(async () => {
	testDb = await createTestDatabase();
	staticDir = mkdtempSync(join(tmpdir(), 'standpunt-static-'));
	writeFileSync(join(staticDir, 'index.html'), SHELL);
	mkdirSync(join(staticDir, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(staticDir, '_app', 'immutable', 'entry.abc123.js'), 'export {};');
	writeFileSync(join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	app = await buildApp({ config: { ...testDb.config, staticDir }, database: testDb.database });
	await app.ready();
});
afterAll(async () => {
	await app?.close();
	await testDb?.destroy();
	rmSync(staticDir, { recursive: true, force: true });
});

describe('health', () => {
	it(`reports ok and the database kind (${databaseKind})`, async () => {
		const response = await app.inject({ method: 'GET', url: '/api/health' });
		expect(response.statusCode).toBe(200);
		expect(response.json()).toEqual({
			status: 'ok',
			database: databaseKind,
			checks: { database: 'reachable', migrations: 'current' }
		});
	});

	it('answers 50 parallel requests, each with a database round trip', async () => {
		const responses = await Promise.all(
			Array.from({ length: 50 }, () => app.inject({ method: 'GET', url: '/api/health' }))
		);
		expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
		expect(new Set(responses.map((r) => r.json().database))).toEqual(new Set([databaseKind]));
	});
});

describe('security headers', () => {
	it('gives API responses a strict CSP, no caching and the common headers', async () => {
		for (const url of ['/api/health', '/api/unknown']) {
			const response = await app.inject({ method: 'GET', url });
			expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
			expect(response.headers['cache-control']).toBe('no-store');
			expect(response.headers['x-content-type-options']).toBe('nosniff');
			expect(response.headers['x-frame-options']).toBe('DENY');
			expect(response.headers['referrer-policy']).toBe('no-referrer');
		}
	});

	it('gives pages the common headers too', async () => {
		const response = await app.inject({ method: 'GET', url: '/' });
		expect(response.headers['x-content-type-options']).toBe('nosniff');
		expect(response.headers['x-frame-options']).toBe('DENY');
		expect(response.headers['x-powered-by']).toBeUndefined();
	});
});

describe('single-page app', () => {
	it('serves the shell for / and for any other GET outside /api', async () => {
		for (const url of ['/', '/doe-mee/politie-diversiteit', '/onderzoeker/studies?tab=2']) {
			const response = await app.inject({ method: 'GET', url });
			expect(response.statusCode).toBe(200);
			expect(response.headers['content-type']).toMatch(/text\/html/);
			expect(response.body).toBe(SHELL);
			expect(response.headers['cache-control']).toBe('no-cache');
		}
	});

	it('serves build files, with long caching only for hashed assets', async () => {
		const asset = await app.inject({ method: 'GET', url: '/_app/immutable/entry.abc123.js' });
		expect(asset.statusCode).toBe(200);
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
		expect(icon.statusCode).toBe(200);
		expect(icon.headers['cache-control']).toBe('no-cache');
	});

	it('serves a file the build gains while the server runs, and nothing outside the build folder', async () => {
		// The folder is read per request, not listed once at start (one route per file was a sixth of a start).
		writeFileSync(join(staticDir, '_app', 'immutable', 'later.def456.js'), 'export const later = 1;');
		const later = await app.inject({ method: 'GET', url: '/_app/immutable/later.def456.js' });
		expect(later.statusCode).toBe(200);
		expect(later.body).toBe('export const later = 1;');
		for (const url of [
			'/../package.json',
			'/%2e%2e/package.json',
			'/_app/../../etc/passwd',
			'/_app/%2e%2e%2f%2e%2e%2fetc/passwd'
		]) {
			const response = await app.inject({ method: 'GET', url });
			expect(response.body, url).not.toContain('"dependencies"');
			expect(response.body, url).not.toContain('root:');
		}
	});

	it('answers a missing file under the build folder with the shell, like any other page', async () => {
		const response = await app.inject({ method: 'GET', url: '/_app/immutable/gone.000000.js' });
		expect(response.statusCode).toBe(200);
		expect(response.body).toBe(SHELL);
	});

	it('keeps the API its own answers beside the build files: an over-long path part is a 414', async () => {
		const long = await app.inject({ method: 'GET', url: `/api/studies/by-slug/${'a'.repeat(101)}` });
		expect(long.statusCode).toBe(414);
		expect(long.json().error.code).toBe('URI_TOO_LONG');
	});

	it('does not send the shell for /api paths', async () => {
		const response = await app.inject({ method: 'GET', url: '/api/studies-that-do-not-exist' });
		expect(response.statusCode).toBe(404);
		expect(response.body).not.toContain('app shell');
	});
});

describe('the real build (npm run build)', () => {
	it('carries a hash-based CSP in its page, covering every inline script', { timeout: 240_000 }, () => {
		execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'ignore' });
		const html = readFileSync(join(process.cwd(), 'build', 'index.html'), 'utf8');
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(csp).toBeDefined();
		const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(csp).toContain("object-src 'none'");
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
		expect(inline.length).toBeGreaterThan(0); // SvelteKit's bootstrap script
		for (const body of inline) {
			const hash = createHash('sha256').update(body).digest('base64');
			expect(scriptSrc).toContain(`'sha256-${hash}'`);
		}
	});
});
