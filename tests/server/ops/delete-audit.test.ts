import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredDrafts } from '../../../server/studies/retention.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { as, CODES } from '../dialogue/dialogue-fixture.js';
import { createFullStudy, rowCounts } from './full-study.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
	t = await buildTestApp();
});
afterAll(async () => t?.close());

const ACCOUNT_TABLES = ['researchers', 'researcher_sessions'];
const BOOKKEEPING = [
	'kysely_migration',
	'kysely_migration_lock',
	'setup_tokens',
	'login_attempts',
	'rate_limits',
	'server_secrets'
];

async function auditRows(studyId: string) {
	return t.database.db
		.selectFrom('audit_events')
		.selectAll()
		.where('study_id', '=', studyId)
		.orderBy('created_at')
		.execute();
}

describe('deleting a study', () => {
	it('needs the owner to type its name; a wrong name, no name or another role changes nothing', async () => {
		const f = await createFullStudy(t.database.db, 'typen');
		const before = await rowCounts(t.database.db);
		const url = `/api/studies/${f.studyId}`;
		const wrong = await t.app.inject({
			method: 'DELETE',
			url,
			headers: as(f.cookies.owner),
			payload: { confirm: 'iets anders' }
		});
		expect(wrong.statusCode).toBe(422);
		expect(wrong.json().error.code).toBe('CONFIRMATION_MISMATCH');
		expect(wrong.json().error.message).toContain('typen');
		expect((await t.app.inject({ method: 'DELETE', url, headers: as(f.cookies.owner) })).statusCode).toBe(400);
		const blank = await t.app.inject({
			method: 'DELETE',
			url,
			headers: as(f.cookies.owner),
			payload: { confirm: '   ' }
		});
		expect(blank.statusCode).toBe(422);
		const coResearcher = await t.app.inject({
			method: 'DELETE',
			url,
			headers: as(f.cookies.co_researcher),
			payload: { confirm: 'typen' }
		});
		expect(coResearcher.statusCode).toBe(403);
		expect(await rowCounts(t.database.db)).toEqual(before);
	});

	it('removes every row that belongs to it, table by table, and keeps the audit trail', async () => {
		const db = t.database.db;
		const kept = await createFullStudy(db, 'blijft');
		const baseline = await rowCounts(db);
		const f = await createFullStudy(db, 'verdwijnt');
		const filled = await rowCounts(db);
		// The fixture reaches every table a study owns: a new table without a cascade would show up here.
		const studyTables = Object.keys(filled).filter(
			(table) => ![...ACCOUNT_TABLES, ...BOOKKEEPING, 'audit_events'].includes(table)
		);
		for (const table of studyTables) expect(filled[table], table).toBeGreaterThan(baseline[table]!);

		// The title in either language works as well as the slug.
		const response = await t.app.inject({
			method: 'DELETE',
			url: `/api/studies/${f.studyId}`,
			headers: as(f.cookies.owner),
			payload: { confirm: ' Diversity in the team ' }
		});
		expect(response.statusCode).toBe(204);
		const after = await rowCounts(db);
		for (const table of studyTables) expect(after[table], table).toBe(baseline[table]);
		for (const table of ACCOUNT_TABLES) expect(after[table], table).toBe(filled[table]);
		// The other study is untouched.
		expect(
			(
				await t.app.inject({
					method: 'GET',
					url: `/api/studies/${kept.studyId}`,
					headers: { cookie: kept.cookies.owner }
				})
			).statusCode
		).toBe(200);

		const trail = await auditRows(f.studyId);
		expect(trail.map((e) => e.action)).toEqual(['study.delete']);
		expect(trail[0]).toMatchObject({
			study_slug: 'verdwijnt',
			actor: 'owner-verdwijnt@example.org',
			details: { sorts: 8, codes: 3, analyses: 1 }
		});

		// After the deletion the former owner still reads the trail; nobody else does.
		const mine = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: f.cookies.owner } });
		expect(
			mine.json().events.map((e: { action: string; studySlug: string }) => [e.action, e.studySlug])
		).toContainEqual(['study.delete', 'verdwijnt']);
		for (const other of [f.cookies.co_researcher, f.cookies.stranger, kept.cookies.owner]) {
			const events = (await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: other } })).json()
				.events;
			expect(events.filter((e: { studyId: string }) => e.studyId === f.studyId)).toEqual([]);
		}
	});
});

