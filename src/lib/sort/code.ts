/**
 * Participant and receipt codes use Crockford's base-32 alphabet: digits and capitals without
 * I, L, O and U, so that a code copied from paper or read aloud is hard to get wrong.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
const GROUP = 4;

/** `K7QM4XTR9BDW` → `K7QM-4XTR-9BDW`. */
export function groupCode(raw: string): string {
	const parts: string[] = [];
	for (let i = 0; i < raw.length; i += GROUP) parts.push(raw.slice(i, i + GROUP));
	return parts.join('-');
}

/**
 * The canonical form of a typed code, or undefined when it cannot be one: case, spaces and dashes
 * do not matter, and the look-alikes O→0 and I/L→1 are read as Crockford prescribes.
 */
export function normalizeCode(input: string): string | undefined {
	const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (raw.length !== CODE_LENGTH) return undefined;
	for (const char of raw) if (!CODE_ALPHABET.includes(char)) return undefined;
	return groupCode(raw);
}
