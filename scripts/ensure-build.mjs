// Builds the web app when build/ is missing or older than its sources, so that
// `npm start` and `npm test` work on a fresh clone and never serve a stale page.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const marker = 'build/index.html';
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
if (built === 0 || sources.some((source) => newest(source) > built)) {
	process.stdout.write('Building the web app (npm run build)…\n');
	execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
