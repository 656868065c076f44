import type { FastifyRequest } from 'fastify';
import { researcherOf } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import { isUuid, requireStudyAccess, type Permission, type StudyAccess } from '../../studies/access.js';

/** The study of `:id` if the logged-in researcher's role allows `permission` (404 for others' studies). */
export function studyAccess(
	request: FastifyRequest & { params: { id: string } },
	permission: Permission
): Promise<StudyAccess> {
	return requireStudyAccess(request.server.database.db, researcherOf(request).id, request.params.id, permission);
}

/** A uuid path parameter, or the given 404 (a malformed id is just an unknown one). */
export function idParam(value: string, code: string, what: string): string {
	if (!isUuid(value)) throw new AppError(404, code, `There is no such ${what} in this study.`);
	return value;
}
