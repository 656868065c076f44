import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.js';

// A small reader for the zip files KADE exports (stored or deflated entries, no encryption, no zip64),
// built on node:zlib rather than a dependency. Sizes are capped so that a crafted file cannot blow up.
const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = (why: string) => new AppError(422, 'INVALID_FILE', `The zip file cannot be read: ${why}.`);

/** The files of a zip archive by path; directories are left out. */
export function readZip(bytes: Buffer): Map<string, Buffer> {
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
		if (bytes.readUInt32LE(i) === EOCD) {
			end = i;
			break;
		}
	}
	if (end < 0) throw broken('it is not a zip archive');
	const count = bytes.readUInt16LE(end + 10);
	let offset = bytes.readUInt32LE(end + 16);
	const files = new Map<string, Buffer>();
	for (let n = 0; n < count; n++) {
		if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) throw broken('its directory is damaged');
		const flags = bytes.readUInt16LE(offset + 8);
		const method = bytes.readUInt16LE(offset + 10);
		const compressedSize = bytes.readUInt32LE(offset + 20);
		const size = bytes.readUInt32LE(offset + 24);
		const nameLength = bytes.readUInt16LE(offset + 28);
		const skip = nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
		const localOffset = bytes.readUInt32LE(offset + 42);
		const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
		offset += 46 + skip;
		if (name.endsWith('/')) continue;
		if (flags & 1) throw broken(`"${name}" is encrypted`);
		if (size > MAX_ENTRY_BYTES) throw broken(`"${name}" is too large`);
		if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw broken(`"${name}" is damaged`);
		const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
		const data = bytes.subarray(start, start + compressedSize);
		if (data.length !== compressedSize) throw broken(`"${name}" is cut off`);
		if (method === 0) files.set(name, Buffer.from(data));
		else if (method === 8) {
			try {
				files.set(name, inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES }));
			} catch {
				throw broken(`"${name}" does not decompress`);
			}
		} else throw broken(`"${name}" uses an unsupported compression method (${method})`);
	}
	return files;
}
