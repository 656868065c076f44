import { sql } from 'kysely';
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FromSchema } from 'json-schema-to-ts';
import { migrations } from '../../migrations/index.js';
import type { DatabaseHandle } from '../db/index.js';

/** A readiness check that takes longer than this counts as a database that cannot be reached. */
const CHECK_TIMEOUT_MS = 2000;

/** What the readiness answer reports under `checks`; `Readiness` is derived from it. */
const checksSchema = {
	type: 'object',
	required: ['database', 'migrations'],
	additionalProperties: false,
	properties: {
		database: { enum: ['reachable', 'unreachable'] },
		migrations: {
			enum: ['current', 'pending', 'newer', 'unknown'],
			description: 'newer: a later version of Standpunt migrated this database'
		}
	}
} as const;

export type Readiness = FromSchema<typeof checksSchema> & { ready: boolean };
export type MigrationState = Readiness['migrations'];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('timed out')), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready means: the database answers within two seconds, and its schema is exactly the one this code
 * expects (every migration applied, none this version does not know, which a newer version left).
 */
export async function checkReadiness(database: DatabaseHandle, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
	let applied: string[];
	try {
		const result = await withTimeout(
			sql<{ name: string }>`select name from kysely_migration`.execute(database.db),
			timeoutMs
		);
		applied = result.rows.map((r) => r.name);
	} catch (error) {
		// A missing bookkeeping table (42P01) means a reachable database that was never migrated.
		if ((error as { code?: string }).code === '42P01')
			return { ready: false, database: 'reachable', migrations: 'pending' };
		return { ready: false, database: 'unreachable', migrations: 'unknown' };
	}
	const expected = new Set(Object.keys(migrations));
	const known = new Set(applied);
	const state: MigrationState = applied.some((name) => !expected.has(name))
		? 'newer'
		: [...expected].every((name) => known.has(name))
			? 'current'
			: 'pending';
	return { ready: state === 'current', database: 'reachable', migrations: state };
}

function readinessResponse(status: 'ok' | 'unavailable') {
	return {
		type: 'object',
		required: ['status', 'database', 'checks'],
		additionalProperties: false,
		properties: { status: { const: status }, database: { enum: ['embedded', 'postgres'] }, checks: checksSchema }
	} as const;
}

/**
 * Liveness (`/api/health/live`: the process answers; restart it if not) and readiness (`/api/health` and
 * `/api/health/ready`: the database is reachable and its schema current; 503, send no traffic, if not).
 */
const healthRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	app.get(
		'/live',
		{
			schema: {
				summary: 'Liveness: the process is running and answering (no database check)',
				tags: ['health'],
				response: {
					200: {
						type: 'object',
						required: ['status'],
						additionalProperties: false,
						properties: { status: { const: 'live' } }
					}
				}
			}
		},
		async () => ({ status: 'live' as const })
	);

	for (const path of ['/', '/ready']) {
		app.get(
			path,
			{
				schema: {
					summary: 'Readiness: the database is reachable and its schema current (503 when not)',
					tags: ['health'],
					response: { 200: readinessResponse('ok'), 503: readinessResponse('unavailable') }
				}
			},
			async (_request, reply) => {
				const { ready, ...checks } = await checkReadiness(app.database);
				return reply
					.status(ready ? 200 : 503)
					.send({ status: ready ? 'ok' : 'unavailable', database: app.database.kind, checks });
			}
		);
	}
};

export default healthRoutes;
