import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or link: 32 bytes, base64url (256 bits). */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256, hex. A stolen table gives no usable tokens. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
