/** Where a command writes: the process's streams, or a test's buffers when the CLI runs in-process. */
export interface CliOutput {
	write(text: string): unknown;
}

export interface CliIo {
	stdout: CliOutput;
	stderr: CliOutput;
}

/** A CLI sub-command: `run` resolves to the process exit code. */
export interface CliCommand {
	summary: string;
	run(args: string[], io: CliIo): Promise<number>;
}

/** A failure the user can fix (bad input, bad options): printed as one line, exit code 2 by default. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 2
	) {
		super(message);
		this.name = 'CliError';
	}
}
