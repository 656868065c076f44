// The participant API: types shared with the server (server/participation) and the calls the
// participant pages make. Kept free of $lib imports so the server can import its types.
import { ApiError, apiUrl, CSRF_HEADER, get, post, put, toApiError } from './client.js';

export { ApiError };

export type StudyLanguage = 'nl' | 'en';
export type ParticipationStatus = 'new' | 'in_progress' | 'submitted' | 'withdrawn';
export type QuestionKind = 'single' | 'multiple' | 'scale' | 'short_text' | 'long_text';

export interface ParticipationStatement {
	code: string;
	text: string;
}

export interface ParticipationGridColumn {
	value: number;
	capacity: number;
}

export interface ParticipationQuestion {
	key: string;
	phase: 'pre' | 'post';
	type: QuestionKind;
	prompt: string;
	options: { value: string; label: string }[];
	required: boolean;
	/** Whether "zeg ik liever niet" / "prefer not to say" is offered (choice questions). */
	offerDecline: boolean;
}

export interface ParticipationStudy {
	slug: string;
	title: string;
	/** The language the texts below are in. */
	language: StudyLanguage;
	languages: StudyLanguage[];
	/** Only an open study accepts drafts and submissions. */
	open: boolean;
	consent: string;
	instructions: string;
	thankYou: string;
	/** How and with whom to withdraw, in the study's words; empty when the study has not said. */
	contact: string;
	/** Forced distribution: every column must hold exactly its capacity. */
	forced: boolean;
	statements: ParticipationStatement[];
	grid: ParticipationGridColumn[];
	questions: ParticipationQuestion[];
}

/** `GET /api/studies/by-slug/:slug`: what the open link shows before enrolling. */
export interface PublicStudy {
	slug: string;
	title: string;
	language: StudyLanguage;
	/** false: closed, no new sorts. */
	open: boolean;
}

export interface Participation {
	study: ParticipationStudy;
	status: ParticipationStatus;
	/** The last draft saved with PUT …/draft, exactly as sent; null when none (or after submitting). */
	draft: unknown;
}

/** `null` records "zeg ik liever niet" (declined); an unanswered question is left out. */
export type AnswerValue = string | string[] | null;

export interface FacilitatedData {
	respondentNumber: string;
	notes?: { sort?: string; statements?: Record<string, string> };
}

export interface SubmissionBody {
	placements: { statement: string; value: number }[];
	answers?: Record<string, AnswerValue>;
	comments?: Record<string, string>;
	/** Present when a co-researcher ran the sort (facilitated mode). */
	facilitated?: FacilitatedData;
}

export interface SubmissionReceipt {
	receipt: string;
}

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
