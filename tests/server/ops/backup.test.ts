import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFileError, type BackupContent, decodeBackup, encodeBackup } from '../../../server/backup/format.js';
import { restoreBackup, RestoreTargetError } from '../../../server/backup/restore.js';
import { readSnapshot } from '../../../server/backup/snapshot.js';
import { NOT_BACKED_UP, UNUSABLE_PASSWORD } from '../../../server/backup/tables.js';
import { type DatabaseHandle, openDatabase } from '../../../server/db/index.js';
import { migrateToLatest } from '../../../server/db/migrate.js';
import type { Database } from '../../../server/db/schema.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { copyPgliteTemplate, createServerDatabase, serverUrl } from '../../helpers/db.js';
import { createFullStudy, rowCounts } from './full-study.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
	t = await buildTestApp();
});
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
	await t?.close();
});

/** An empty database, not even migrated: on PGlite a new data folder, on Postgres a new database. */
async function emptyDatabase(kind: 'embedded' | 'postgres'): Promise<DatabaseHandle> {
	const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-restore-'));
	const server = kind === 'postgres' ? await createServerDatabase() : undefined;
	const database = await openDatabase({ databaseUrl: server?.url, dataDir });
	cleanups.push(async () => {
		await database.close();
		rmSync(dataDir, { recursive: true, force: true });
		await server?.drop();
	});
	return database;
}

/** A migrated, empty PGlite database (a copy of the run's template when there is one). */
async function migratedEmbedded(): Promise<DatabaseHandle> {
	const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-restore-'));
	copyPgliteTemplate(dataDir);
	const database = await openDatabase({ databaseUrl: undefined, dataDir });
	cleanups.push(async () => {
		await database.close();
		rmSync(dataDir, { recursive: true, force: true });
	});
	await migrateToLatest(database.db); // nothing to do on a copy of the template
	return database;
}

function rowsOf(content: BackupContent): Record<string, string[]> {
	return Object.fromEntries(content.rows);
}

async function tables(db: Kysely<any>): Promise<string[]> {
	const result = await sql<{
		n: string;
	}>`select table_name as n from information_schema.tables where table_schema = 'public' order by 1`.execute(db);
	return result.rows.map((r) => r.n);
}

describe('backup file', () => {
	it('holds every table except the login state, parents first, with counts, schema version and a checksum', async () => {
		const db = t.database.db;
		await createFullStudy(db, 'heel');
		const content = await readSnapshot(db);
		const counts = await rowCounts(db);
		const expected = Object.keys(counts).filter((name) => !NOT_BACKED_UP.includes(name));
		expect(content.header.tables.map((t) => t.name).sort()).toEqual(expected.sort());
		for (const table of content.header.tables) expect(table.rows, table.name).toBe(counts[table.name]);
		const order = content.header.tables.map((t) => t.name);
		expect(order.indexOf('studies')).toBeLessThan(order.indexOf('sorts'));
		expect(order.indexOf('participants')).toBeLessThan(order.indexOf('drafts'));
		expect(order.indexOf('dialogue_attendees')).toBeLessThan(order.indexOf('dialogue_responses'));
		expect(content.header.migrations.length).toBeGreaterThan(5);
		expect(content.header.scope).toEqual({ kind: 'database' });

		const file = encodeBackup(content);
		expect(rowsOf(decodeBackup(file))).toEqual(rowsOf(content));
		const lines = gunzipSync(file).toString().trim().split('\n');
		expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, rows: lines.length - 2 });
	});

	it('refuses a truncated, corrupted, foreign or newer file with a clear message', async () => {
		const content = await readSnapshot(t.database.db);
		const file = encodeBackup(content);
		const text = gunzipSync(file).toString();
		const refuse = (bytes: Buffer) => () => decodeBackup(bytes);
		expect(refuse(file.subarray(0, Math.floor(file.length / 2)))).toThrow(/incomplete \(truncated\)/);
		expect(refuse(Buffer.from('not a backup at all'))).toThrow(/not a readable gzip file/);
		// A row changed inside a valid gzip: the checksum notices.
		expect(refuse(gzipSync(text.replace('"Vakmanschap"', '"Vakmanschop"')))).toThrow(/checksum does not match/);
		// Lines cut off at the end (a file copied half-way, re-compressed): no trailer.
		expect(refuse(gzipSync(text.split('\n').slice(0, 5).join('\n')))).toThrow(/trailer/);
		expect(refuse(gzipSync('{"format":"something-else"}\n{"end":true}\n'))).toThrow(/not a Standpunt backup/);
		const newerFormat = encodeBackup({ ...content, header: { ...content.header, version: 99 } });
		expect(refuse(newerFormat)).toThrow(/format version 99/);
		// A header whose counts disagree with its rows.
		const miscounted = encodeBackup({
			...content,
			header: {
				...content.header,
				tables: content.header.tables.map((t) => (t.name === 'sorts' ? { ...t, rows: t.rows + 1 } : t))
			}
		});
		expect(refuse(miscounted)).toThrow(/table sorts should have/);
		expect(refuse(file)).not.toThrow();
		expect(() => decodeBackup(Buffer.alloc(0))).toThrow(BackupFileError);
	});
});