describe('audit trail', () => {
	it('records exports, imports, member and status changes and analysis saves with who and when, and nothing of participants', async () => {
		const db = t.database.db;
		const f = await createFullStudy(db, 'spoor');
		const owner = as(f.cookies.owner);
		const base = `/api/studies/${f.studyId}`;
		const started = Date.now();
		expect((await t.app.inject({ method: 'GET', url: `${base}/export?format=csv`, headers: owner })).statusCode).toBe(
			200
		);
		expect((await t.app.inject({ method: 'GET', url: `${base}/codes?format=csv`, headers: owner })).statusCode).toBe(
			200
		);
		expect(
			(await t.app.inject({ method: 'GET', url: `/api/analyses/${f.analysisId}/export.json`, headers: owner }))
				.statusCode
		).toBe(200);
		const saved = await t.app.inject({
			method: 'POST',
			url: `${base}/analyses`,
			headers: owner,
			payload: { extraction: 'pca', factors: 2, rotation: 'varimax', name: 'Versie 2' }
		});
		expect(saved.statusCode, saved.body).toBe(201);
		const row = ['X1', ...[2, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1, -2]].join(',');
		const csvImport = { format: 'csv', content: `sort,${CODES.join(',')}\n${row}\n` };
		const imported = await t.app.inject({ method: 'POST', url: `${base}/import`, headers: owner, payload: csvImport });
		expect(imported.statusCode, imported.body).toBe(201);
		const members = (await t.app.inject({ method: 'GET', url: `${base}/members`, headers: owner })).json().members;
		const facilitator = members.find((m: { role: string }) => m.role === 'facilitator');
		expect(
			(
				await t.app.inject({
					method: 'PATCH',
					url: `${base}/members/${facilitator.researcherId}`,
					headers: owner,
					payload: { role: 'co_researcher' }
				})
			).statusCode
		).toBe(200);
		expect(
			(await t.app.inject({ method: 'DELETE', url: `${base}/members/${facilitator.researcherId}`, headers: owner }))
				.statusCode
		).toBe(204);
		expect(
			(
				await t.app.inject({
					method: 'POST',
					url: `${base}/members`,
					headers: owner,
					payload: { email: 'stranger-spoor@example.org', role: 'facilitator' }
				})
			).statusCode
		).toBe(202);
		const patched = await t.app.inject({
			method: 'PATCH',
			url: base,
			headers: owner,
			payload: { draftRetentionDays: 30 }
		});
		expect(patched.json().study.draftRetentionDays).toBe(30);
		const filledIn = JSON.stringify({ nl: 'Tekst', en: 'Text' });
		await db
			.updateTable('studies')
			.set({ consent: filledIn, instructions: filledIn })
			.where('id', '=', f.studyId)
			.execute();
		// A refused status change is not recorded.
		expect(
			(await t.app.inject({ method: 'POST', url: `${base}/status`, headers: owner, payload: { status: 'closed' } }))
				.statusCode
		).toBe(409);
		expect(
			(await t.app.inject({ method: 'POST', url: `${base}/status`, headers: owner, payload: { status: 'open' } }))
				.statusCode
		).toBe(200);
		const closed = await t.app.inject({
			method: 'POST',
			url: `${base}/status`,
			headers: owner,
			payload: { status: 'closed', removeUnusedCodes: true }
		});
		expect(closed.json()).toEqual({ status: 'closed', removedCodes: 1 });

		const trail = await auditRows(f.studyId);
		expect(trail.map((e) => e.action)).toEqual([
			'export.data',
			'export.codes',
			'export.analysis',
			'analysis.save',
			'import.data',
			'member.role',
			'member.remove',
			'member.invite',
			'study.retention',
			'study.status',
			'study.status',
			'codes.remove'
		]);
		for (const event of trail) {
			expect(event.actor).toBe('owner-spoor@example.org');
			expect(new Date(event.created_at).getTime()).toBeGreaterThanOrEqual(started - 1000);
			expect(event.owner_ids).toHaveLength(1);
		}
		expect(trail.find((e) => e.action === 'analysis.save')!.details).toEqual({
			analysis: saved.json().id,
			name: 'Versie 2'
		});
		expect(trail.find((e) => e.action === 'import.data')!.details).toEqual({ format: 'csv', sorts: 1 });
		expect(trail.filter((e) => e.action === 'study.status').map((e) => e.details)).toEqual([
			{ from: 'draft', to: 'open' },
			{ from: 'open', to: 'closed' }
		]);
		expect(trail.find((e) => e.action === 'member.role')!.details).toEqual({
			member: 'facilitator-spoor@example.org',
			role: 'co_researcher'
		});
		// Codes, receipts, answers, comments and notes of participants never reach the trail.
		const text = JSON.stringify(trail);
		for (const secret of ['SPOOR-0', 'R-spoor', 'Noord', 'keeper', 'eerste weken', '127.0.0.1'])
			expect(text).not.toContain(secret);

		// Owners read it and download it as CSV (which is itself recorded); others may not.
		const list = await t.app.inject({ method: 'GET', url: `${base}/audit`, headers: { cookie: f.cookies.owner } });
		expect(list.json().events[0].action).toBe('codes.remove');
		expect(
			(await t.app.inject({ method: 'GET', url: `${base}/audit`, headers: { cookie: f.cookies.co_researcher } }))
				.statusCode
		).toBe(403);
		const csv = await t.app.inject({
			method: 'GET',
			url: `${base}/audit?format=csv`,
			headers: { cookie: f.cookies.owner }
		});
		expect(csv.headers['content-disposition']).toContain('spoor-audit.csv');
		const lines = csv.body
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\n');
		expect(lines[0]).toBe('time,study,actor,action,details');
		// Everything up to and including the download's own entry.
		expect(lines).toHaveLength(1 + trail.length + 1);
		expect((await auditRows(f.studyId)).at(-1)!.action).toBe('export.audit');
	});

	it('closing without removeUnusedCodes keeps the codes; removing codes is refused when not closing', async () => {
		const f = await createFullStudy(t.database.db, 'codes');
		await t.database.db.updateTable('studies').set({ status: 'open' }).where('id', '=', f.studyId).execute();
		const base = `/api/studies/${f.studyId}`;
		const refused = await t.app.inject({
			method: 'POST',
			url: `${base}/status`,
			headers: as(f.cookies.owner),
			payload: { status: 'open', removeUnusedCodes: true }
		});
		expect(refused.statusCode).toBe(422);
		const closed = await t.app.inject({
			method: 'POST',
			url: `${base}/status`,
			headers: as(f.cookies.owner),
			payload: { status: 'closed' }
		});
		expect(closed.json()).toEqual({ status: 'closed', removedCodes: 0 });
		expect(
			await t.database.db.selectFrom('participants').select('id').where('study_id', '=', f.studyId).execute()
		).toHaveLength(3);
	});

	it('a spreadsheet formula in a slug-like field is neutralised in the CSV', async () => {
		const f = await createFullStudy(t.database.db, 'formule');
		await t.database.db
			.insertInto('audit_events')
			.values({ study_id: f.studyId, actor: '=HYPERLINK("x")', action: 'export.data' })
			.execute();
		const csv = await t.app.inject({
			method: 'GET',
			url: `/api/studies/${f.studyId}/audit?format=csv`,
			headers: { cookie: f.cookies.owner }
		});
		expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
	});
});

