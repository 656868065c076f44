import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../server/auth/password.js';
import { openDatabase } from '../../../server/db/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js';
import { CLI_ENTRY } from '../../helpers/entries.js';

const run = promisify(execFile);
let testDb: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
	testDb = await createTestDatabase();
	// The embedded database allows one process: the CLI gets the folder while the test has it closed.
	if (testDb.database.kind === 'embedded') await testDb.database.close();
	env = {
		...process.env,
		STANDPUNT_DATA_DIR: testDb.config.dataDir,
		DATABASE_URL: testDb.config.databaseUrl ?? '',
		LOG_LEVEL: 'silent'
	};
});
afterAll(async () => testDb.destroy());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, [CLI_ENTRY, 'user', ...args], { env, cwd: process.cwd() });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

async function storedHash(email: string): Promise<string | undefined> {
	const database = testDb.database.kind === 'embedded' ? await openDatabase(testDb.config) : testDb.database;
	try {
		const row = await database.db
			.selectFrom('researchers')
			.select('password_hash')
			.where('email', '=', email)
			.executeTakeFirst();
		return row?.password_hash;
	} finally {
		if (testDb.database.kind === 'embedded') await database.close();
	}
}

describe('npm run -s cli -- user', () => {
	it('creates an account with a hashed password', async () => {
		const result = await cli(
			'create',
			'--email',
			'Cli@Example.org',
			'--password',
			'lang genoeg wachtwoord',
			'--name',
			'Cli'
		);
		expect(result).toMatchObject({ code: 0, stdout: 'created the researcher account cli@example.org\n' });
		const hash = await storedHash('cli@example.org');
		expect(hash).toMatch(/^scrypt\$/);
		expect(await verifyPassword('lang genoeg wachtwoord', hash!)).toBe(true);
	});

	it.each([
		[['create', '--email', 'cli@example.org', '--password', 'lang genoeg wachtwoord'], /already exists/],
		[['create', '--email', 'kort@example.org', '--password', 'kort'], /at least 10/],
		[['create', '--email', 'kort@example.org', '--password', 'aaaaaaaaaaaa'], /too easy to guess/],
		[['set-password', '--email', 'cli@example.org', '--password', 'password1234'], /too easy to guess/],
		[['create', '--email', 'geen-adres', '--password', 'lang genoeg wachtwoord'], /e-mail/],
		[['create', '--email', 'x@example.org'], /--password are required/],
		[['remove', '--email', 'x@example.org', '--password', 'lang genoeg wachtwoord'], /usage: user create/],
		[['create', '--email', 'x@example.org', '--password', 'lang genoeg wachtwoord', '--admin'], /Unknown option/],
		[['set-password', '--email', 'niemand@example.org', '--password', 'lang genoeg wachtwoord'], /no account uses/i]
	])('exits 2 with a one-line reason for %j', async (args, message) => {
		const result = await cli(...args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
	});

	it('sets a new password', async () => {
		expect((await cli('set-password', '--email', 'cli@example.org', '--password', 'een ander wachtwoord')).code).toBe(
			0
		);
		expect(await verifyPassword('een ander wachtwoord', (await storedHash('cli@example.org'))!)).toBe(true);
	});
});
