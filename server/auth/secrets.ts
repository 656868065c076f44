import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// A random key made once per database and shared by every server process through it. It signs
// cookies that prove an earlier success (a login on this browser, a participant code opened here), so
// that a forged cookie cannot skip a rate limit. Losing it only makes those cookies worthless.
const cache = new WeakMap<Kysely<Database>, Map<string, Promise<Buffer>>>();

async function loadSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
	await db
		.insertInto('server_secrets')
		.values({ name, value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
	return Buffer.from(row.value, 'base64url');
}

/** The secret called `name`, created on first use (the first process to ask wins; the others read it). */
export function serverSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
	let secrets = cache.get(db);
	if (!secrets) cache.set(db, (secrets = new Map()));
	let secret = secrets.get(name);
	if (!secret) {
		secret = loadSecret(db, name);
		secret.catch(() => secrets.delete(name));
		secrets.set(name, secret);
	}
	return secret;
}

/** HMAC-SHA-256 of `message` under `key`, base64url. */
export function sign(key: Buffer, message: string): string {
	return createHmac('sha256', key).update(message, 'utf8').digest('base64url');
}

/** Whether `signature` is `sign(key, message)`, compared in constant time. */
export function verifySignature(key: Buffer, message: string, signature: string): boolean {
	const expected = Buffer.from(sign(key, message));
	const actual = Buffer.from(signature);
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