describe('restore', () => {
	it("round trip on this run's database kind: backup → restore → backup gives identical content", async () => {
		const first = await readSnapshot(t.database.db);
		const target = serverUrl ? await emptyDatabase('postgres') : await migratedEmbedded();
		const restored = await restoreBackup(target.db, decodeBackup(encodeBackup(first)));
		expect(restored.rows).toBe(first.header.tables.reduce((sum, t) => sum + t.rows, 0));
		const second = await readSnapshot(target.db as Kysely<Database>);
		expect(second.header.migrations).toEqual(first.header.migrations);
		expect(rowsOf(second)).toEqual(rowsOf(first));
		// The restored database works: a new sort gets in, the audit trail is there.
		expect(await target.db.selectFrom('audit_events').select('id').execute()).toHaveLength(
			first.header.tables.find((x) => x.name === 'audit_events')!.rows
		);
	});

	it('refuses a non-empty target and changes nothing in it', async () => {
		const content = decodeBackup(encodeBackup(await readSnapshot(t.database.db)));
		const target = await migratedEmbedded();
		await target.db.insertInto('researchers').values({ email: 'al-hier@example.org', password_hash: 'x' }).execute();
		const before = await rowCounts(target.db);
		await expect(restoreBackup(target.db, content)).rejects.toThrow(RestoreTargetError);
		await expect(restoreBackup(target.db, content)).rejects.toThrow(/not empty \(table researchers has rows\)/);
		expect(await rowCounts(target.db)).toEqual(before);
	});

	it('restores into a migrated but empty database (a server started once on it)', async () => {
		const content = decodeBackup(encodeBackup(await readSnapshot(t.database.db)));
		const target = await migratedEmbedded();
		await restoreBackup(target.db, content);
		expect(rowsOf(await readSnapshot(target.db))).toEqual(rowsOf(content));
	});

	it('refuses a file from a newer schema before touching the target', async () => {
		const content = await readSnapshot(t.database.db);
		const newer = decodeBackup(
			encodeBackup({
				...content,
				header: { ...content.header, migrations: [...content.header.migrations, '29990101T000000Z-create-the-future'] }
			})
		);
		const target = await emptyDatabase('embedded');
		await expect(restoreBackup(target.db, newer)).rejects.toThrow(/newer version of Standpunt/);
		expect(await tables(target.db)).toEqual([]);
	});

	it('a failure half-way (a row that breaks a constraint) rolls everything back, schema included', async () => {
		const content = decodeBackup(encodeBackup(await readSnapshot(t.database.db)));
		const sorts = content.rows.get('sorts')!;
		const broken = JSON.parse(sorts[0]!) as Record<string, unknown>;
		broken.study_id = '00000000-0000-4000-8000-000000000000';
		content.rows.set('sorts', [...sorts.slice(1), JSON.stringify(broken)]);
		const target = await emptyDatabase('embedded');
		await expect(restoreBackup(target.db, content)).rejects.toThrow(/foreign key/);
		expect(await tables(target.db)).toEqual([]);
	});

	describe.runIf(serverUrl)('across database kinds (needs DATABASE_URL)', () => {
		it('PGlite → PostgreSQL → PGlite keeps every row identical', async () => {
			const source = await migratedEmbedded().catch(() => emptyDatabase('embedded'));
			await restoreBackup(source.db, decodeBackup(encodeBackup(await readSnapshot(t.database.db))));
			const fromPglite = await readSnapshot(source.db);
			const postgres = await emptyDatabase('postgres');
			await restoreBackup(postgres.db, decodeBackup(encodeBackup(fromPglite)));
			const fromPostgres = await readSnapshot(postgres.db);
			expect(rowsOf(fromPostgres)).toEqual(rowsOf(fromPglite));
			const back = await emptyDatabase('embedded');
			await restoreBackup(back.db, decodeBackup(encodeBackup(fromPostgres)));
			expect(rowsOf(await readSnapshot(back.db))).toEqual(rowsOf(fromPglite));
		});
	});
});

