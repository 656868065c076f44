import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { databaseKind } from '../../helpers/db.js';
import { encodeHostile, operationsOf, type Operation } from './openapi.js';
import { changedTables, snapshot, watchedTables } from './snapshot.js';
import { anyText, bodyFor, extraHeaders, fromSchema, paramFor } from './values.js';
import { buildWorld, ROLES, type Role, type World } from './world.js';

// Walks every route of the OpenAPI document as every kind of caller with generated and hostile parameters,
// query strings, headers and bodies, and checks three things per request: never a 5xx; every 4xx has the
// documented body {"error":{"code","message"}}; a 4xx changed no row of any table (a digest of every table
// before and after). Seeded (FUZZ_SEED) and bounded (FUZZ_RUNS requests per route and role), so a failure
// can be replayed exactly; the summary line reports how many requests a run sent.

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;
/** After one of these succeeds the world may be gone (a deleted study, a closed session, a lost role). */
const CHANGES_WORLD = /(logout|password|status|members|withdrawals|exclusion|dialogue\/sessions\/\{id\}$)/;

interface Sent {
	url: string;
	options: InjectOptions;
}

function requestFor(operation: Operation, role: Role, world: World): fc.Arbitrary<Sent> {
	const params = fc.tuple(
		...operation.pathParams.map((name) => (operation.streams ? paramFor([]) : paramFor(world.ids[name] ?? [])))
	) as fc.Arbitrary<string[]>;
	const query = fc.record(
		Object.fromEntries(operation.query.map((q) => [q.name, fc.oneof(fromSchema(q.schema).map(String), anyText)])),
		{ requiredKeys: [] }
	);
	const undocumented = fc.option(fc.tuple(fc.constantFrom('x', 'id', '__proto__'), anyText), { nil: undefined });
	const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
	const body = hasBody ? bodyFor(operation.body) : fc.constant({ payload: undefined, contentType: undefined });
	return fc.tuple(params, query, undocumented, body, extraHeaders).map(([values, q, extra, b, headers]) => {
		let path = operation.path;
		operation.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeHostile(values[i]))));
		const pairs = Object.entries(q as Record<string, string>);
		if (extra) pairs.push(extra);
		const search = pairs.map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`).join('&');
		const url = search ? `${path}?${search}` : path;
		const allHeaders: Record<string, string> = { ...world.headers[role], ...headers };
		if (b.contentType) allHeaders['content-type'] = b.contentType;
		return {
			url,
			options: {
				method: operation.method,
				url,
				headers: allHeaders,
				...(b.payload !== undefined ? { payload: b.payload } : {})
			}
		};
	});
}

let test: TestApp & { close(): Promise<void> };
let operations: Operation[];
let tables: string[];

beforeAll(async () => {
	test = await buildTestApp();
	operations = await operationsOf(test.app);
	tables = await watchedTables(test.database.db);
});
afterAll(async () => {
	await test?.close();
});

describe(`fuzzing every route of the OpenAPI document (${databaseKind})`, () => {
	it(
		'never answers 5xx, always the error shape on a 4xx, and a 4xx stores nothing',
		{ timeout: 120_000 + RUNS * 48_000 },
		async () => {
			const { app, database } = test;
			// One example per route, status and kind of problem, so a report stays readable.
			const problems = new Map<string, string>();
			const problem = (kind: string, status: number, detail: string) =>
				problems.has(`${operation.method} ${operation.path} ${status} ${kind}`) ||
				problems.set(`${operation.method} ${operation.path} ${status} ${kind}`, detail);
			let operation: Operation = operations[0];
			let worlds = 0;
			let world = await buildWorld(app, database, worlds++);
			let before: Record<string, string> | undefined;
			let sent = 0;
			const byStatus = new Map<number, number>();
			const started = Date.now();
			expect(operations.length).toBeGreaterThan(50);
			for (const [index, current] of operations.entries()) {
				operation = current;
				for (const [r, role] of ROLES.entries()) {
					const samples = fc.sample(requestFor(operation, role, world), { seed: SEED + index * 7 + r, numRuns: RUNS });
					for (const request of samples) {
						before ??= await snapshot(database.db, tables);
						const response = await app.inject(request.options);
						sent++;
						byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
						const where = `${role} ${request.options.method} ${request.url.slice(0, 160)} ${String(request.options.payload ?? '').slice(0, 160)} → ${response.statusCode}`;
						if (response.statusCode >= 500)
							problem('5xx', response.statusCode, `${where}: ${response.body.slice(0, 200)}`);
						if (response.statusCode >= 400) {
							let body: { error?: { code?: unknown; message?: unknown } } | undefined;
							try {
								body = response.json();
							} catch {
								body = undefined;
							}
							if (
								typeof body?.error?.code !== 'string' ||
								!ERROR_CODE.test(body.error.code) ||
								typeof body.error.message !== 'string'
							) {
								problem('shape', response.statusCode, `${where}: not the error shape: ${response.body.slice(0, 200)}`);
							}
							const after = await snapshot(database.db, tables);
							const changed = changedTables(before, after);
							if (changed.length > 0)
								problem('stored', response.statusCode, `${where}: refused, yet changed ${changed.join(', ')}`);
							before = after;
						} else {
							before = undefined;
							if (operation.method !== 'GET' && (operation.method === 'DELETE' || CHANGES_WORLD.test(operation.path))) {
								world = await buildWorld(app, database, worlds++);
							}
						}
					}
				}
			}
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const statuses = [...byStatus.entries()]
				.sort(([a], [b]) => a - b)
				.map(([s, n]) => `${s}×${n}`)
				.join(' ');
			console.log(
				`fuzz (${databaseKind}, seed ${SEED}): ${sent} requests to ${operations.length} routes × ${ROLES.length} roles in ${seconds} s, ${worlds} worlds; ${statuses}`
			);
			expect([...problems.values()]).toEqual([]);
			expect(sent).toBe(operations.length * ROLES.length * RUNS);
		}
	);
});
