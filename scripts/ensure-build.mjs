// Builds what is missing or older than its sources, so that `npm start`, `npm test` and `npm run cli` work
// on a fresh clone and never run stale code: the web app (build/, by vite) and the server and CLI (dist/,
// by scripts/build-server.mjs). `node scripts/ensure-build.mjs [web] [server]`; no argument means both.
// scripts/start.mjs calls ensureBuilt() in the server's own process.
// A lock folder keeps two processes (parallel test runs) from building at once. Messages go to stderr,
// so that `npm run -s cli` prints nothing but the command's own output on stdout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const targets = {
	web: {
		label: 'the web app (npm run build:web)',
		marker: 'build/index.html',
		sources: ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'],
		build: () => execFileSync('npm', ['run', '-s', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] })
	},
	server: {
		label: 'the server and CLI (npm run build:server)',
		marker: 'dist/.built',
		sources: ['server', 'src/lib', 'migrations', 'package.json', 'scripts/build-server.mjs'],
		// esbuild is imported only when something is to be built.
		build: async () => (await import('./build-server.mjs')).buildServer()
	}
};
const lock = '.build.lock';

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

const stale = ({ marker, sources }) => {
	const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
	return built === 0 || sources.some((source) => newest(source) > built);
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds each of `names` (keys of `targets`) that is missing or older than its sources. */
export async function ensureBuilt(names = Object.keys(targets)) {
	const wanted = names.map((name) => targets[name]);
	if (!wanted.some(stale)) return;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			// Someone else is building; a lock older than 5 minutes is left over from a crash.
			if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
				rmSync(lock, { recursive: true, force: true });
			sleep(500);
		}
	}
	try {
		for (const target of wanted) {
			if (!stale(target)) continue;
			process.stderr.write(`Building ${target.label}…\n`);
			const startedAt = new Date();
			await target.build();
			// Date the build by when it started: a source saved during the build is then newer, and the
			// next run builds again instead of running code without it.
			utimesSync(target.marker, startedAt, startedAt);
		}
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const unknown = process.argv.slice(2).filter((name) => !(name in targets));
	if (unknown.length) {
		process.stderr.write(
			`ensure-build: unknown target ${unknown.join(', ')}; known: ${Object.keys(targets).join(', ')}\n`
		);
		process.exit(2);
	}
	await ensureBuilt(process.argv.length > 2 ? process.argv.slice(2) : undefined);
}
