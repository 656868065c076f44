import { loadConfig } from '../config.js';
import { openAndMigrate } from '../startup.js';
import type { CliCommand } from './command.js';

export const migrateCommand: CliCommand = {
	summary: 'bring the database schema up to date (also done at every server start)',
	async run(_args, io) {
		const database = await openAndMigrate(loadConfig());
		await database.close();
		io.stdout.write(`database (${database.kind}) is up to date\n`);
		return 0;
	}
};
