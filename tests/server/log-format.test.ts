import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { formatLogLine, readableLogStream } from '../../server/log-format.js';

describe('readable log lines for a terminal', () => {
	it('shows time, level, message, request and the other fields as key=value', () => {
		const line = JSON.stringify({
			level: 30,
			time: Date.UTC(2026, 10, 28, 9, 20, 1, 123),
			pid: 42,
			hostname: 'laptop',
			reqId: 'req-1',
			req: { method: 'GET', url: '/api/studies/:id' },
			res: { statusCode: 200 },
			responseTime: 12.4,
			msg: 'request completed',
			database: 'embedded'
		});
		expect(formatLogLine(line)).toBe(
			'09:20:01.123 INFO  request completed GET /api/studies/:id 200 12ms reqId=req-1 database=embedded'
		);
	});

	it('puts an error stack on the following lines and passes non-JSON through unchanged', () => {
		const text = formatLogLine(
			JSON.stringify({
				level: 50,
				time: 0,
				msg: 'request failed',
				err: { message: 'boom', stack: 'Error: boom\n    at x (y.ts:1)' }
			})
		);
		expect(text.split('\n')).toEqual(['00:00:00.000 ERROR request failed', '    Error: boom', '        at x (y.ts:1)']);
		expect(formatLogLine('plain text')).toBe('plain text');
		expect(formatLogLine('42')).toBe('42');
	});

	it('as the logger stream of a Fastify app: one readable line per entry, no JSON', async () => {
		let out = '';
		const sink = new Writable({
			write(chunk, _encoding, callback) {
				out += chunk.toString();
				callback();
			}
		});
		const app = Fastify({ logger: { level: 'info', stream: readableLogStream(sink) } });
		app.log.info({ studies: 2 }, 'hello "there"');
		app.log.warn('second');
		await app.close();
		const lines = out.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}hello "there" studies=2$/);
		expect(lines[1]).toMatch(/ WARN {2}second$/);
	});
});