describe('study backup', () => {
	it('holds one study with everything that belongs to it, no other study, and no password hashes', async () => {
		const db = t.database.db;
		const mine = await createFullStudy(db, 'eigen');
		await createFullStudy(db, 'ander');
		const content = await readSnapshot(db, { studyId: mine.studyId });
		expect(content.header.scope).toMatchObject({ kind: 'study', id: mine.studyId, slug: 'eigen' });
		const text = [...content.rows.values()].flat().join('\n');
		expect(text).not.toContain('ander');
		expect(content.rows.get('studies')).toHaveLength(1);
		expect(content.rows.get('sorts')).toHaveLength(8);
		for (const table of [
			'drafts',
			'interpretations',
			'dialogue_responses',
			'dialogue_mini_sort_tallies',
			'withdrawals',
			'questions'
		]) {
			expect(content.rows.get(table)!.length, table).toBeGreaterThan(0);
		}
		const researchers = content.rows
			.get('researchers')!
			.map((r) => JSON.parse(r) as { email: string; password_hash: string });
		expect(researchers.map((r) => r.email).sort()).toEqual([
			'co_researcher-eigen@example.org',
			'facilitator-eigen@example.org',
			'owner-eigen@example.org'
		]);
		expect(new Set(researchers.map((r) => r.password_hash))).toEqual(new Set([UNUSABLE_PASSWORD]));

		const target = serverUrl ? await emptyDatabase('postgres') : await migratedEmbedded();
		await restoreBackup(target.db, decodeBackup(encodeBackup(content)));
		expect(rowsOf(await readSnapshot(target.db))).toEqual(rowsOf(content));
	});

	it('owners download it from the app (recorded in the audit trail); other roles may not', async () => {
		const f = await createFullStudy(t.database.db, 'download');
		const response = await t.app.inject({
			method: 'GET',
			url: `/api/studies/${f.studyId}/backup`,
			headers: { cookie: f.cookies.owner }
		});
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toBe('application/gzip');
		expect(response.headers['content-disposition']).toMatch(
			/^attachment; filename="standpunt-download-\d{8}T\d{6}Z\.standpunt\.gz"$/
		);
		const content = decodeBackup(response.rawPayload);
		expect(content.header.scope).toMatchObject({ kind: 'study', slug: 'download' });
		expect(
			(
				await t.app.inject({
					method: 'GET',
					url: `/api/studies/${f.studyId}/backup`,
					headers: { cookie: f.cookies.co_researcher }
				})
			).statusCode
		).toBe(403);
		expect(
			(
				await t.app.inject({
					method: 'GET',
					url: `/api/studies/${f.studyId}/backup`,
					headers: { cookie: f.cookies.stranger }
				})
			).statusCode
		).toBe(404);
		const trail = await t.database.db
			.selectFrom('audit_events')
			.select(['action', 'actor'])
			.where('study_id', '=', f.studyId)
			.execute();
		expect(trail).toEqual([{ action: 'export.backup', actor: 'owner-download@example.org' }]);
	});
});

describe('the local backup channel of a running server', () => {
	it('answers only the loopback address with the right token; anything else is a 404', async () => {
		const { buildApp } = await import('../../../server/app.js');
		const app = await buildApp({ config: t.config, database: t.database, adminToken: 'juist-token' });
		await app.ready();
		try {
			const post = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
				app.inject({ method: 'POST', url: '/api/admin/backup', headers, payload: {}, remoteAddress });
			expect((await post({})).statusCode).toBe(404);
			expect((await post({ authorization: 'Bearer fout-token' })).statusCode).toBe(404);
			expect((await post({ authorization: 'Bearer juist-token' }, '203.0.113.9')).statusCode).toBe(404);
			const ok = await post({ authorization: 'Bearer juist-token' });
			expect(ok.statusCode).toBe(200);
			expect(decodeBackup(ok.rawPayload).header.scope).toEqual({ kind: 'database' });
			const unknown = await app.inject({
				method: 'POST',
				url: '/api/admin/backup',
				headers: { authorization: 'Bearer juist-token' },
				payload: { study: 'bestaat-niet' },
				remoteAddress: '127.0.0.1'
			});
			expect(unknown.statusCode).toBe(404);
			expect(unknown.json().error.code).toBe('STUDY_NOT_FOUND');
		} finally {
			await app.close();
		}
		// The test app has no channel at all.
		expect(
			(
				await t.app.inject({
					method: 'POST',
					url: '/api/admin/backup',
					headers: { authorization: 'Bearer juist-token' },
					payload: {}
				})
			).statusCode
		).toBe(404);
	});
});

describe.runIf(serverUrl)(
	'snapshot consistency under concurrent writes (needs DATABASE_URL: PGlite has one connection)',
	() => {
		it('never holds a sort whose participant it does not hold', async () => {
			const db = t.database.db;
			const f = await createFullStudy(db, 'druk');
			let running = true;
			let written = 0;
			const writer = (async () => {
				while (running) {
					await db.transaction().execute(async (trx) => {
						const p = await trx
							.insertInto('participants')
							.values({ study_id: f.studyId, code: `LAST-${written}`, status: 'submitted' })
							.returning('id')
							.executeTakeFirstOrThrow();
						await trx
							.insertInto('sorts')
							.values({
								study_id: f.studyId,
								participant_id: p.id,
								label: `D${written}`,
								source: 'participant',
								placements: '{}'
							})
							.execute();
					});
					written++;
				}
			})();
			const snapshots: BackupContent[] = [];
			for (let i = 0; i < 5; i++) snapshots.push(await readSnapshot(db, { studyId: f.studyId }));
			running = false;
			await writer;
			expect(written).toBeGreaterThan(0);
			for (const content of snapshots) {
				const participants = new Set(
					content.rows.get('participants')!.map((r) => (JSON.parse(r) as { id: string }).id)
				);
				for (const row of content.rows.get('sorts')!) {
					const sort = JSON.parse(row) as { participant_id: string | null };
					if (sort.participant_id) expect(participants.has(sort.participant_id)).toBe(true);
				}
			}
		});
	}
);
