import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { deleteExpiredDrafts } from '../participation/drafts-repository.js';

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
		const removed = new Map<string, number>();
		for (const row of await deleteExpiredDrafts(trx, now)) {
			removed.set(row.studyId, row.removed);
			await recordAudit(trx, {
				studyId: row.studyId,
				actor: SYSTEM_ACTOR,
				action: 'drafts.expire',
				details: { drafts: row.removed }
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
