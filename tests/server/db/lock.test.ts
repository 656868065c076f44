import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../server/db/lock.js';

let dir: string;
let sleeper: ChildProcess | undefined;
const lockFile = () => join(dir, 'standpunt.lock');

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(child.stdout);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'standpunt-lock-'));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
	if (sleeper && sleeper.exitCode === null) sleeper.kill('SIGKILL');
});

describe('data-folder lock', () => {
	it('creates the folder and a lock file with our pid; release removes it', () => {
		const nested = join(dir, 'a', 'b');
		const release = lockDataDir(nested);
		expect(readFileSync(join(nested, 'standpunt.lock'), 'utf8')).toBe(String(process.pid));
		release();
		expect(existsSync(join(nested, 'standpunt.lock'))).toBe(false);
		release(); // twice is harmless
	});

	it('refuses a folder held by another live process, naming its pid and the way out', async () => {
		sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
		await new Promise((resolve) => sleeper!.once('spawn', resolve));
		writeFileSync(lockFile(), String(sleeper.pid));
		let error: unknown;
		try {
			lockDataDir(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DataDirLockedError);
		expect((error as DataDirLockedError).pid).toBe(sleeper.pid);
		expect((error as Error).message).toContain(`pid ${sleeper.pid}`);
		expect((error as Error).message).toContain('STANDPUNT_DATA_DIR');
		expect(readFileSync(lockFile(), 'utf8')).toBe(String(sleeper.pid)); // untouched
		sleeper.kill('SIGKILL');
	});

	it('takes over a stale lock whose process is gone', () => {
		writeFileSync(lockFile(), String(deadPid()));
		const release = lockDataDir(dir);
		expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
		release();
	});

	it('takes over a lock file with garbage in it', () => {
		writeFileSync(lockFile(), 'not a pid');
		const release = lockDataDir(dir);
		expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
		release();
	});

	it('does not remove a lock that another process has taken since', () => {
		const release = lockDataDir(dir);
		writeFileSync(lockFile(), '999999999');
		release();
		expect(readFileSync(lockFile(), 'utf8')).toBe('999999999');
	});

	it('lets exactly one of several processes take over the same stale lock', { timeout: 120_000 }, async () => {
		writeFileSync(lockFile(), String(deadPid()));
		// Each child waits for the same moment, tries to lock and reports; a winner keeps running (and
		// so keeps its lock) until we have heard from every child.
		const goAt = Date.now() + 6000;
		const script = `
			import { lockDataDir } from './server/db/lock.ts';
			while (Date.now() < ${goAt});
			try { lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); }
			catch (e) { console.log(e.name); }`;
		const children = Array.from({ length: 4 }, () =>
			spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() })
		);
		try {
			const results = await Promise.all(
				children.map(
					(child) =>
						new Promise<string>((resolve) => {
							let out = '';
							child.stdout.on('data', (d) => {
								out += d;
								if (out.includes('\n')) resolve(out.trim());
							});
							child.on('exit', () => resolve(out.trim()));
						})
				)
			);
			expect(results.filter((r) => r === 'locked')).toHaveLength(1);
			expect(results.filter((r) => r === 'DataDirLockedError')).toHaveLength(3);
		} finally {
			for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});
