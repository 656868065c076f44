import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchModule } from './types.js';

// Participant side (issue 4): the size of what a phone downloads for /p/<code>, and sort
// submissions per second against Postgres with the load coming from a second process.
// `npm run bench participant`, or on its own: `node --import tsx bench/participant.ts`.

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const node = (script: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
	execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
		cwd: root,
		env,
		encoding: 'utf8',
		maxBuffer: 1 << 24
	});

export const BUNDLE_LIMIT_KB = 120;
export const SUBMISSIONS = 3000;
export const RATE_TARGET = 300;
const CONCURRENCY = 32;

/** Free TCP port (synchronously, via a tiny child process). */
function freePort(): number {
	return Number(
		execFileSync(
			process.execPath,
			[
				'-e',
				"const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
			],
			{ encoding: 'utf8' }
		)
	);
}

function waitForHealth(url: string): void {
	const probe = `fetch('${url}/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
	for (let i = 0; i < 300; i++) {
		if (spawnSync(process.execPath, ['-e', probe]).status === 0) return;
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
	}
	throw new Error(`server at ${url} did not become healthy`);
}

function psql(url: string, sql: string): string {
	return execFileSync('psql', [url, '-Atqc', sql], { encoding: 'utf8' }).trim();
}

interface Load {
	url: string;
	adminUrl: string;
	dbName: string;
	file: string;
	pid: number;
}

const bundleCase: BenchCase = {
	name: 'participant pages JS+CSS',
	size: `gzip ≤ ${BUNDLE_LIMIT_KB} KB (/p/<code> through the grid)`,
	prepare: () => undefined,
	run() {
		const kb = Number(node(join(here, 'participant-bundle.mts'), []));
		process.stderr.write(`participant pages: ${kb.toFixed(1)} KB gzip (limit ${BUNDLE_LIMIT_KB} KB)\n`);
		if (kb > BUNDLE_LIMIT_KB)
			throw new Error(`participant pages are ${kb.toFixed(1)} KB gzip, over ${BUNDLE_LIMIT_KB} KB`);
	}
};

const submitCase: BenchCase = {
	name: 'sort submissions (Postgres)',
	size: `${SUBMISSIONS} sorts, ${CONCURRENCY} connections, ≥ ${RATE_TARGET}/s`,
	// At the target rate, SUBMISSIONS take this long (plus ~0.5 s to start the load process).
	targetMs: (SUBMISSIONS / RATE_TARGET) * 1000 + 500,
	prepare(): Load {
		const base =
			process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
		const dbName = `standpunt_bench_${process.pid}`;
		psql(base, `create database ${dbName}`);
		const dbUrl = new URL(base);
		dbUrl.pathname = `/${dbName}`;
		const port = freePort();
		const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-bench-'));
		const server = spawn(process.execPath, ['dist/server.js'], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				DATABASE_URL: dbUrl.toString(),
				STANDPUNT_DATA_DIR: dataDir,
				LOG_LEVEL: 'warn'
			},
			stdio: 'ignore',
			detached: true
		});
		const url = `http://127.0.0.1:${port}`;
		waitForHealth(url);
		const file = join(dataDir, 'load.json');
		node(join(here, 'participant-load.ts'), ['prepare', url, String(SUBMISSIONS), file]);
		return { url, adminUrl: base, dbName, file, pid: server.pid! };
	},
	run(prepared) {
		const load = prepared as Load;
		try {
			const result = JSON.parse(
				node(join(here, 'participant-load.ts'), ['submit', load.url, load.file, String(CONCURRENCY)])
			) as {
				ok: number;
				errors: number;
				firstErrors: string[];
				ms: number;
			};
			const dbUrl = new URL(load.adminUrl);
			dbUrl.pathname = `/${load.dbName}`;
			const rows = Number(psql(dbUrl.toString(), "select count(*) from sorts where source = 'participant'"));
			const rate = result.ok / (result.ms / 1000);
			process.stderr.write(
				`submissions: ${result.ok} ok, ${result.errors} errors, ${rate.toFixed(0)}/s over ${result.ms.toFixed(0)} ms; rows in sorts: ${rows}\n`
			);
			if (result.errors || result.ok !== SUBMISSIONS || rows !== SUBMISSIONS) {
				throw new Error(`lost or failed submissions: ${JSON.stringify({ ...result, rows })}`);
			}
			if (rate < RATE_TARGET) process.stderr.write(`MISS: ${rate.toFixed(0)} submissions/s < ${RATE_TARGET}/s\n`);
		} finally {
			try {
				process.kill(-load.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			psql(load.adminUrl, `drop database if exists ${load.dbName} with (force)`);
			rmSync(join(load.file, '..'), { recursive: true, force: true });
		}
	}
};

export const cases: BenchCase[] = [bundleCase, submitCase];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	for (const benchCase of cases as BenchModule['cases']) {
		const prepared = benchCase.prepare();
		const start = performance.now();
		benchCase.run(prepared);
		process.stdout.write(`${benchCase.name}: ${(performance.now() - start).toFixed(0)} ms (${benchCase.size})\n`);
	}
}
