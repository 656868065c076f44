import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './types.js';

// Start-up (issue 10.4): the documented CLI call on Lipset against `node -e 0`, timed alternately in the
// same process so that a busy machine slows both alike; and a restart of `npm start` (npm itself, the check
// that the build is current, and the server) on an existing embedded data folder until /api/health answers.
// Both run the built files (built here first if stale, so that no case measures a build).

const root = fileURLToPath(new URL('..', import.meta.url));
const lipset = (name: string) => join(root, 'tests/fixtures/lipset', name);
export const CLI_RATIO_TARGET = 3.5;
export const RESTART_TARGET_MS = 1500;

const ensureBuilt = () =>
	execFileSync(process.execPath, ['scripts/ensure-build.mjs'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
const run = (args: string[]) => {
	const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
	if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
};

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** Runs `npm start` on `dataDir` (embedded database), waits for /api/health, stops it; resolves to the ms until healthy. */
async function startAndStop(dataDir: string): Promise<number> {
	const port = await freePort();
	const started = performance.now();
	// Its own process group, so that stopping it stops npm and the server alike.
	const child = spawn('npm', ['start'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: '', PORT: String(port), STANDPUNT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
		stdio: 'ignore',
		detached: true
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			try {
				if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - started;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 10));
		}
	} finally {
		if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
		await exited;
	}
}

export const cases: BenchCase[] = [
	{
		name: 'CLI analyze, Lipset',
		size: 'node dist/cli.js analyze lipset.dat, pca 3',
		baseline: { label: 'node -e 0', targetRatio: CLI_RATIO_TARGET, run: () => run(['-e', '0']) },
		warmup: 2,
		repeat: 15,
		prepare: ensureBuilt,
		run: () =>
			run(['dist/cli.js', 'analyze', lipset('lipset.dat'), '--statements', lipset('lipset.sta'), '--factors', '3'])
	},
	{
		name: 'server restart',
		size: 'npm start, embedded database with the demo study, until /api/health',
		targetMs: RESTART_TARGET_MS,
		warmup: 1,
		repeat: 5,
		prepare() {
			ensureBuilt();
			return mkdtempSync(join(tmpdir(), 'standpunt-bench-restart-'));
		},
		run: (dataDir) => startAndStop(dataDir as string)
	}
];
