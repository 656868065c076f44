import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// pino's own fields, shown in the line's fixed part or not at all.
const FIXED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v', 'reqId', 'req', 'res', 'responseTime', 'err']);

function value(v: unknown): string {
	if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
	return JSON.stringify(v);
}

/**
 * One pino JSON line as a line for a person at a terminal:
 * `09:20:01.123 INFO  request completed GET /api/studies 200 12ms reqId=req-1 key=value`, with an error's
 * stack on the lines below. A line that is not JSON is passed through unchanged.
 */
export function formatLogLine(line: string): string {
	let entry: Record<string, unknown>;
	try {
		entry = JSON.parse(line) as Record<string, unknown>;
	} catch {
		return line;
	}
	if (typeof entry !== 'object' || entry === null) return line;
	const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
	const level = (LEVELS[entry.level as number] ?? String(entry.level)).padEnd(5);
	const parts = [time, level, String(entry.msg ?? '')];
	const req = entry.req as { method?: string; url?: string } | undefined;
	if (req?.method) parts.push(`${req.method} ${req.url ?? ''}`);
	const res = entry.res as { statusCode?: number } | undefined;
	if (res?.statusCode) parts.push(String(res.statusCode));
	if (typeof entry.responseTime === 'number') parts.push(`${Math.round(entry.responseTime)}ms`);
	if (entry.reqId !== undefined) parts.push(`reqId=${value(entry.reqId)}`);
	for (const [key, v] of Object.entries(entry)) if (!FIXED.has(key)) parts.push(`${key}=${value(v)}`);
	let text = parts.filter(Boolean).join(' ');
	const err = entry.err as { message?: string; stack?: string } | undefined;
	if (err) text += `\n    ${(err.stack ?? err.message ?? JSON.stringify(err)).split('\n').join('\n    ')}`;
	return text;
}

/** A destination for pino that writes readable lines to `out` (the terminal) instead of JSON. */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
	let pending = '';
	return new Writable({
		write(chunk: Buffer | string, _encoding, callback) {
			pending += chunk.toString();
			let newline = pending.indexOf('\n');
			while (newline >= 0) {
				out.write(`${formatLogLine(pending.slice(0, newline))}\n`);
				pending = pending.slice(newline + 1);
				newline = pending.indexOf('\n');
			}
			callback();
		}
	});
}
