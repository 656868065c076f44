import { parseArgs } from 'node:util';
import { createResearcher, resetPassword } from '../auth/accounts.js';
import { assertPasswordAcceptable, normalizeEmail } from '../auth/password.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { openAndMigrate } from '../startup.js';
import { CliError, type CliCommand } from './command.js';

const USAGE = 'usage: user create --email E --password P [--name N] | user set-password --email E --password P';

function options(args: string[]) {
	try {
		return parseArgs({
			args,
			allowPositionals: true,
			options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } }
		});
	} catch (error) {
		throw new CliError(`${(error as Error).message}\n${USAGE}`);
	}
}

/**
 * `user create` adds a researcher account (the first one also becomes owner of the demo study);
 * `user set-password` resets a forgotten password and ends that account's sessions.
 */
export const userCommand: CliCommand = {
	summary:
		'researcher accounts: user create --email E --password P [--name N] | user set-password --email E --password P',
	async run(args, io) {
		const { positionals, values } = options(args);
		const action = positionals[0];
		if ((action !== 'create' && action !== 'set-password') || positionals.length !== 1) throw new CliError(USAGE);
		if (!values.email || !values.password) throw new CliError(`--email and --password are required\n${USAGE}`);
		let email: string;
		try {
			// Checked before the database is opened: bad input changes nothing and answers at once.
			email = normalizeEmail(values.email);
			await assertPasswordAcceptable(values.password, [email, values.name ?? '']);
		} catch (error) {
			if (error instanceof AppError) throw new CliError(error.message);
			throw error;
		}
		const database = await openAndMigrate(loadConfig());
		try {
			if (action === 'create') {
				const created = await createResearcher(database.db, {
					email,
					password: values.password,
					displayName: values.name
				});
				io.stdout.write(`created the researcher account ${created.email}\n`);
				return 0;
			}
			await resetPassword(database.db, email, values.password);
			io.stdout.write(`set a new password for ${email}; its sessions were ended and it may log in again at once\n`);
			return 0;
		} catch (error) {
			if (error instanceof AppError) throw new CliError(error.message);
			throw error;
		} finally {
			await database.close();
		}
	}
};
