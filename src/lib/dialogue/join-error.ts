import { ApiError } from '../api/client.js';

/** The message key for a join that failed: offline, the server's guessing limit (429), or a wrong code. */
export function joinErrorKey(error: unknown): 'd.join.offline' | 'd.join.busy' | 'd.join.invalid' {
	if (error instanceof ApiError && error.status === 0) return 'd.join.offline';
	if (error instanceof ApiError && error.status === 429) return 'd.join.busy';
	return 'd.join.invalid';
}
