import {
	closeSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmdirSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The data folder ${dataDir} is in use by another Standpunt process (pid ${pid}). ` +
				'Stop that process first, or point STANDPUNT_DATA_DIR at another folder. ' +
				`If no Standpunt process is running, delete ${join(dataDir, LOCK_FILE)}.`
		);
		this.name = 'DataDirLockedError';
	}
}

const LOCK_FILE = 'standpunt.lock';
/** Held (as a directory, created atomically) by the one process that is taking over a stale lock. */
const TAKEOVER_GUARD = 'standpunt.lock.takeover';
/** A takeover guard older than this was left by a process that crashed mid-takeover. */
const GUARD_STALE_MS = 10_000;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(lockPath: string): number | undefined {
	try {
		const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
		return Number.isInteger(pid) && pid > 0 ? pid : Number.NaN;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

function tryCreate(lockPath: string): boolean {
	try {
		const fd = openSync(lockPath, 'wx');
		try {
			writeSync(fd, String(process.pid));
		} finally {
			closeSync(fd);
		}
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

/**
 * Replaces a stale lock with ours. Only one process may do this at a time (the guard directory),
 * and it re-reads the lock under the guard: two processes that both saw the same stale lock
 * cannot both end up believing they hold the folder.
 */
function tryTakeOver(dataDir: string, lockPath: string, stalePid: number): boolean {
	const guard = join(dataDir, TAKEOVER_GUARD);
	try {
		mkdirSync(guard);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		try {
			if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmdirSync(guard);
		} catch {
			// another process removed it first
		}
		return false;
	}
	try {
		const current = readHolder(lockPath);
		const unchanged = current === stalePid || (Number.isNaN(current) && Number.isNaN(stalePid));
		if (current !== undefined && !unchanged) return false; // someone else got there first
		const temp = `${lockPath}.${process.pid}`;
		const fd = openSync(temp, 'w');
		try {
			writeSync(fd, String(process.pid));
		} finally {
			closeSync(fd);
		}
		renameSync(temp, lockPath); // atomic replace
		return true;
	} finally {
		rmdirSync(guard);
	}
}

/**
 * Takes an exclusive lock on a data folder: `standpunt.lock` holds the owner's pid.
 * PGlite does not lock its folder itself, and two processes writing one folder corrupt it.
 * A lock whose pid no longer runs (a crashed or kill -9'ed process), or that holds our own pid
 * (a restarted container often gets the same pid), is stale and taken over.
 * Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const lockPath = join(dataDir, LOCK_FILE);
	for (let attempt = 0; attempt < 50; attempt++) {
		let acquired = tryCreate(lockPath);
		if (!acquired) {
			const holder = readHolder(lockPath);
			if (holder === undefined) continue; // released between our two steps: try again
			if (!Number.isNaN(holder) && holder !== process.pid && isAlive(holder))
				throw new DataDirLockedError(dataDir, holder);
			acquired = tryTakeOver(dataDir, lockPath, holder);
		}
		if (acquired) {
			let released = false;
			return () => {
				if (released) return;
				released = true;
				// Only remove the lock if it is still ours.
				if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
			};
		}
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
	}
	throw new Error(`Could not take the lock on ${dataDir}: another process keeps changing ${lockPath}`);
}
