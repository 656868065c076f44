import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAdminFile } from '../../../server/backup/admin.js';
import { decodeBackup } from '../../../server/backup/format.js';
import { api, demoAnalysis, firstResearcher } from '../../helpers/researcher.js';
import { type RunningServer, startServer } from '../../helpers/e2e.js';
import { CLI_ENTRY } from '../../helpers/entries.js';

// The CLI's backup and restore as real processes beside a real server on an embedded data folder
// (also in the Postgres run: the locked data folder is the point), and SIGTERM under a live session.
const EMBEDDED = { DATABASE_URL: '' };
const work = mkdtempSync(join(tmpdir(), 'standpunt-ops-'));
const running: RunningServer[] = [];
afterAll(async () => {
	for (const server of running) await server.stop({ signal: 'SIGKILL' });
	rmSync(work, { recursive: true, force: true });
});

function cli(dataDir: string, ...args: string[]) {
	return spawnSync(process.execPath, [CLI_ENTRY, ...args], {
		env: { ...process.env, DATABASE_URL: '', STANDPUNT_DATA_DIR: dataDir },
		encoding: 'utf8',
		timeout: 120_000
	});
}

describe('backup and restore from the command line', () => {
	it(
		'backs up the embedded database while the server holds it, and restores into an empty folder only',
		{ timeout: 240_000 },
		async () => {
			const server = await startServer({ env: EMBEDDED });
			running.push(server);
			const file = join(work, 'alles.standpunt.gz');
			const made = cli(server.dataDir, 'backup', file);
			expect(made.stderr).toBe('');
			expect(made.status).toBe(0);
			expect(made.stdout).toMatch(/^wrote .*alles\.standpunt\.gz: \d+ rows, \d+ bytes, in [\d.]+ s\n$/);
			const content = decodeBackup(readFileSync(file));
			expect(content.rows.get('sorts')).toHaveLength(70);

			const again = cli(server.dataDir, 'backup', file);
			expect(again.status).toBe(2);
			expect(again.stderr).toContain('already exists');
			const study = cli(server.dataDir, 'backup', join(work, 'demo.standpunt.gz'), '--study', 'politie-diversiteit');
			expect(study.status).toBe(0);
			expect(decodeBackup(readFileSync(join(work, 'demo.standpunt.gz'))).header.scope).toMatchObject({
				kind: 'study',
				slug: 'politie-diversiteit'
			});
			const missing = cli(server.dataDir, 'backup', join(work, 'niets.gz'), '--study', 'bestaat-niet');
			expect(missing.status).toBe(2);
			expect(missing.stderr).toContain('There is no study "bestaat-niet"');
			expect(existsSync(join(work, 'niets.gz'))).toBe(false);

			// Restoring into the running server's folder: refused (locked), nothing changes.
			const busy = cli(server.dataDir, 'restore', file);
			expect(busy.status).not.toBe(0);
			expect(busy.stderr).toContain('in use by another Standpunt process');

			const target = join(work, 'nieuw');
			const restored = cli(target, 'restore', file);
			expect(restored.stderr).toBe('');
			expect(restored.status).toBe(0);
			expect(restored.stdout).toMatch(/^restored the database of .* rows in [\d.]+ s\n$/);
			const twice = cli(target, 'restore', file);
			expect(twice.status).toBe(2);
			expect(twice.stderr).toContain('is not empty');

			// A damaged file: a clear message, exit 2, and a new folder stays without a database.
			const damaged = join(work, 'kapot.gz');
			writeFileSync(damaged, readFileSync(file).subarray(0, 2000));
			const refused = cli(join(work, 'leeg'), 'restore', damaged);
			expect(refused.status).toBe(2);
			expect(refused.stderr.trim().split('\n')).toHaveLength(1);
			expect(refused.stderr).toContain('truncated');
			expect(existsSync(join(work, 'leeg', 'pgdata'))).toBe(false);

			// The restored folder serves the same data.
			const copy = await startServer({ dataDir: target, env: { ...EMBEDDED, STANDPUNT_SEED_DEMO: 'false' } });
			running.push(copy);
			const check = join(work, 'terug.standpunt.gz');
			expect(cli(target, 'backup', check).status).toBe(0);
			expect(Object.fromEntries(decodeBackup(readFileSync(check)).rows)).toEqual(Object.fromEntries(content.rows));
		}
	);
});

describe('SIGTERM', () => {
	it('finishes a running request, ends the live dialogue streams and exits 0', { timeout: 240_000 }, async () => {
		const server = await startServer({ env: EMBEDDED });
		running.push(server);
		const { cookie } = await firstResearcher(server);
		const { analysisId } = await demoAnalysis(server, cookie);
		const session = await api<{ id: string }>(server, cookie, 'POST', `/analyses/${analysisId}/dialogue-sessions`, {
			name: 'Afsluiten'
		});
		const stream = await fetch(`${server.url}/api/dialogue/sessions/${session.id}/events`, { headers: { cookie } });
		expect(stream.status).toBe(200);
		const reader = stream.body!.getReader();
		const firstEvent = new TextDecoder().decode((await reader.read()).value);
		expect(firstEvent).toContain('event: state');

		const channel = readAdminFile(server.dataDir)!;
		const inFlight = fetch(`${server.url}/api/admin/backup`, {
			method: 'POST',
			headers: { authorization: `Bearer ${channel.token}`, 'content-type': 'application/json' },
			body: '{}'
		});
		await new Promise((resolve) => setTimeout(resolve, 30));
		const started = Date.now();
		server.process.kill('SIGTERM');
		const response = await inFlight;
		expect(response.status).toBe(200);
		expect(decodeBackup(Buffer.from(await response.arrayBuffer())).rows.get('sorts')).toHaveLength(70);
		// The event stream ends cleanly (no error) instead of holding the shutdown up.
		let done = false;
		while (!done) done = (await reader.read()).done;
		const code = await server.stop({ keepData: true });
		expect(code).toBe(0);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(existsSync(join(server.dataDir, 'admin.json'))).toBe(false);
		expect(existsSync(join(server.dataDir, 'standpunt.lock'))).toBe(false);
		// Logs are JSON lines when not on a terminal.
		for (const line of server
			.output()
			.split('\n')
			.filter((l) => l.startsWith('{')))
			expect(() => JSON.parse(line)).not.toThrow();
	});
});