describe('draft retention', () => {
	it('removes drafts older than the study sets (default 90 days), resets their codes, and counts each once under concurrency', async () => {
		const db = t.database.db;
		const f = await createFullStudy(db, 'bewaren');
		const halfway = await db
			.selectFrom('participants')
			.select('id')
			.where('study_id', '=', f.studyId)
			.where('status', '=', 'in_progress')
			.executeTakeFirstOrThrow();
		const detail = await t.app.inject({
			method: 'GET',
			url: `/api/studies/${f.studyId}`,
			headers: { cookie: f.cookies.owner }
		});
		expect(detail.json().study.draftRetentionDays).toBe(90);
		const now = new Date('2027-06-01T12:00:00Z');
		const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

		await db
			.updateTable('drafts')
			.set({ updated_at: daysAgo(89) })
			.where('participant_id', '=', halfway.id)
			.execute();
		expect((await purgeExpiredDrafts(db, now)).get(f.studyId)).toBeUndefined();
		await db
			.updateTable('drafts')
			.set({ updated_at: daysAgo(91) })
			.where('participant_id', '=', halfway.id)
			.execute();
		const runs = await Promise.all([purgeExpiredDrafts(db, now), purgeExpiredDrafts(db, now)]);
		expect(runs.map((r) => r.get(f.studyId) ?? 0).sort()).toEqual([0, 1]);
		expect(
			await db.selectFrom('drafts').select('participant_id').where('participant_id', '=', halfway.id).execute()
		).toEqual([]);
		const participant = await db
			.selectFrom('participants')
			.select(['status', 'started_at'])
			.where('id', '=', halfway.id)
			.executeTakeFirstOrThrow();
		expect(participant).toEqual({ status: 'new', started_at: null });
		const expired = (await auditRows(f.studyId)).filter((e) => e.action === 'drafts.expire');
		expect(expired.map((e) => [e.actor, e.details])).toEqual([['system', { drafts: 1 }]]);
	});

	it('follows a shorter period set per study, and never touches a submitted participation', async () => {
		const db = t.database.db;
		const f = await createFullStudy(db, 'kort');
		const response = await t.app.inject({
			method: 'PATCH',
			url: `/api/studies/${f.studyId}`,
			headers: as(f.cookies.owner),
			payload: { draftRetentionDays: 7 }
		});
		expect(response.statusCode).toBe(200);
		const now = new Date();
		const participants = await db
			.selectFrom('participants')
			.select(['id', 'status'])
			.where('study_id', '=', f.studyId)
			.execute();
		const submitted = participants.find((p) => p.status === 'submitted')!;
		await db
			.insertInto('drafts')
			.values({ participant_id: submitted.id, data: '{}', updated_at: new Date(now.getTime() - 30 * 86_400_000) })
			.execute();
		await db
			.updateTable('drafts')
			.set({ updated_at: new Date(now.getTime() - 8 * 86_400_000) })
			.where('participant_id', '!=', submitted.id)
			.where(
				'participant_id',
				'in',
				participants.map((p) => p.id)
			)
			.execute();
		expect((await purgeExpiredDrafts(db, now)).get(f.studyId)).toBe(1);
		expect(
			await db
				.selectFrom('drafts')
				.select('participant_id')
				.where(
					'participant_id',
					'in',
					participants.map((p) => p.id)
				)
				.execute()
		).toEqual([{ participant_id: submitted.id }]);
	});

	it.each([[0], [3651], [1.5], ['negentig']])('refuses a retention period of %s', async (days) => {
		const f = await createFullStudy(t.database.db, `fout-${String(days).replace('.', '-')}`);
		const response = await t.app.inject({
			method: 'PATCH',
			url: `/api/studies/${f.studyId}`,
			headers: as(f.cookies.owner),
			payload: { draftRetentionDays: days }
		});
		expect(response.statusCode).toBe(400);
		expect(
			(
				await t.database.db
					.selectFrom('studies')
					.select('draft_retention_days')
					.where('id', '=', f.studyId)
					.executeTakeFirstOrThrow()
			).draft_retention_days
		).toBe(90);
	});
});

