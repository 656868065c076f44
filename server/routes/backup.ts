import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyReply } from 'fastify';
import { auditActorOf } from '../audit/actor.js';
import { CLI_ACTOR } from '../audit/record.js';
import { isLoopback, tokenMatches } from '../backup/admin.js';
import { backupFileName, type BackupFile, createBackup, resolveStudyId } from '../backup/service.js';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { AppError } from '../errors.js';
import { requireStudyAccess } from '../studies/access.js';
import { download, errors, idParams } from './common-schemas.js';

const backupFile = download('gzip of JSON lines (README: backup file)', 'application/gzip');

const adminBackupBody = {
	type: 'object',
	additionalProperties: false,
	properties: { study: { type: 'string', minLength: 1, maxLength: 200, description: 'slug or id; none: everything' } }
} as const;

function sendBackup(reply: FastifyReply, backup: BackupFile) {
	return reply
		.type('application/gzip')
		.header('content-disposition', `attachment; filename="${backupFileName(backup.header)}"`)
		.header('x-standpunt-backup-rows', String(backup.rows))
		.send(backup.file);
}

/** A study's owners download the study with everything that belongs to it, as a backup file (issue 14). */
export const studyBackupRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	app.addHook('onRequest', requireResearcherHook);
	app.get(
		'/studies/:id/backup',
		{
			schema: {
				tags: ['backup'],
				summary: 'A backup file of the study with everything that belongs to it (owners only); restore with the CLI',
				params: idParams,
				response: { 200: backupFile, ...errors(401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(app.database.db, researcherOf(request).id, request.params.id, 'own');
			return sendBackup(reply, await createBackup(app.database.db, auditActorOf(request), study.id));
		}
	);
};

declare module 'fastify' {
	interface FastifyInstance {
		/** Set when the server offers the CLI a backup of its embedded database (server/backup/admin.ts). */
		adminToken: string | undefined;
	}
}

/**
 * `POST /api/admin/backup`: the CLI's `backup` command asking this process for a backup of the database
 * it holds. Only from the loopback address, only with the token of `admin.json`; anything else is a 404,
 * as if the route did not exist.
 */
export const adminRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	app.post(
		'/backup',
		{
			schema: {
				hide: true,
				body: adminBackupBody,
				response: { 200: backupFile, ...errors(400, 404) }
			}
		},
		async (request, reply) => {
			const header = request.headers.authorization;
			const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
			if (!app.adminToken || !isLoopback(request.socket.remoteAddress) || !tokenMatches(app.adminToken, token)) {
				throw new AppError(404, 'NOT_FOUND', `No route for ${request.method} /api/admin/backup`);
			}
			const db = app.database.db;
			const studyId = request.body?.study ? await resolveStudyId(db, request.body.study) : undefined;
			return sendBackup(reply, await createBackup(db, CLI_ACTOR, studyId));
		}
	);
};
