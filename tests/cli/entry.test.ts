// The one end-to-end CLI test: the built entry a user runs (`node dist/cli.js`, built by the global setup),
// its output read through a real shell pipe. Writes to a pipe are asynchronous in Node, so a process that
// exits as soon as it has written loses whatever the pipe has not taken yet (issue 10: 131,072 of 1.16 MB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../helpers/entries.js';
import { generatedStudy, grid } from '../qmethod/generated.js';

const dir = mkdtempSync(join(tmpdir(), 'standpunt-cli-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shell pipeline from the repository root; `$CLI` is the built entry. */
function shell(script: string): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync('sh', ['-c', script], {
		env: { ...process.env, CLI: `${process.execPath} ${CLI_ENTRY}` },
		encoding: 'utf8',
		maxBuffer: 1 << 26
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node dist/cli.js through a pipe', { timeout: 120_000 }, () => {
	// 60,000 generated sorts of a 33-statement grid: the JSON (a loading, a flag per sort) is over 5 MB.
	const study = generatedStudy({
		sorts: 60_000,
		distribution: grid(-4, [2, 3, 4, 6, 10, 6, 4, 3, 2]),
		viewpoints: 3,
		seed: 7
	});
	const big = join(dir, 'big.csv');
	writeFileSync(
		big,
		[
			`sort,${study.statementCodes.join(',')}`,
			...study.sortIds.map((id, i) => `${id},${Array.from(study.sorts[i]).join(',')}`)
		].join('\n') + '\n'
	);

	it('writes all of a > 5 MB JSON result to a slow reader, the same bytes as to a file', () => {
		const file = join(dir, 'out.json');
		// The reader starts only after a second, so the pipe is full long before the analysis ends.
		const piped = shell(
			`$CLI analyze '${big}' --factors 3 | (sleep 1; cat); $CLI analyze '${big}' --factors 3 > '${file}'`
		);
		expect(piped.stderr).toBe('');
		expect(piped.stdout.length).toBeGreaterThan(5_000_000);
		expect(piped.stdout).toBe(readFileSync(file, 'utf8'));
		const json = JSON.parse(piped.stdout) as { nSorts: number; loadings: number[][] };
		expect(json.nSorts).toBe(60_000);
		expect(json.loadings).toHaveLength(60_000);
	});

	it('stops quietly, exit 0, when the reader closes the pipe early', () => {
		const result = shell(`($CLI analyze '${big}' --format text; echo "cli exit $?" >&2) | head -c 100 > /dev/null`);
		expect(result.stderr).toBe('cli exit 0\n');
	});

	it('answers bad input through a pipe with exit code 2, one line on stderr and nothing on stdout', () => {
		const result = shell(`$CLI analyze '${join(dir, 'missing.csv')}' | wc -c; exit 0`);
		expect(result.stdout.trim()).toBe('0');
		expect(result.stderr.trim().split('\n')).toEqual([
			expect.stringMatching(/^standpunt: analyze: cannot read .*missing\.csv: no such file$/)
		]);
		const direct = spawnSync(process.execPath, [CLI_ENTRY, 'analyze', '--factors', 'nine', big], { encoding: 'utf8' });
		expect(direct.status).toBe(2);
		expect(direct.stdout).toBe('');
	});
});
