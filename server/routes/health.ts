import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';

const healthRoutes: FastifyPluginAsync = async (app) => {
	app.get(
		'/',
		{
			schema: {
				response: {
					200: {
						type: 'object',
						required: ['status', 'database'],
						properties: { status: { const: 'ok' }, database: { enum: ['embedded', 'postgres'] } }
					}
				}
			}
		},
		async () => {
			await sql`select 1`.execute(app.database.db);
			return { status: 'ok', database: app.database.kind };
		}
	);
};

export default healthRoutes;
