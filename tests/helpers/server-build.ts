import { execFileSync } from 'node:child_process';

/**
 * Global setup of every test project: builds dist/ (the server and the CLI as plain JavaScript) when it is
 * missing or older than its sources, so that tests spawn exactly the entry files a user runs.
 */
export default function setup(): void {
	execFileSync(process.execPath, ['scripts/ensure-build.mjs', 'server'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
