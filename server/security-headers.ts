/** Headers on every response, pages and API alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/**
 * What every API response carries on top (event streams included, which write their head themselves):
 * API responses hold no HTML, so the strictest policy, and nothing personal stays in a cache. The SPA's
 * page carries its own hash-based CSP in a <meta> tag written by SvelteKit (svelte.config.js).
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
	...SECURITY_HEADERS,
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
	'cache-control': 'no-store'
};
