/**
 * Stable codes for input the engine refuses. The message says what is wrong in one line
 * (simple-statistics style: no trailing period); the code is for programs.
 */
export type QMethodInputErrorCode =
	| 'empty_input'
	| 'duplicate_sort_id'
	| 'duplicate_statement_code'
	| 'wrong_length'
	| 'not_integer'
	| 'value_outside_grid'
	| 'distribution_mismatch'
	| 'zero_variance'
	| 'too_few_sorts'
	| 'too_few_statements'
	| 'invalid_option'
	| 'invalid_flags'
	| 'heywood_loading'
	| 'invalid_rotation'
	| 'invalid_file'
	| 'collapsed_factor';

export class QMethodInputError extends Error {
	constructor(
		readonly code: QMethodInputErrorCode,
		message: string,
		/** For file errors: the 1-based line the problem is on, when known. */
		readonly line?: number
	) {
		super(message);
		this.name = 'QMethodInputError';
	}
}
