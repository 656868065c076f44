import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a code read off a projector and typed on a phone should survive bad handwriting and fonts.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A fresh join code, e.g. "K7PQ3M" (31⁶ ≈ 8.9 × 10⁸ possibilities). */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
	return code;
}

/** What an attendee typed, as stored: upper case, without spaces or dashes; undefined if it cannot be a code. */
export function normalizeJoinCode(input: string): string | undefined {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return undefined;
	for (const char of code) if (!ALPHABET.includes(char)) return undefined;
	return code;
}
