import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { assertCsrfSafe, authenticate } from '../auth/guard.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { requireStudyAccess, studyNotFound } from '../studies/access.js';
import { studyIdBySlug } from '../studies/studies-repository.js';
import { normalizeCode } from './codes.js';
import { findParticipantByCode } from './participants-repository.js';
import { createParticipant, notFacilitated, studyClosed } from './service.js';

// Facilitated mode (interviews) is the researchers' own data collection: only an owner or co-researcher of
// the study, logged in, may enrol an interview participant or submit a sort with interviewer notes.

/** Session (401), CSRF header (403), then owner or co-researcher of the study (404 for a stranger, 403 ROLE_TOO_LOW). */
async function requireInterviewer(request: FastifyRequest, studyId: string) {
	const researcher = await authenticate(request);
	assertCsrfSafe(request);
	return requireStudyAccess(request.server.database.db, researcher.id, studyId, 'edit');
}

/**
 * Creates a participant for an interview. Self-enrolment does not matter (the researcher runs the sort),
 * but the study must be open: a draft or closed study accepts no sorts.
 */
export async function enrolFacilitated(request: FastifyRequest, slug: string): Promise<string> {
	const db: Kysely<Database> = request.server.database.db;
	const foundId = await studyIdBySlug(db, slug);
	if (!foundId) {
		// Still ask for a session first, so that anonymous callers learn nothing about which slugs exist.
		await authenticate(request);
		assertCsrfSafe(request);
		throw studyNotFound();
	}
	const { study } = await requireInterviewer(request, foundId);
	if (study.status === 'draft') {
		throw new AppError(409, 'STUDY_NOT_OPEN', 'This study is still a draft: open it before running interviews.');
	}
	if (study.status !== 'open') throw studyClosed();
	return createParticipant(db, study.id, 'facilitated');
}

/**
 * Checks a submission that carries a `facilitated` block before it is stored: the code must have been
 * enrolled for an interview (422 NOT_FACILITATED), and the caller must be an owner or co-researcher of
 * its study (401 without a session, 403 otherwise). An unknown code is left to the submission (404).
 */
export async function authorizeFacilitatedSubmission(request: FastifyRequest, code: string): Promise<void> {
	const normal = normalizeCode(code);
	if (!normal) return;
	const db: Kysely<Database> = request.server.database.db;
	const participant = await findParticipantByCode(db, normal);
	if (!participant) return;
	if (participant.source !== 'facilitated') throw notFacilitated();
	try {
		await requireInterviewer(request, participant.study_id);
	} catch (error) {
		// The participant code already names the study, so a non-member gets a plain 403 rather than a 404.
		if (error instanceof AppError && error.code === 'STUDY_NOT_FOUND') {
			throw new AppError(
				403,
				'NOT_STUDY_RESEARCHER',
				'Only an owner or co-researcher of this study can submit an interview.'
			);
		}
		throw error;
	}
}
