import { describe, expect, it } from 'vitest';
import {
	hashPassword,
	normalizeEmail,
	verifyPassword,
	assertPasswordAcceptable
} from '../../../server/auth/password.js';

describe('hashPassword / verifyPassword', () => {
	it('stores scrypt parameters, a per-password salt and the key in the hash string', async () => {
		const first = await hashPassword('een lang wachtwoord');
		const second = await hashPassword('een lang wachtwoord');
		expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
		expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
		expect(first).not.toContain('een lang wachtwoord');
	});

	it('accepts the right password and refuses others', async () => {
		const hash = await hashPassword('een lang wachtwoord');
		expect(await verifyPassword('een lang wachtwoord', hash)).toBe(true);
		expect(await verifyPassword('een lang wachtwoorD', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('verifies with the parameters stored in the hash (cheaper old hashes keep working)', async () => {
		const { scryptSync } = await import('node:crypto');
		const salt = Buffer.from('0123456789abcdef');
		const key = scryptSync('oud wachtwoord!', salt, 32, { N: 1024, r: 8, p: 1 });
		const old = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
		expect(await verifyPassword('oud wachtwoord!', old)).toBe(true);
	});

	it.each(['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$1$2$3$4$5', 'scrypt$1024$8$1$c2FsdA==$'])(
		'never matches the malformed hash %j',
		async (hash) => {
			expect(await verifyPassword('whatever', hash)).toBe(false);
		}
	);
});

describe('input rules', () => {
	it('normalises e-mail addresses and refuses what is not one', () => {
		expect(normalizeEmail('  Anna@Example.ORG ')).toBe('anna@example.org');
		expect(() => normalizeEmail('anna')).toThrow(/e-mail/);
	});

	it('needs passwords of 10 to 200 characters', async () => {
		await expect(assertPasswordAcceptable('kort')).rejects.toThrow(/at least 10/);
		await expect(assertPasswordAcceptable('x'.repeat(201))).rejects.toThrow(/at most 200/);
		await expect(assertPasswordAcceptable('precies tien')).resolves.toBeUndefined();
	});

	// Expected refusals: zxcvbn-ts with its common-language lists scores these below 3 (see server/auth/password-strength.ts).
	it.each([
		['aaaaaaaaaaaa', 'repeat'],
		['abcabcabcabc', 'repeat'],
		['abcdefghijkl', 'sequence'],
		['1234567890', 'common'],
		['password1234', 'common'],
		['qwerty123456', 'common'],
		['Password123!', 'common'],
		['iloveyou2024', 'common']
	])('refuses the guessable password %j (422 PASSWORD_TOO_GUESSABLE, reason %s)', async (password, reason) => {
		try {
			await assertPasswordAcceptable(password);
			expect.unreachable('accepted a guessable password');
		} catch (error) {
			expect(error).toMatchObject({ statusCode: 422, code: 'PASSWORD_TOO_GUESSABLE', details: { reason } });
			expect((error as Error).message).toMatch(/too easy to guess/);
		}
	});

	it('refuses a password made of the e-mail address or name it is for', async () => {
		await expect(
			assertPasswordAcceptable('annadevries2024', ['anna.devries@politie.nl', 'Anna de Vries'])
		).rejects.toThrow(/e-mail address, your name/);
		await expect(assertPasswordAcceptable('annadevries2024')).resolves.toBeUndefined();
	});

	it.each(['correct horse battery', 'een lang wachtwoord', 'zomer-fiets-lantaarn', 'Tw33 koffie, geen suiker'])(
		'accepts %j',
		async (password) => {
			await expect(assertPasswordAcceptable(password)).resolves.toBeUndefined();
		}
	);
});
