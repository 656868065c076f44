#!/usr/bin/env node
import { runCli } from './cli/main.js';

/**
 * The CLI's entry: `node dist/cli.js <command> [options]` (built from this file by scripts/build-server.mjs),
 * or `npm run -s cli -- <command>`. The commands are in server/cli/.
 */

/** Resolves once everything written to `stream` so far has been handed to the operating system. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
	return new Promise((resolve) => {
		if (stream.destroyed || !stream.writable) resolve();
		else stream.write('', () => resolve());
	});
}

// A reader that stops early (`… | head`) closes the pipe: stop quietly instead of printing EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
// Writes to a pipe are asynchronous: exiting at once would cut the output after the first 64 KB.
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
