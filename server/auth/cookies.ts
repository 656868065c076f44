/** Reads one cookie from a Cookie header; undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const index = part.indexOf('=');
		if (index < 0) continue;
		if (part.slice(0, index).trim() !== name) continue;
		const value = part.slice(index + 1).trim();
		try {
			return decodeURIComponent(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

export interface CookieOptions {
	maxAgeSeconds: number;
	secure: boolean;
}

/** A Set-Cookie value for the session: HttpOnly, SameSite=Lax, whole site, Secure over HTTPS. */
export function sessionCookie(name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): string {
	const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
	if (maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	if (secure) parts.push('Secure');
	return parts.join('; ');
}
