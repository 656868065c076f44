import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.js';
import { CLI_ENTRY } from '../../helpers/entries.js';

// `node dist/cli.js seed-demo` as a real process, on its own embedded database folder.
const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
	return spawnSync(process.execPath, [CLI_ENTRY, ...args], {
		env: { ...process.env, DATABASE_URL: '', STANDPUNT_DATA_DIR: dataDir },
		encoding: 'utf8'
	});
}

describe('cli seed-demo', () => {
	// A first start runs initdb for the embedded database: slow on a busy 2-core machine.
	it('creates the demo study, then says it exists and changes nothing', { timeout: 180_000 }, async () => {
		const first = cli('seed-demo');
		expect(first.status).toBe(0);
		expect(first.stdout).toContain('created the demo study "politie-diversiteit"');
		const second = cli('seed-demo');
		expect(second.status).toBe(0);
		expect(second.stdout).toContain('exists already');

		const database = await openDatabase({ dataDir, databaseUrl: undefined });
		try {
			const sorts = await database.db
				.selectFrom('sorts')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(sorts.n)).toBe(70);
		} finally {
			await database.close();
		}
	});

	it('rejects options with exit code 2 and a one-line message', () => {
		const result = cli('seed-demo', '--force');
		expect(result.status).toBe(2);
		expect(result.stderr.trim()).toBe('standpunt: seed-demo takes no options, got "--force"');
	});

	it('is listed in the help', () => {
		const result = cli('--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/seed-demo\s+create the demo study/);
		expect(result.stdout).toMatch(/migrate\s+/);
	});
});
