import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local channel through which the CLI asks a running server for a backup of its embedded database
 * (whose data folder the server holds locked). At start the server writes `admin.json` into the data
 * folder — its pid, port and a random token, readable by the folder's owner only — and removes it when it
 * stops. The server answers only requests from the loopback address that carry the token.
 */
export const ADMIN_FILE = 'admin.json';

export interface AdminChannel {
	pid: number;
	port: number;
	token: string;
}

export function newAdminToken(): string {
	return randomBytes(32).toString('base64url');
}

export function writeAdminFile(dataDir: string, channel: AdminChannel): () => void {
	const path = join(dataDir, ADMIN_FILE);
	const temp = `${path}.${process.pid}`;
	writeFileSync(temp, JSON.stringify(channel), { mode: 0o600 });
	renameSync(temp, path);
	return () => {
		try {
			if ((JSON.parse(readFileSync(path, 'utf8')) as AdminChannel).token === channel.token)
				rmSync(path, { force: true });
		} catch {
			// already gone
		}
	};
}

export function readAdminFile(dataDir: string): AdminChannel | undefined {
	try {
		const value = JSON.parse(readFileSync(join(dataDir, ADMIN_FILE), 'utf8')) as AdminChannel;
		return Number.isInteger(value.port) && typeof value.token === 'string' ? value : undefined;
	} catch {
		return undefined;
	}
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
	if (!given) return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function isLoopback(address: string | undefined): boolean {
	return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
