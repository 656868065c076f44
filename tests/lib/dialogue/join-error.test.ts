import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/lib/api/client.js';
import { joinErrorKey } from '../../../src/lib/dialogue/join-error.js';

describe('joinErrorKey', () => {
	it('tells offline, the guessing limit and a wrong code apart', () => {
		expect(joinErrorKey(new ApiError(0, 'NETWORK_ERROR', 'offline'))).toBe('d.join.offline');
		expect(joinErrorKey(new ApiError(429, 'TOO_MANY_ATTEMPTS', 'wait'))).toBe('d.join.busy');
		expect(joinErrorKey(new ApiError(404, 'JOIN_CODE_NOT_VALID', 'no'))).toBe('d.join.invalid');
		expect(joinErrorKey(new Error('other'))).toBe('d.join.invalid');
	});
});
