import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_HEADERS } from '../security-headers.js';
import type { DialogueHub, LiveEvent } from './live.js';

const HEARTBEAT_MS = 15_000;
// Bursts (a room of phones answering at once) are folded into one re-read; well inside the one second
// the issue allows between an answer and the tally on the screen.
const COALESCE_MS = 60;

export interface StreamOptions {
	hub: DialogueHub;
	sessionId: string;
	/** Reads the current state from the database; `null` ends the stream (e.g. the session closed). */
	snapshot: () => Promise<unknown>;
	/** Which notifications concern this stream; all by default. */
	wants?: (event: LiveEvent) => boolean;
}

/**
 * A server-sent-event stream of `state` events: one at once, then one after every relevant
 * notification of the session. Each event carries the full state read from Postgres, so a missed event
 * costs nothing and no process keeps state of its own.
 */
export async function streamSessionState(
	request: FastifyRequest,
	reply: FastifyReply,
	options: StreamOptions
): Promise<void> {
	const first = await options.snapshot();
	const raw = reply.raw;
	const socket = request.raw.socket;
	reply.hijack();
	raw.writeHead(200, {
		...API_HEADERS,
		'content-type': 'text/event-stream; charset=utf-8',
		connection: 'close',
		'x-accel-buffering': 'no'
	});
	let ended = false;
	const send = (data: unknown) => {
		if (!ended) raw.write(`event: state\ndata: ${JSON.stringify(data)}\n\n`);
	};
	send(first);

	let timer: NodeJS.Timeout | undefined;
	let running = false;
	let again = false;
	let unsubscribe: (() => void) | undefined;
	let heartbeat: NodeJS.Timeout | undefined;
	const refresh = async () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			do {
				again = false;
				send(await options.snapshot());
			} while (again && !ended);
		} catch (error) {
			request.log.warn({ err: error }, 'dialogue stream could not refresh');
		} finally {
			running = false;
		}
	};
	const finish = () => {
		if (ended) return;
		ended = true;
		clearTimeout(timer);
		clearInterval(heartbeat);
		unsubscribe?.();
		raw.end();
		// The socket is not reused (Connection: close), and an open one would hold up the server's shutdown.
		socket.destroy();
	};
	const untrack = options.hub.track(finish);
	raw.on('close', () => {
		untrack();
		finish();
	});
	const stop = await options.hub.subscribe(options.sessionId, (event) => {
		if (options.wants && event.kind !== 'resync' && !options.wants(event)) return;
		clearTimeout(timer);
		timer = setTimeout(() => void refresh(), COALESCE_MS);
	});
	// The phone may have gone, or the app closed, while the LISTEN connection was being opened.
	if (ended) {
		stop();
		return;
	}
	unsubscribe = stop;
	heartbeat = setInterval(() => {
		if (!ended) raw.write(': keep-alive\n\n');
	}, HEARTBEAT_MS);
}
