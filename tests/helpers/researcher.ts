import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from './e2e.js';

// A researcher on a running server (startServer): the first account through the setup link, API calls
// with its session, the demo study and a saved analysis of it, and the session in a browser context.
// Used by the e2e tests and the process tests under tests/server/ops.

export interface Account {
	email: string;
	password: string;
	displayName?: string;
}

/** The account firstResearcher makes unless the test names another. */
export const FIRST_ACCOUNT: Account = {
	email: 'onderzoeker@example.org',
	password: 'een lang en sterk wachtwoord',
	displayName: 'Onderzoeker'
};

/** A session: `cookie` is the request header value (`standpunt_session=…`), `token` the cookie's value. */
export interface Researcher {
	cookie: string;
	token: string;
}

async function sessionOf(response: Response, what: string, status: number): Promise<Researcher> {
	if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	return { cookie, token: cookie.split('=')[1] };
}

/**
 * Creates the first account through the setup link the server prints while it has none (that account owns the
 * demo study) and returns its session.
 */
export async function firstResearcher(server: RunningServer, account: Account = FIRST_ACCOUNT): Promise<Researcher> {
	let match: RegExpExecArray | null = null;
	for (let i = 0; i < 50 && !match; i++) {
		match = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output());
		if (!match) await new Promise((r) => setTimeout(r, 100));
	}
	if (!match) throw new Error(`no setup link in the server output:\n${server.output()}`);
	const response = await fetch(`${server.url}/api/auth/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
		body: JSON.stringify({ token: match[1], ...account })
	});
	return sessionOf(response, 'the setup link', 201);
}

/** Logs an existing account in through the API and returns the new session. */
export async function logInByApi(server: RunningServer, account: Account): Promise<Researcher> {
	const response = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-standpunt-csrf': '1' },
		body: JSON.stringify({ email: account.email, password: account.password })
	});
	return sessionOf(response, 'the login', 200);
}

/** One API call with the researcher's session; throws on a status other than 2xx. A 204 gives undefined. */
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
	return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The id of the seeded demo study (politie-diversiteit). */
export async function demoStudyId(server: RunningServer, cookie: string): Promise<string> {
	const { studies } = await api<{ studies: { id: string; slug: string }[] }>(server, cookie, 'GET', '/studies');
	const demo = studies.find((s) => s.slug === 'politie-diversiteit');
	if (!demo) throw new Error('the demo study is missing');
	return demo.id;
}

/** The demo study's id and a saved centroid analysis with 4 factors, varimax (the flagship setting). */
export async function demoAnalysis(
	server: RunningServer,
	cookie: string
): Promise<{ studyId: string; analysisId: string; nFactors: number }> {
	const studyId = await demoStudyId(server, cookie);
	const analysis = await api<{ id: string; result: { nFactors: number } }>(
		server,
		cookie,
		'POST',
		`/studies/${studyId}/analyses`,
		{
			extraction: 'centroid',
			factors: 4,
			rotation: 'varimax',
			name: 'Voorlopige perspectieven'
		}
	);
	return { studyId, analysisId: analysis.id, nFactors: analysis.result.nFactors };
}

/** Puts a researcher's session on a browser context. */
export async function logIn(context: BrowserContext, server: RunningServer, token: string): Promise<void> {
	await context.addCookies([{ name: 'standpunt_session', value: token, url: server.url }]);
}

/** The first account, logged in on `context`; returns the demo study's id. */
export async function setUpFirstResearcher(
	context: BrowserContext,
	server: RunningServer,
	account: Account = FIRST_ACCOUNT
): Promise<string> {
	const { cookie, token } = await firstResearcher(server, account);
	await logIn(context, server, token);
	return demoStudyId(server, cookie);
}
