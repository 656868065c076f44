import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from '../helpers/e2e.js';

/** A researcher on a fresh server: the first account (via the printed setup link) owns the demo study. */
export async function firstResearcher(server: RunningServer): Promise<{ cookie: string; token: string }> {
	let match: RegExpExecArray | null = null;
	for (let i = 0; i < 50 && !match; i++) {
		match = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output());
		if (!match) await new Promise((r) => setTimeout(r, 100));
	}
	if (!match) throw new Error(`no setup link in the server output:\n${server.output()}`);
	const response = await fetch(`${server.url}/api/auth/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
		body: JSON.stringify({
			token: match[1],
			email: 'facilitator@example.org',
			password: 'dialoog-sessie-2026',
			displayName: 'Gespreksleider'
		})
	});
	if (!response.ok) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	return { cookie, token: cookie.split('=')[1] };
}

export async function api<T>(
	server: RunningServer,
	cookie: string,
	method: string,
	path: string,
	body?: unknown
): Promise<T> {
	const response = await fetch(`${server.url}/api${path}`, {
		method,
		headers: { cookie, 'x-standpunt-csrf': '1', ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

/** The demo study's id and a saved centroid analysis with 4 factors, varimax (the flagship setting). */
export async function demoAnalysis(
	server: RunningServer,
	cookie: string
): Promise<{ studyId: string; analysisId: string; nFactors: number }> {
	const { studies } = await api<{ studies: { id: string; slug: string }[] }>(server, cookie, 'GET', '/studies');
	const demo = studies.find((s) => s.slug === 'politie-diversiteit');
	if (!demo) throw new Error('the demo study is missing');
	const analysis = await api<{ id: string; result: { nFactors: number } }>(
		server,
		cookie,
		'POST',
		`/studies/${demo.id}/analyses`,
		{
			extraction: 'centroid',
			factors: 4,
			rotation: 'varimax',
			name: 'Voorlopige perspectieven'
		}
	);
	return { studyId: demo.id, analysisId: analysis.id, nFactors: analysis.result.nFactors };
}

export async function logIn(context: BrowserContext, server: RunningServer, token: string): Promise<void> {
	await context.addCookies([{ name: 'standpunt_session', value: token, url: server.url }]);
}
