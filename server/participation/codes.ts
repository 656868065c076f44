import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, groupCode } from '../../src/lib/sort/code.js';

export { CODE_ALPHABET, normalizeCode } from '../../src/lib/sort/code.js';

/** A fresh random code grouped for typing, e.g. `K7QM-4XTR-9BDW`: 12 symbols × 5 bits = 60 bits. */
export function generateCode(): string {
	let raw = '';
	for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return groupCode(raw);
}
