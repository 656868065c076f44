import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../audit/record.js';
import { readAdminFile } from '../backup/admin.js';
import { createBackup, resolveStudyId } from '../backup/service.js';
import { type AppConfig, loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { DataDirLockedError } from '../db/lock.js';
import { AppError } from '../errors.js';
import { CliError, type CliCommand } from './command.js';

const USAGE = 'usage: backup <file> [--study <slug>] [--force]';

/** Writes the file next to its final name first, so that a crash never leaves half a backup under it. */
function writeAtomically(path: string, data: Buffer): void {
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
	try {
		const fd = openSync(temp, 'w', 0o600);
		try {
			writeSync(fd, data);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, path);
	} catch (error) {
		rmSync(temp, { force: true });
		throw new CliError(`could not write ${path}: ${(error as Error).message}`, 1);
	}
}

/** The embedded database is held by a running server: ask it, through its local channel, for the file. */
async function backupFromRunningServer(
	config: AppConfig,
	study: string | undefined,
	locked: DataDirLockedError
): Promise<{ file: Buffer; rows: number }> {
	const channel = readAdminFile(config.dataDir);
	if (!channel || channel.pid !== locked.pid) {
		throw new CliError(
			`${locked.message} (It does not offer a backup channel: is it an older version? Stop it and run backup again.)`,
			1
		);
	}
	let response: Response;
	try {
		response = await fetch(`http://127.0.0.1:${channel.port}/api/admin/backup`, {
			method: 'POST',
			headers: { authorization: `Bearer ${channel.token}`, 'content-type': 'application/json' },
			body: JSON.stringify(study ? { study } : {})
		});
	} catch (error) {
		throw new CliError(
			`the running server (pid ${channel.pid}) did not answer on port ${channel.port}: ${(error as Error).message}`,
			1
		);
	}
	if (!response.ok) {
		const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
		throw new CliError(
			body.error?.message ?? `the running server answered ${response.status}`,
			response.status === 404 && body.error?.code === 'STUDY_NOT_FOUND' ? 2 : 1
		);
	}
	return {
		file: Buffer.from(await response.arrayBuffer()),
		rows: Number(response.headers.get('x-standpunt-backup-rows'))
	};
}

/**
 * `backup <file> [--study <slug>]`: the whole database, or one study with everything that belongs to it,
 * as one file (gzip'd JSON lines with a header and a checksum). Works while the server runs: on Postgres
 * directly, on the embedded database through the running server.
 */
export const backupCommand: CliCommand = {
	summary:
		'backup <file> [--study <slug>] [--force]: the database (or one study) as one file; works while the server runs',
	async run(args, io) {
		let parsed;
		try {
			parsed = parseArgs({
				args,
				allowPositionals: true,
				options: { study: { type: 'string' }, force: { type: 'boolean' } }
			});
		} catch (error) {
			throw new CliError(`${(error as Error).message}\n${USAGE}`);
		}
		const [path, ...rest] = parsed.positionals;
		if (!path || rest.length > 0) throw new CliError(USAGE);
		if (existsSync(path) && !parsed.values.force)
			throw new CliError(`${path} already exists; choose another name or add --force`);
		if (!existsSync(dirname(path) || '.')) throw new CliError(`the folder ${dirname(path)} does not exist`);
		const config = loadConfig();
		const started = performance.now();
		let result: { file: Buffer; rows: number };
		try {
			const database = await openDatabase(config);
			try {
				const studyId = parsed.values.study ? await resolveStudyId(database.db, parsed.values.study) : undefined;
				result = await createBackup(database.db, CLI_ACTOR, studyId);
			} finally {
				await database.close();
			}
		} catch (error) {
			if (error instanceof DataDirLockedError)
				result = await backupFromRunningServer(config, parsed.values.study, error);
			else if (error instanceof AppError) throw new CliError(error.message);
			else throw error;
		}
		writeAtomically(path, result.file);
		const seconds = ((performance.now() - started) / 1000).toFixed(2);
		io.stdout.write(`wrote ${path}: ${result.rows} rows, ${result.file.length} bytes, in ${seconds} s\n`);
		return 0;
	}
};
