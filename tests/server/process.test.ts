import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.js';
import { DEMO_SLUG } from '../../server/demo/seed.js';
import { type RunningServer, startServer } from '../helpers/e2e.js';
import { SERVER_ENTRY } from '../helpers/entries.js';

// The real server process (node dist/server.js, what `npm start` runs) on an embedded database, also in the
// Postgres run: the data-folder lock, kill -9 and graceful shutdown are about the embedded database.
const EMBEDDED = { DATABASE_URL: '' };
const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-process-'));
const lockFile = join(dataDir, 'standpunt.lock');
const running: RunningServer[] = [];

afterAll(async () => {
	for (const server of running) await server.stop({ keepData: true, signal: 'SIGKILL' });
	rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<RunningServer> {
	const server = await startServer({ dataDir, env: EMBEDDED });
	running.push(server);
	return server;
}

describe('server process on one data folder', () => {
	let participantCode = '';

	it('starts on an empty folder, creates the demo study and accepts a write', { timeout: 180_000 }, async () => {
		const first = await start();
		expect(await (await fetch(`${first.url}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'embedded' });
		expect(readFileSync(lockFile, 'utf8')).toBe(String(first.process.pid));
		const enrol = await fetch(`${first.url}/api/studies/by-slug/${DEMO_SLUG}/participants`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(enrol.status).toBe(201);
		participantCode = ((await enrol.json()) as { code: string }).code;
		expect(participantCode).not.toBe('');
	});

	it(
		'refuses a second process on the same folder, with a clear message and a non-zero exit',
		{ timeout: 120_000 },
		async () => {
			const first = running[0]!;
			await expect(startServer({ dataDir, env: EMBEDDED })).rejects.toThrow(
				new RegExp(`server exited with 1:[\\s\\S]*in use by another Standpunt process \\(pid ${first.process.pid}\\)`)
			);
			expect(readFileSync(lockFile, 'utf8')).toBe(String(first.process.pid)); // the first keeps its lock
			expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
		}
	);

	it(
		'after kill -9, a restart takes over the stale lock and the data is still there',
		{ timeout: 120_000 },
		async () => {
			const first = running.shift()!;
			await first.stop({ keepData: true, signal: 'SIGKILL' });
			expect(readFileSync(lockFile, 'utf8')).toBe(String(first.process.pid)); // left behind by the crash

			const second = await start();
			expect(readFileSync(lockFile, 'utf8')).toBe(String(second.process.pid));
			// The enrolled participant survived: the study view by code answers for it.
			const view = await fetch(`${second.url}/api/participate/${participantCode}`);
			expect(view.status).toBe(200);
		}
	);

	it('on SIGTERM shuts down cleanly, exits 0 and releases the lock', async () => {
		const second = running.shift()!;
		expect(await second.stop({ keepData: true, signal: 'SIGTERM' })).toBe(0);
		expect(existsSync(lockFile)).toBe(false);
		expect(second.output()).not.toMatch(/error/i);

		// With the server gone, the folder opens directly: one demo study, its 70 sorts, our participant.
		const database = await openDatabase({ dataDir, databaseUrl: undefined });
		try {
			const studies = await database.db.selectFrom('studies').select(['slug']).execute();
			expect(studies.map((s) => s.slug)).toEqual([DEMO_SLUG]);
			const sorts = await database.db
				.selectFrom('sorts')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(sorts.n)).toBe(70);
			const participant = await database.db
				.selectFrom('participants')
				.select('code')
				.where('code', '=', participantCode)
				.executeTakeFirst();
			expect(participant?.code).toBe(participantCode);
		} finally {
			await database.close();
		}
	});

	it('stops with exit code 1 and a one-line message naming the variable when the config is bad', () => {
		const result = spawnSync(process.execPath, [SERVER_ENTRY], {
			env: { ...process.env, PORT: 'eighty', STANDPUNT_DATA_DIR: dataDir },
			encoding: 'utf8'
		});
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toMatch(/^standpunt: PORT must be a whole number/);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
	});
});
