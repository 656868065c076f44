import { loadConfig } from '../config.js';
import { DEMO_SLUG, seedDemo } from '../demo/seed.js';
import { openAndMigrate } from '../startup.js';
import { CliError, type CliCommand } from './command.js';

export const seedDemoCommand: CliCommand = {
	summary: `create the demo study "${DEMO_SLUG}" with 70 synthetic sorts (does nothing if it exists)`,
	async run(args, io) {
		if (args.length > 0) throw new CliError(`seed-demo takes no options, got "${args.join(' ')}"`);
		const database = await openAndMigrate(loadConfig());
		try {
			const result = await seedDemo(database.db);
			io.stdout.write(
				result.created
					? `created the demo study "${DEMO_SLUG}" (40 statements, 70 synthetic sorts)\n`
					: `the demo study "${DEMO_SLUG}" exists already; nothing changed\n`
			);
			return 0;
		} finally {
			await database.close();
		}
	}
};
