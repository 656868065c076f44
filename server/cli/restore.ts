import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupFileError, decodeBackup } from '../backup/format.js';
import { assertKnownSchema, restoreBackup, RestoreTargetError } from '../backup/restore.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { CliError, type CliCommand } from './command.js';

const USAGE = 'usage: restore <file>';

/**
 * `restore <file>`: into an empty embedded data folder (STANDPUNT_DATA_DIR) or an empty PostgreSQL
 * database (DATABASE_URL). Checks the file completely first (checksum, counts, schema version), then
 * restores in one transaction; on any failure the target is left as it was.
 */
export const restoreCommand: CliCommand = {
	summary: 'restore <file>: into an empty data folder or an empty PostgreSQL database (all or nothing)',
	async run(args, io) {
		let parsed;
		try {
			parsed = parseArgs({ args, allowPositionals: true, options: {} });
		} catch (error) {
			throw new CliError(`${(error as Error).message}\n${USAGE}`);
		}
		const [path, ...rest] = parsed.positionals;
		if (!path || rest.length > 0) throw new CliError(USAGE);
		let raw: Buffer;
		try {
			raw = readFileSync(path);
		} catch (error) {
			throw new CliError(
				`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`
			);
		}
		const started = performance.now();
		let content;
		try {
			content = decodeBackup(raw);
			assertKnownSchema(content);
		} catch (error) {
			if (error instanceof BackupFileError) throw new CliError(error.message);
			throw error;
		}
		const config = loadConfig();
		// A data folder without a database yet gets one; if the restore then fails, it is removed again.
		const pgdata = join(config.dataDir, 'pgdata');
		const created = !config.databaseUrl && (!existsSync(pgdata) || readdirSync(pgdata).length === 0);
		const database = await openDatabase(config);
		let restored;
		try {
			restored = await restoreBackup(database.db, content);
		} catch (error) {
			await database.close();
			if (created) rmSync(pgdata, { recursive: true, force: true });
			if (error instanceof RestoreTargetError || error instanceof BackupFileError) throw new CliError(error.message);
			throw new CliError(`the restore failed and changed nothing: ${(error as Error).message}`, 1);
		}
		await database.close();
		const seconds = ((performance.now() - started) / 1000).toFixed(2);
		const scope = content.header.scope.kind === 'study' ? `study ${content.header.scope.slug}` : 'database';
		const target = config.databaseUrl ? 'the PostgreSQL database' : config.dataDir;
		io.stdout.write(
			`restored the ${scope} of ${content.header.createdAt} into ${target}: ${restored.rows} rows in ${seconds} s\n`
		);
		if (content.header.scope.kind === 'study') {
			io.stdout.write(
				'accounts from a study backup have no password: set one with "user set-password" before logging in\n'
			);
		}
		return 0;
	}
};
