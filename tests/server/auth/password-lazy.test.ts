import { describe, expect, it, vi } from 'vitest';

// The password checker's word lists (about half a megabyte) load with the first password checked, not with
// the app: a server start does not pay for them (issue 10.4).

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@zxcvbn-ts/language-common', async (importOriginal) => {
	loads.count += 1;
	return importOriginal();
});

describe('password checker', () => {
	it('loads its word lists on the first check, once, and not with the app', async () => {
		await import('../../../server/app.js');
		const { assertPasswordAcceptable } = await import('../../../server/auth/password.js');
		expect(loads.count).toBe(0);
		await Promise.all([
			expect(assertPasswordAcceptable('password1234')).rejects.toMatchObject({ code: 'PASSWORD_TOO_GUESSABLE' }),
			expect(assertPasswordAcceptable('zomer-fiets-lantaarn')).resolves.toBeUndefined()
		]);
		expect(loads.count).toBe(1);
	});
});
