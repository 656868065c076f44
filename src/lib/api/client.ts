/**
 * The one way the single-page app talks to the API: JSON in and out, cookies on the same origin, the
 * CSRF header on every request that changes state, and `{ "error": { "code", "message" } }` turned into
 * a typed `ApiError`. Components never call `fetch` themselves (style-anchors §4.4).
 */

/** Sent on every state-changing request; the server rejects POST/PATCH/PUT/DELETE without it. */
export const CSRF_HEADER = 'x-standpunt-csrf';

export class ApiError extends Error {
	constructor(
		/** HTTP status; 0 when the server could not be reached. */
		readonly status: number,
		/** Stable machine-readable code from the server, e.g. `INVALID_CREDENTIALS`, or `NETWORK_ERROR`. */
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
	/** Query parameters; undefined values are left out. */
	query?: Record<string, string | number | boolean | undefined>;
	signal?: AbortSignal;
	/** `fetch` to use, e.g. the one SvelteKit passes to `load`. */
	fetch?: typeof fetch;
}

/** Builds `/api/...?a=b` from a path and optional query parameters. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
	const base = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
	if (!query) return base;
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
	const text = params.toString();
	return text ? `${base}?${text}` : base;
}

async function send(method: HttpMethod, path: string, body: unknown, options: RequestOptions): Promise<Response> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (method !== 'GET') headers[CSRF_HEADER] = '1';
	if (body !== undefined) headers['content-type'] = 'application/json';
	const doFetch = options.fetch ?? fetch;
	let response: Response;
	try {
		response = await doFetch(apiUrl(path, options.query), {
			method,
			headers,
			credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: options.signal
		});
	} catch (error) {
		if (error instanceof DOMException && error.name === 'AbortError') throw error;
		throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
	}
	if (!response.ok) throw await toApiError(response);
	return response;
}

/** Reads the server's error body; anything unexpected still becomes an ApiError with the status. */
export async function toApiError(response: Response): Promise<ApiError> {
	let payload: unknown;
	try {
		payload = await response.json();
	} catch {
		payload = undefined;
	}
	const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
	if (error && typeof error.code === 'string') {
		return new ApiError(
			response.status,
			error.code,
			typeof error.message === 'string' ? error.message : error.code,
			error.details
		);
	}
	return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

/** Sends a JSON request and returns the parsed JSON answer (undefined for 204). */
export async function request<T>(
	method: HttpMethod,
	path: string,
	body?: unknown,
	options: RequestOptions = {}
): Promise<T> {
	const response = await send(method, path, body, options);
	if (response.status === 204) return undefined as T;
	const text = await response.text();
	return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetches a file from the API (an export) as a Blob with the file name the server suggests. */
export async function download(
	path: string,
	options: RequestOptions = {}
): Promise<{ blob: Blob; fileName: string | undefined }> {
	const response = await send('GET', path, undefined, options);
	const disposition = response.headers.get('content-disposition') ?? '';
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
	return { blob: await response.blob(), fileName: match ? decodeURIComponent(match[1]) : undefined };
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
	request<T>('POST', path, body ?? {}, options);
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) =>
	request<T>('PUT', path, body ?? {}, options);
export const patch = <T>(path: string, body?: unknown, options?: RequestOptions) =>
	request<T>('PATCH', path, body ?? {}, options);
export const del = <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options);
