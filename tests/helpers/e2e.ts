import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { copyPgliteTemplate, createServerDatabase, serverUrl } from './db.js';
import { SERVER_ENTRY } from './entries.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Viewports the issues ask us to check. */
export const PHONE = { width: 390, height: 844 };
export const NARROW = { width: 320, height: 640 };
export const DESKTOP = { width: 1366, height: 768 };

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	output(): string;
	/** The DATABASE_URL the server uses, if any (for a second process on the same database). */
	databaseUrl: string | undefined;
	/** SIGTERM and wait for exit; `keepData` leaves the data folder (and database) for a restart. */
	stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<number | null>;
}

/**
 * Starts the real server (`node dist/server.js`, what `npm start` runs) on a free port with its own data folder
 * (embedded database). When the run has DATABASE_URL, the server gets a fresh database on that Postgres
 * server instead, unless `env.DATABASE_URL` names one (e.g. two processes sharing one database).
 * Resolves when /api/health answers.
 */
export async function startServer(
	options: { env?: Record<string, string>; dataDir?: string } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'standpunt-e2e-'));
	const ownDb = serverUrl && !options.env?.DATABASE_URL ? await createServerDatabase() : undefined;
	// A folder of our own starts from the migrated template (saves initdb); a caller's folder is used as it is.
	if (!options.dataDir && !serverUrl && !options.env?.DATABASE_URL) copyPgliteTemplate(dataDir);
	const child = spawn(process.execPath, [SERVER_ENTRY], {
		cwd: process.cwd(),
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			STANDPUNT_DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			...(ownDb ? { DATABASE_URL: ownDb.url } : {}),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) {
			await ownDb?.drop();
			throw new Error(`server exited with ${child.exitCode}:\n${log}`);
		}
		try {
			const response = await fetch(`${url}/api/health`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			await exited;
			await ownDb?.drop();
			throw new Error(`server did not start within 90 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		port,
		dataDir,
		databaseUrl: options.env?.DATABASE_URL ?? ownDb?.url,
		process: child,
		output: () => log,
		async stop({ keepData = false, signal = 'SIGTERM' } = {}) {
			if (child.exitCode === null) child.kill(signal);
			const code = await exited;
			if (!keepData) {
				if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
				await ownDb?.drop();
			}
			return code;
		}
	};
}

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** Collects console errors and uncaught page errors; tests assert the list stays empty. */
export function watchConsole(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	return problems;
}

export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
	return browser.newContext({ viewport, deviceScaleFactor: 1 });
}