describe('health', () => {
	it('tells liveness from readiness: a missing or unknown migration makes the app not ready but still live', async () => {
		const db = t.database.db;
		expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'live' });
		const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
		expect(ready.statusCode).toBe(200);
		expect(ready.json().checks).toEqual({ database: 'reachable', migrations: 'current' });

		await sql`insert into kysely_migration (name, timestamp) values ('29990101T000000Z-from-the-future', now())`.execute(
			db
		);
		const newer = await t.app.inject({ method: 'GET', url: '/api/health' });
		expect(newer.statusCode).toBe(503);
		expect(newer.json()).toMatchObject({
			status: 'unavailable',
			checks: { database: 'reachable', migrations: 'newer' }
		});
		await sql`delete from kysely_migration where name = '29990101T000000Z-from-the-future'`.execute(db);

		const last = await sql<{
			name: string;
			timestamp: string;
		}>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(db);
		await sql`delete from kysely_migration where name = ${last.rows[0]!.name}`.execute(db);
		const pending = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
		expect(pending.statusCode).toBe(503);
		expect(pending.json().checks.migrations).toBe('pending');
		expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
		await sql`insert into kysely_migration (name, timestamp) values (${last.rows[0]!.name}, ${last.rows[0]!.timestamp})`.execute(
			db
		);
		expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
	});
});
