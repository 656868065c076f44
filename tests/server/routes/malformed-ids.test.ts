import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { operationsOf, type Operation } from '../fuzz/openapi.js';
import { buildWorld, type World } from '../fuzz/world.js';

// Every id in a path is checked as a UUID (server/studies/access.ts isUuid) before it reaches a query, so a
// malformed one is an unknown id (4xx), never a Postgres "invalid input syntax for type uuid" (500). The values
// include two that a loose /^[0-9a-f-]{36}$/ would let through.
const MALFORMED = ['not-a-uuid', '-'.repeat(36), 'a'.repeat(36), '0000000g-0000-0000-0000-000000000000'];
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const isIdParam = (name: string) => name === 'id' || name.endsWith('Id');

let t: TestApp & { close(): Promise<void> };
let operations: Operation[];
let world: World;

beforeAll(async () => {
	t = await buildTestApp();
	operations = await operationsOf(t.app);
	world = await buildWorld(t.app, t.database, 1);
});
afterAll(async () => t?.close());

/** A real value for a path parameter (the study, analysis or session the path is about for `id`). */
function realValue(operation: Operation, name: string): string {
	if (name === 'id') {
		const [study, analysis, session] = world.ids.id!;
		if (operation.path.startsWith('/api/analyses/')) return analysis!;
		if (operation.path.startsWith('/api/dialogue/sessions/')) return session!;
		return study!;
	}
	return world.ids[name]?.[0] ?? UNKNOWN;
}

describe('a malformed id in a path', () => {
	it('answers 4xx with the error shape on every route that takes one, never 500', async () => {
		const cases = operations.flatMap((operation) =>
			operation.pathParams.filter(isIdParam).map((param) => ({ operation, param }))
		);
		expect(cases.length).toBeGreaterThan(20);
		const failures: string[] = [];
		for (const { operation, param } of cases) {
			for (const bad of MALFORMED) {
				let url = operation.path;
				for (const name of operation.pathParams)
					url = url.replace(`{${name}}`, encodeURIComponent(name === param ? bad : realValue(operation, name)));
				const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
				const response = await t.app.inject({
					method: operation.method,
					url,
					headers: { ...world.headers.owner, 'x-standpunt-csrf': '1' },
					...(hasBody ? { payload: {} } : {})
				});
				const code = response.headers['content-type']?.toString().includes('json')
					? response.json().error?.code
					: undefined;
				if (response.statusCode < 400 || response.statusCode >= 500 || typeof code !== 'string')
					failures.push(`${operation.method} ${url}: ${response.statusCode} ${response.body.slice(0, 120)}`);
			}
		}
		expect(failures).toEqual([]);
	});
});
