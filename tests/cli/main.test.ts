// The command table and exit codes of the CLI, in-process (server/cli/main.ts).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/main.js';

async function cli(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, {
		stdout: { write: (text) => (stdout += text) },
		stderr: { write: (text) => (stderr += text) }
	});
	return { code, stdout, stderr };
}

describe('cli commands', () => {
	it('lists every command on --help, exit 0', async () => {
		const { code, stdout, stderr } = await cli('--help');
		expect(code).toBe(0);
		expect(stderr).toBe('');
		for (const name of ['migrate', 'seed-demo', 'analyze', 'user'])
			expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
	});

	it('treats no command as bad input: the list on stderr, nothing on stdout, exit 2', async () => {
		const { code, stdout, stderr } = await cli();
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('usage: node dist/cli.js <command>');
	});

	it.each(['bogus', 'toString', '__proto__', 'constructor'])(
		'rejects the unknown command "%s" with one line and exit 2',
		async (name) => {
			const { code, stdout, stderr } = await cli(name, '--x');
			expect(code).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toBe(`standpunt: unknown command "${name}"; run with --help for the list\n`);
		}
	);
});
