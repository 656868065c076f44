import { sql, type Kysely } from 'kysely';
import type { SortDto, StudyStats } from '../../src/lib/api/types/studies.js';
import { completionsPerDay, median } from '../../src/lib/rules/counts.js';
import type { Database, SortSource } from '../db/schema.js';
import { AppError } from '../errors.js';
import { normalizeCode } from '../participation/codes.js';
import { deleteDraftOf } from '../participation/drafts-repository.js';
import { participationRows, setParticipantStatus } from '../participation/participants-repository.js';
import {
	deleteSortByReceipt,
	deleteSortRow,
	setSortExclusion,
	type SortRow,
	sortRows,
	sortTimings
} from './sorts-repository.js';

// server/exports imports SortDto from here.
export type { SortDto };

export async function studyStats(db: Kysely<Database>, studyId: string): Promise<StudyStats> {
	const participants = await participationRows(db, studyId);
	const sorts = await sortTimings(db, studyId);
	const withdrawals = await db
		.selectFrom('withdrawals')
		.select(sql<string | number>`count(*)`.as('n'))
		.where('study_id', '=', studyId)
		.executeTakeFirstOrThrow();
	const bySource: Partial<Record<SortSource, number>> = {};
	const durations: number[] = [];
	for (const sort of sorts) {
		bySource[sort.source] = (bySource[sort.source] ?? 0) + 1;
		const submitted = new Date(sort.submitted_at);
		if (sort.started_at) {
			const seconds = (submitted.getTime() - new Date(sort.started_at).getTime()) / 1000;
			if (seconds >= 0) durations.push(seconds);
		}
	}
	const count = (predicate: (p: (typeof participants)[number]) => boolean) => participants.filter(predicate).length;
	return {
		participants: {
			invited: count((p) => p.source === 'invited'),
			selfEnrolled: count((p) => p.source === 'self_enrolled'),
			facilitated: count((p) => p.source === 'facilitated'),
			started: count((p) => p.started_at !== null || p.status === 'in_progress' || p.status === 'submitted'),
			submitted: count((p) => p.status === 'submitted'),
			withdrawn: count((p) => p.status === 'withdrawn')
		},
		sorts: {
			total: sorts.length,
			included: sorts.filter((s) => !s.excluded).length,
			excluded: sorts.filter((s) => s.excluded).length,
			bySource
		},
		medianCompletionSeconds: median(durations),
		completionsPerDay: completionsPerDay(sorts.map((sort) => sort.submitted_at)),
		withdrawals: Number(withdrawals.n)
	};
}

export function sortRowToDto(row: SortRow): SortDto {
	return {
		id: row.id,
		label: row.label,
		source: row.source,
		placements: row.placements,
		answers: row.answers,
		comments: row.comments,
		interviewerNotes: row.interviewer_notes,
		respondentNumber: row.respondent_number,
		startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
		submittedAt: new Date(row.submitted_at).toISOString(),
		synthetic: row.synthetic,
		excluded: row.excluded,
		exclusionReason: row.exclusion_reason
	};
}

/** Every sort of the study, oldest submission first. The receipt (the participant's secret) is never shown. */
export async function listSorts(db: Kysely<Database>, studyId: string): Promise<SortDto[]> {
	return (await sortRows(db, studyId)).map(sortRowToDto);
}

const sortNotFound = () => new AppError(404, 'SORT_NOT_FOUND', 'There is no such sort in this study.');

/** Excludes a sort from analysis (a reason is required) or includes it again. */
export async function setExclusion(
	db: Kysely<Database>,
	studyId: string,
	sortId: string,
	excluded: boolean,
	reason: string | undefined
): Promise<SortDto> {
	const text = reason?.trim() ?? '';
	if (excluded && !text)
		throw new AppError(422, 'REASON_REQUIRED', 'Say why this sort is excluded; the reason is kept with the sort.');
	if (!(await setSortExclusion(db, studyId, sortId, excluded, excluded ? text : null))) throw sortNotFound();
	return (await listSorts(db, studyId)).find((s) => s.id === sortId)!;
}

/** Removes a sort entered by mistake (an import, a paper sort); not a participant's withdrawal. */
export async function deleteSort(db: Kysely<Database>, studyId: string, sortId: string): Promise<void> {
	if (!(await deleteSortRow(db, studyId, sortId))) throw sortNotFound();
}

/**
 * A participant's withdrawal by receipt: deletes the sort and its participant's draft for good, marks
 * the participant withdrawn, and logs only study, time, source and acting researcher.
 */
export async function withdrawByReceipt(
	db: Kysely<Database>,
	studyId: string,
	receipt: string,
	researcherId: string
): Promise<{ withdrawnAt: string }> {
	// Receipts are typeable codes like participant codes: case, spaces, dashes and look-alikes do not matter.
	const normalized = normalizeCode(receipt) ?? receipt.trim();
	return db.transaction().execute(async (trx) => {
		const sort = await deleteSortByReceipt(trx, studyId, normalized);
		if (!sort) throw new AppError(404, 'RECEIPT_NOT_FOUND', 'No sort of this study has this receipt code.');
		if (sort.participant_id) {
			await deleteDraftOf(trx, sort.participant_id);
			await setParticipantStatus(trx, sort.participant_id, 'withdrawn');
		}
		const logged = await trx
			.insertInto('withdrawals')
			.values({ study_id: studyId, sort_source: sort.source, withdrawn_by: researcherId })
			.returning('withdrawn_at')
			.executeTakeFirstOrThrow();
		return { withdrawnAt: new Date(logged.withdrawn_at).toISOString() };
	});
}

export async function listWithdrawals(
	db: Kysely<Database>,
	studyId: string
): Promise<{ withdrawnAt: string; sortSource: SortSource }[]> {
	const rows = await db
		.selectFrom('withdrawals')
		.select(['withdrawn_at', 'sort_source'])
		.where('study_id', '=', studyId)
		.orderBy('withdrawn_at')
		.execute();
	return rows.map((r) => ({ withdrawnAt: new Date(r.withdrawn_at).toISOString(), sortSource: r.sort_source }));
}
