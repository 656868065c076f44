import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// Rate limits live in Postgres so that every server process behind a load balancer shares them. A bucket
// is a fixed window with a counter. `spend` counts a hit and checks the budget in ONE upsert, under the
// row's lock: of any number of racing requests, in any number of processes, exactly `limit` are let
// through per window. No bucket names a client by its network address; buckets are hashed e-mail
// addresses, hashed device tokens or global ("every login", "every join code").

export interface Budget {
	/** Hits allowed per window. */
	limit: number;
	windowMs: number;
}

export interface Spent {
	allowed: boolean;
	/** Seconds until the window ends (0 when allowed). */
	retryAfterSeconds: number;
}

// A counter never needs to grow past this: it only has to stay above any limit until the window ends.
const HIT_CEILING = 1_000_000_000;
// Rows whose window ended this long ago are of no use any more; they are swept now and then.
const STALE_AFTER = '1 day';
let spendsSinceSweep = 0;

function secondsLeft(windowStartedAt: Date | string, windowMs: number, now: Date | string): number {
	const end = new Date(windowStartedAt).getTime() + windowMs;
	return Math.max(1, Math.ceil((end - new Date(now).getTime()) / 1000));
}

/** Counts one hit in `bucket` and says whether it was within the budget (atomic across processes). */
export async function spend(db: Kysely<Database>, bucket: string, budget: Budget): Promise<Spent> {
	const windowSeconds = budget.windowMs / 1000;
	const expired = sql<boolean>`rate_limits.window_started_at <= now() - make_interval(secs => ${windowSeconds})`;
	const { rows } = await sql<{ hits: number; window_started_at: Date | string; now: Date | string }>`
		insert into rate_limits (bucket, window_started_at, hits) values (${bucket}, now(), 1)
		on conflict (bucket) do update set
			hits = case when ${expired} then 1 else least(rate_limits.hits + 1, ${HIT_CEILING}) end,
			window_started_at = case when ${expired} then now() else rate_limits.window_started_at end
		returning hits, window_started_at, now() as now`.execute(db);
	const row = rows[0]!;
	if (++spendsSinceSweep >= 500) {
		spendsSinceSweep = 0;
		await sql`delete from rate_limits where window_started_at < now() - ${STALE_AFTER}::interval`.execute(db);
	}
	if (Number(row.hits) <= budget.limit) return { allowed: true, retryAfterSeconds: 0 };
	return { allowed: false, retryAfterSeconds: secondsLeft(row.window_started_at, budget.windowMs, row.now) };
}

/** Gives one hit back (an attempt that turned out to be legitimate). */
export async function refund(db: Kysely<Database>, bucket: string): Promise<void> {
	await db
		.updateTable('rate_limits')
		.set({ hits: sql`greatest(hits - 1, 0)` })
		.where('bucket', '=', bucket)
		.execute();
}

/** Forgets a bucket (a successful login forgives the earlier failures of that address). */
export async function forget(db: Kysely<Database>, bucket: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('bucket', '=', bucket).execute();
}
