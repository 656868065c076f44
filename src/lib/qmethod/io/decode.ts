/** Windows-1252 characters for bytes 0x80–0x9F (the rest of the upper half equals Latin-1). */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Text of a legacy file: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise
 * Windows-1252, the code page of PQMethod files written on Windows (docs/methods.md §11.2).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
	} catch {
		let text = '';
		for (const byte of bytes)
			text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
		return { text, encoding: 'windows-1252' };
	}
}

/** Splits text into lines, accepting CRLF, LF and CR; a final line end adds no empty line. */
export function splitLines(text: string): string[] {
	const lines = text.split(/\r\n|\n|\r/);
	if (lines.length && lines[lines.length - 1] === '') lines.pop();
	return lines;
}
