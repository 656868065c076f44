// Builds the web app when build/ is missing or older than its sources, so that
// `npm start` and `npm test` work on a fresh clone and never serve a stale page.
// A lock folder keeps two processes (parallel test runs) from building at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const marker = 'build/index.html';
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const lock = '.build.lock';

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

const stale = () => {
	const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
	return built === 0 || sources.some((source) => newest(source) > built);
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (stale()) {
	for (let waited = 0; ; waited += 500) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			// Someone else is building; a lock older than 5 minutes is left over from a crash.
			if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
			sleep(500);
		}
	}
	try {
		if (stale()) {
			process.stdout.write('Building the web app (npm run build)…\n');
			const startedAt = new Date();
			execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
			// Date the build by when it started: a source saved during the build is then newer, and the
			// next run builds again instead of serving a page without it.
			utimesSync(marker, startedAt, startedAt);
		}
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}
