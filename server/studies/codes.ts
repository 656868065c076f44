import type { Kysely } from 'kysely';
import type { CodeDto } from '../../src/lib/api/types/studies.js';
import type { Database } from '../db/schema.js';
import { generateCode } from '../participation/codes.js';
import { codeRows, insertCodes } from '../participation/participants-repository.js';

export const MAX_CODES_PER_REQUEST = 1000;

/**
 * Creates `count` anonymous invitation codes (participants with source "invited"). The codes come from
 * the participant side's generator (60 random bits, Crockford base-32, grouped for typing); a clash with
 * an existing code is simply drawn again.
 */
export async function createCodes(db: Kysely<Database>, studyId: string, count: number): Promise<string[]> {
	const created: string[] = [];
	while (created.length < count) {
		const batch = Array.from({ length: count - created.length }, () => generateCode());
		created.push(...(await insertCodes(db, studyId, batch, 'invited')));
	}
	return created;
}

export async function listCodes(db: Kysely<Database>, studyId: string): Promise<CodeDto[]> {
	const rows = await codeRows(db, studyId);
	return rows.map((r) => ({
		code: r.code,
		status: r.status,
		source: r.source,
		createdAt: new Date(r.created_at).toISOString()
	}));
}
