import { CliError, type CliCommand, type CliIo } from './command.js';

/**
 * The command table. Each command lives in server/cli/<name>.ts and is imported only when it runs,
 * so `analyze` never loads the database drivers and the CLI starts in a few tens of milliseconds.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
	migrate: async () => (await import('./migrate.js')).migrateCommand,
	'seed-demo': async () => (await import('./seed-demo.js')).seedDemoCommand,
	analyze: async () => (await import('./analyze.js')).analyzeCommand,
	user: async () => (await import('./user.js')).userCommand,
	backup: async () => (await import('./backup.js')).backupCommand,
	restore: async () => (await import('./restore.js')).restoreCommand
};

async function usage(): Promise<string> {
	const lines = await Promise.all(
		Object.entries(commands).map(async ([name, load]) => `  ${name.padEnd(12)} ${(await load()).summary}`)
	);
	return `usage: node dist/cli.js <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs one CLI invocation and resolves to its exit code: 0 success, 2 bad input (a one-line message
 * on stderr, nothing on stdout), 1 anything else. Never exits the process, so tests can call it in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	const [name, ...args] = argv;
	try {
		// Asked for help: the list on stdout. No command at all is bad input: the list on stderr, exit 2.
		if (!name) {
			io.stderr.write(await usage());
			return 2;
		}
		if (name === '--help' || name === '-h' || name === 'help') {
			io.stdout.write(await usage());
			return 0;
		}
		const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
		if (!load) throw new CliError(`unknown command "${name}"; run with --help for the list`);
		return await (await load()).run(args, io);
	} catch (error) {
		if (error instanceof CliError) {
			io.stderr.write(`standpunt: ${error.message}\n`);
			return error.exitCode;
		}
		io.stderr.write(`standpunt: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}
}
