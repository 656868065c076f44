import yauzl from 'yauzl';
import { AppError } from '../errors.js';

// Zip files are read with yauzl: it checks every entry against the central directory and stops a stream
// that inflates past its declared size, so the caps below hold for what is really decompressed. Only the
// entries asked for are inflated, each once, asynchronously (the server keeps answering meanwhile).

/** More entries than any KADE project has (four files, perhaps in a folder, plus the odd extra). */
export const MAX_ZIP_ENTRIES = 200;
/** Inflated bytes over all the entries read: several times the text of the largest real study. */
export const MAX_ZIP_BYTES = 16 * 1024 * 1024;

const broken = (why: string) => new AppError(422, 'INVALID_FILE', `The zip file cannot be read: ${why}.`);

async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
	const stream = await zip.openReadStreamPromise(entry);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > budget) {
			stream.destroy();
			throw broken(`it unpacks to more than ${MAX_ZIP_BYTES / 1024 / 1024} MB`);
		}
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/**
 * The files of a zip archive whose names `wanted` accepts (the first of each name), by path. Refuses an
 * archive with more than MAX_ZIP_ENTRIES entries or whose wanted entries unpack to more than MAX_ZIP_BYTES.
 */
export async function readZip(bytes: Buffer, wanted: (path: string) => boolean): Promise<Map<string, Buffer>> {
	let zip: yauzl.ZipFile;
	try {
		zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
	} catch {
		throw broken('it is not a zip archive, or its directory is damaged');
	}
	try {
		if (zip.entryCount > MAX_ZIP_ENTRIES) throw broken(`it has ${zip.entryCount} entries (at most ${MAX_ZIP_ENTRIES})`);
		const files = new Map<string, Buffer>();
		let used = 0;
		for await (const entry of zip.eachEntry()) {
			const name = entry.fileName;
			if (name.endsWith('/') || files.has(name) || !wanted(name)) continue;
			if (entry.isEncrypted()) throw broken(`"${name}" is encrypted`);
			if (used + entry.uncompressedSize > MAX_ZIP_BYTES)
				throw broken(`it unpacks to more than ${MAX_ZIP_BYTES / 1024 / 1024} MB`);
			const data = await inflate(zip, entry, MAX_ZIP_BYTES - used);
			used += data.length;
			files.set(name, data);
		}
		return files;
	} catch (error) {
		if (error instanceof AppError) throw error;
		throw broken(error instanceof Error ? error.message.replace(/[.]$/, '') : 'unknown damage');
	} finally {
		zip.close();
	}
}
