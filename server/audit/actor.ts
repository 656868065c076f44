import type { FastifyRequest } from 'fastify';
import { researcherOf } from '../auth/guard.js';
import { type AuditAction, type AuditActor, recordAudit } from './record.js';

/** The logged-in researcher as the audit trail names them: id and e-mail (never the IP address). */
export function auditActorOf(request: FastifyRequest): AuditActor {
	const researcher = researcherOf(request);
	return { id: researcher.id, label: researcher.email };
}

/** Records what the logged-in researcher just did to a study (after it succeeded). */
export function auditRequest(
	request: FastifyRequest,
	studyId: string,
	action: AuditAction,
	details?: Record<string, unknown>
): Promise<void> {
	return recordAudit(request.server.database.db, { studyId, actor: auditActorOf(request), action, details });
}
