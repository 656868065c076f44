import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createResearcher } from '../../../server/auth/accounts.js';
import type { DatabaseHandle } from '../../../server/db/index.js';
import type { StudyLanguage } from '../../../src/lib/api/types/common.js';

export const PASSWORD = 'correct horse battery';

/** Creates an account and logs it in; returns the session cookie header value. */
export async function loginAs(app: FastifyInstance, database: DatabaseHandle, email: string): Promise<string> {
	await createResearcher(database.db, { email, password: PASSWORD });
	const response = await app.inject({
		method: 'POST',
		url: '/api/auth/login',
		headers: { 'x-standpunt-csrf': '1' },
		payload: { email, password: PASSWORD }
	});
	if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
	return sessionCookieOf(response);
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
	const header = response.headers['set-cookie'];
	const value = Array.isArray(header) ? header[0] : header;
	const match = /standpunt_session=([^;]*)/.exec(value ?? '');
	if (!match) throw new Error('no session cookie');
	return `standpunt_session=${match[1]}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests as a logged-in researcher (cookie + CSRF header), or anonymously with cookie undefined. */
export function client(app: FastifyInstance, cookie: string | undefined) {
	return (method: Method, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}) =>
		app.inject({
			method,
			url,
			headers: {
				...(cookie ? { cookie } : {}),
				...(method === 'GET' ? {} : { 'x-standpunt-csrf': '1' }),
				...(extra.headers ?? {})
			},
			...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] })
		});
}

export const nineColumnGrid = (capacities: number[] = [1, 1, 1, 1, 1]) => {
	const half = Math.floor(capacities.length / 2);
	return capacities.map((capacity, i) => ({ value: i - half, capacity }));
};

/** A small valid study: `n` statements and a forced grid −2…+2 summing to n (n = 5 by default). */
export function smallStudy(slug: string, overrides: Record<string, unknown> = {}) {
	const languages: StudyLanguage[] = ['nl', 'en'];
	return {
		title: { nl: 'Kleine studie', en: 'Small study' },
		slug,
		languages,
		statements: ['A', 'B', 'C', 'D', 'E'].map((letter, i) => ({
			code: `S0${i + 1}`,
			text: { nl: `Stelling ${letter}`, en: `Statement ${letter}` },
			themes: [i < 2 ? 'urgentie' : 'competenties']
		})),
		grid: nineColumnGrid([1, 1, 1, 1, 1]),
		selfEnrolment: false,
		consent: { nl: 'Meedoen is vrijwillig en anoniem.', en: 'Taking part is voluntary and anonymous.' },
		instructions: {
			nl: 'Sorteer de stellingen naar hoe eens je het ermee bent.',
			en: 'Sort the statements by how much you agree.'
		},
		...overrides
	};
}
