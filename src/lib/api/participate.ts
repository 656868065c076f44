// The participant API: the calls the participant pages make, and (re-exported) the types they share with the
// server (server/participation). Kept free of $lib imports so the server can import its types.
import { ApiError, apiUrl, CSRF_HEADER, get, post, put, toApiError } from './client.js';
import type { StudyLanguage } from './types/common.js';
import type { Participation, PublicStudy, SubmissionBody, SubmissionReceipt } from './types/participation.js';

export { ApiError };

// The shapes live in ./types/participation.ts (schema-derived, shared with the server); re-exported for the pages.
export type * from './types/participation.js';
export type { StudyLanguage } from './types/common.js';

/** Sends the draft with `keepalive`, so that it outlives a page being closed (pagehide). */
function putKeepalive(path: string, body: unknown): Promise<void> {
	return fetch(apiUrl(path), {
		method: 'PUT',
		keepalive: true,
		credentials: 'same-origin',
		headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
		body: JSON.stringify(body)
	}).then(
		async (response) => {
			if (!response.ok) throw await toApiError(response);
		},
		() => {
			throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
		}
	);
}

const codePath = (code: string) => `/api/participate/${encodeURIComponent(code)}`;

/** Creates an anonymous participant code for an open study with self-enrolment. */
export function enrol(slug: string, options: { facilitated?: boolean } = {}): Promise<{ code: string }> {
	return post(
		`/api/studies/by-slug/${encodeURIComponent(slug)}/participants`,
		options.facilitated ? { facilitated: true } : {}
	);
}

/** The title of a study anyone may join; 404 for any other slug (draft, invite-only, unknown). */
export function getPublicStudy(slug: string, lang?: StudyLanguage): Promise<PublicStudy> {
	return get(`/api/studies/by-slug/${encodeURIComponent(slug)}`, { query: { lang } });
}

/** The study as this participant sees it, in `lang` when the study offers it, with the saved draft. */
export function getParticipation(code: string, lang?: StudyLanguage): Promise<Participation> {
	return get(codePath(code), { query: { lang } });
}

/** Saves the draft; `keepalive` lets the request outlive the page (pagehide). */
export function saveDraft(code: string, draft: unknown, options: { keepalive?: boolean } = {}): Promise<void> {
	return options.keepalive ? putKeepalive(codePath(code) + '/draft', draft) : put(codePath(code) + '/draft', draft);
}

export function submitSort(code: string, body: SubmissionBody): Promise<SubmissionReceipt> {
	return post(codePath(code) + '/submission', body);
}
