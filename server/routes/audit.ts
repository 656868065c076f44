import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyReply } from 'fastify';
import { auditActorOf } from '../audit/actor.js';
import { AUDIT_PAGE, auditCsv, type AuditEventDto, ownerAuditEvents, studyAuditEvents } from '../audit/read.js';
import { recordAudit } from '../audit/record.js';
import { requireResearcherHook, researcherOf } from '../auth/guard.js';
import { requireStudyAccess } from '../studies/access.js';
import { errors, idParams } from './common-schemas.js';
import { auditEventSchema } from '../../src/lib/api/types/audit.js';

/** JSON (the newest events) or, with ?format=csv, a CSV download of all of them. */
const listResponse = {
	description: 'the events as JSON, or a CSV file with ?format=csv',
	content: {
		'application/json': {
			schema: {
				type: 'object',
				required: ['events'],
				additionalProperties: false,
				properties: { events: { type: 'array', items: auditEventSchema } }
			}
		},
		'text/csv': { schema: { description: 'UTF-8 with a byte order mark, one event a row' } }
	}
} as const;
const formatQuery = {
	type: 'object',
	additionalProperties: false,
	properties: {
		format: { enum: ['json', 'csv'], description: `json: the newest ${AUDIT_PAGE}; csv: everything, as a download` }
	}
} as const;

function sendCsv(reply: FastifyReply, name: string, events: AuditEventDto[]) {
	return reply
		.type('text/csv; charset=utf-8')
		.header('content-disposition', `attachment; filename="${name}-audit.csv"`)
		.send(`\uFEFF${auditCsv(events)}`);
}

/**
 * The audit trail (issue 14): who exported, imported, deleted, changed members or status, or saved an
 * analysis, and when. Owners only. Registered under /api.
 */
const auditRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
	const db = app.database.db;
	app.addHook('onRequest', requireResearcherHook);

	app.get(
		'/studies/:id/audit',
		{
			schema: {
				tags: ['audit'],
				summary: "The study's audit trail, newest first (owners only); ?format=csv downloads all of it",
				params: idParams,
				querystring: formatQuery,
				response: { 200: listResponse, ...errors(400, 401, 403, 404) }
			}
		},
		async (request, reply) => {
			const { study } = await requireStudyAccess(db, researcherOf(request).id, request.params.id, 'own');
			if (request.query.format !== 'csv') return { events: await studyAuditEvents(db, study.id, AUDIT_PAGE) };
			await recordAudit(db, { studyId: study.id, actor: auditActorOf(request), action: 'export.audit' });
			return sendCsv(reply, study.slug, await studyAuditEvents(db, study.id));
		}
	);

	app.get(
		'/audit',
		{
			schema: {
				tags: ['audit'],
				summary:
					'The audit trails of every study the caller owns, and of deleted studies they owned; ?format=csv downloads all',
				querystring: formatQuery,
				response: { 200: listResponse, ...errors(400, 401) }
			}
		},
		async (request, reply) => {
			const researcher = researcherOf(request);
			if (request.query.format !== 'csv') return { events: await ownerAuditEvents(db, researcher.id, AUDIT_PAGE) };
			await recordAudit(db, { studyId: null, actor: auditActorOf(request), action: 'export.audit' });
			return sendCsv(reply, 'standpunt', await ownerAuditEvents(db, researcher.id));
		}
	);
};

export default auditRoutes;
