import { CliError, type CliCommand } from './cli/command.js';
import { analyzeCommand } from './cli/analyze.js';
import { migrateCommand } from './cli/migrate.js';
import { seedDemoCommand } from './cli/seed-demo.js';
import { userCommand } from './cli/user.js';

/**
 * `npm run -s cli -- <command> [options]`. Each command lives in server/cli/<name>.ts.
 * Exit codes: 0 success, 2 bad input (a one-line message on stderr), 1 anything else.
 */
const commands: Record<string, CliCommand> = {
	migrate: migrateCommand,
	'seed-demo': seedDemoCommand,
	analyze: analyzeCommand,
	user: userCommand
};

function usage(): string {
	const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
	return `usage: npm run -s cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(usage());
		return name ? 0 : 2;
	}
	const command = commands[name];
	if (!command) {
		process.stderr.write(`standpunt: unknown command "${name}"; run with --help for the list\n`);
		return 2;
	}
	return command.run(args);
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof CliError) {
			process.stderr.write(`standpunt: ${error.message}\n`);
			process.exit(error.exitCode);
		}
		process.stderr.write(`standpunt: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
);
