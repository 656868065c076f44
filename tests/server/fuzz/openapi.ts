import type { FastifyInstance } from 'fastify';

/** One route of the OpenAPI document, as the fuzzer addresses it. */
export interface Operation {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** OpenAPI path, e.g. `/api/studies/{id}/statements/{statementId}`. */
	path: string;
	pathParams: string[];
	query: Array<{ name: string; schema: object }>;
	body?: object;
	/** Server-sent events: a valid request streams forever, so only refused ones are sent. */
	streams: boolean;
}

interface OpenApiOperation {
	parameters?: Array<{ in: string; name: string; schema?: object }>;
	requestBody?: { content?: Record<string, { schema?: object }> };
}

/** Every operation of the app's own OpenAPI document (`/api/docs/json`), in a stable order. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
	const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
	if (response.statusCode !== 200) throw new Error(`no OpenAPI document: ${response.statusCode}`);
	const document = response.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
	const operations: Operation[] = [];
	for (const [path, methods] of Object.entries(document.paths)) {
		if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
		for (const [method, operation] of Object.entries(methods)) {
			const upper = method.toUpperCase();
			if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
			const parameters = operation.parameters ?? [];
			operations.push({
				method: upper as Operation['method'],
				path,
				pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
				query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
				body: operation.requestBody?.content?.['application/json']?.schema,
				streams: path.endsWith('/events')
			});
		}
	}
	return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/**
 * Percent-encodes every UTF-16 code unit as its UTF-8 (for a lone surrogate: WTF-8) bytes, so that a NUL or
 * a lone surrogate reaches the server as a hostile client would send it (encodeURIComponent refuses those).
 */
export function encodeHostile(value: string): string {
	let out = '';
	for (let i = 0; i < value.length; i++) {
		const unit = value.charCodeAt(i);
		const next = value.charCodeAt(i + 1);
		if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
			out += encodeURIComponent(value.slice(i, i + 2));
			i++;
		} else if (/[A-Za-z0-9\-_.~]/.test(value[i])) out += value[i];
		else if (unit < 0x80) out += `%${unit.toString(16).padStart(2, '0').toUpperCase()}`;
		else {
			const bytes =
				unit < 0x800
					? [0xc0 | (unit >> 6), 0x80 | (unit & 0x3f)]
					: [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
			out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
		}
	}
	return out;
}
