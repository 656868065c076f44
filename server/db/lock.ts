import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The data folder ${dataDir} is in use by another Standpunt process (pid ${pid}). ` +
				'Stop that process first, or point STANDPUNT_DATA_DIR at another folder.'
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes an exclusive lock on a data folder by creating `standpunt.lock` with O_EXCL and our pid in it.
 * PGlite itself does not lock its folder, and two processes writing one folder corrupt it.
 * A lock whose pid no longer runs (a crashed or kill -9'ed process) is taken over.
 * Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const lockPath = join(dataDir, 'standpunt.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				rmSync(lockPath, { force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let holder = Number.NaN;
			try {
				holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
			} catch {
				// The holder removed it between our open and read: try again.
			}
			if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
				throw new DataDirLockedError(dataDir, holder);
			}
			rmSync(lockPath, { force: true }); // stale: its process is gone
		}
	}
	throw new Error(`Could not take the lock on ${dataDir}`);
}
