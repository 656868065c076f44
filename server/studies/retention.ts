import { type Kysely, sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record.js';
import type { Database } from '../db/schema.js';

/** How often the running server looks for expired drafts. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Removes the drafts that were never submitted and have not changed for longer than their study's
 * retention period (`draft_retention_days`, default 90), and puts their codes back to "new" (the code
 * still works; the half-finished answers are gone). One statement in one transaction, with one audit
 * row per study: several server processes may run it at the same time, and a draft is removed (and
 * counted) by exactly one of them. Returns the number removed per study.
 */
export async function purgeExpiredDrafts(db: Kysely<Database>, now: Date = new Date()): Promise<Map<string, number>> {
	return db.transaction().execute(async (trx) => {
		const result = await sql<{ study_id: string; removed: string | number }>`
			with expired as (
				delete from drafts d
				using participants p, studies s
				where p.id = d.participant_id and s.id = p.study_id and p.status <> 'submitted'
					and d.updated_at < ${now}::timestamptz - make_interval(days => s.draft_retention_days)
				returning d.participant_id, p.study_id
			), reset as (
				update participants set status = 'new', started_at = null
				where id in (select participant_id from expired) and status = 'in_progress'
			)
			select study_id, count(*) as removed from expired group by study_id`.execute(trx);
		const removed = new Map<string, number>();
		for (const row of result.rows) {
			removed.set(row.study_id, Number(row.removed));
			await recordAudit(trx, {
				studyId: row.study_id,
				actor: SYSTEM_ACTOR,
				action: 'drafts.expire',
				details: { drafts: Number(row.removed) }
			});
		}
		return removed;
	});
}

/**
 * Runs `purgeExpiredDrafts` now and then every hour until the returned function is called. A failure
 * (the database briefly away) is logged and tried again at the next round.
 */
export function scheduleDraftRetention(
	db: Kysely<Database>,
	log: FastifyBaseLogger,
	intervalMs = RETENTION_INTERVAL_MS
): () => Promise<void> {
	let running: Promise<void> | undefined;
	const run = () => {
		running ??= purgeExpiredDrafts(db)
			.then((removed) => {
				const total = [...removed.values()].reduce((a, b) => a + b, 0);
				if (total > 0) log.info({ drafts: total, studies: removed.size }, 'removed drafts past their retention period');
			})
			.catch((error: unknown) => log.warn({ err: error }, 'could not remove expired drafts; trying again later'))
			.finally(() => (running = undefined));
	};
	run();
	const timer = setInterval(run, intervalMs);
	timer.unref();
	return async () => {
		clearInterval(timer);
		await running;
	};
}
