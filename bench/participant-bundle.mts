// Prints the gzip size in KB of every script and stylesheet the participant pages load, measured
// in Chromium from the built app: /s/politie-diversiteit → /p/<code> → every step up to the grid.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = await new Promise<number>((resolve) => {
	const probe = createServer().listen(0, '127.0.0.1', () => {
		const address = probe.address();
		probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
	});
});
const dataDir = mkdtempSync(join(tmpdir(), 'standpunt-bundle-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
	env: { ...process.env, DATABASE_URL: '', PORT: String(port), STANDPUNT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
	stdio: 'ignore'
});
const server = { url: `http://127.0.0.1:${port}` };
for (let i = 0; ; i++) {
	const ok = await fetch(`${server.url}/api/health`).then(
		(r) => r.ok,
		() => false
	);
	if (ok) break;
	if (i > 300) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 200));
}
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const sizes = new Map<string, number>();
try {
	const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
	page.on('response', async (response) => {
		const url = new URL(response.url());
		if (!/\.(js|css)$/.test(url.pathname)) return;
		sizes.set(url.pathname, gzipSync(await response.body(), { level: 9 }).length);
	});
	await page.goto(`${server.url}/s/politie-diversiteit`);
	await page.waitForURL(/\/p\//);
	await page.getByRole('checkbox').check();
	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Verder', exact: true }).click();
	for (let i = 0; i < 40; i++) await page.keyboard.press(String((i % 3) + 1));
	await page.getByRole('button', { name: 'Verder', exact: true }).click();
	await page.locator('.pyramid').waitFor();
	await page.waitForLoadState('networkidle');
} finally {
	await browser.close();
	child.kill('SIGTERM');
	await new Promise((r) => child.once('exit', r));
	rmSync(dataDir, { recursive: true, force: true });
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
process.stderr.write(
	[...sizes].map(([path, bytes]) => `  ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${path}`).join('\n') + '\n'
);
process.stdout.write((total / 1024).toFixed(1));
