import { deflateRawSync } from 'node:zlib';

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** The end-of-central-directory record: `entries` entries, a directory of `size` bytes starting at `offset`. */
function endOfDirectory(entries: number, size: number, offset: number): Buffer {
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries, 8);
	end.writeUInt16LE(entries, 10);
	end.writeUInt32LE(size, 12);
	end.writeUInt32LE(offset, 16);
	return end;
}

/** A zip archive with the given files, deflated or stored, written by hand after PKWARE's APPNOTE 4.3. */
export function makeZip(files: { name: string; text: string; deflate?: boolean }[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const file of files) {
		const raw = Buffer.from(file.text, 'utf8');
		const data = file.deflate ? deflateRawSync(raw) : raw;
		const name = Buffer.from(file.name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(file.deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc32(raw), 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(raw.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(file.deflate ? 8 : 0, 10);
		central.writeUInt32LE(crc32(raw), 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(raw.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, data);
		centrals.push(central, name);
		offset += local.length + name.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	return Buffer.concat([...locals, directory, endOfDirectory(files.length, directory.length, offset)]);
}

/**
 * A zip bomb as the issue describes it: one deflated stream of `size` zero bytes, and `names.length` central
 * directory entries that all point at it. `declared` is the size the entries claim (a liar claims less).
 */
export function makeBombZip(names: string[], size: number, declared = size): Buffer {
	const data = deflateRawSync(Buffer.alloc(size));
	const checksum = crc32(Buffer.alloc(size));
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(declared, 22);
	const centrals = names.map((text) => {
		const name = Buffer.from(text, 'utf8');
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(checksum, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(declared, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(0, 42);
		return Buffer.concat([central, name]);
	});
	const directory = Buffer.concat(centrals);
	return Buffer.concat([
		local,
		data,
		directory,
		endOfDirectory(names.length, directory.length, local.length + data.length)
	]);
}
