import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/index.js';
import type { Database } from '../db/schema.js';

/** The one Postgres channel for dialogue updates; payloads name the session and what changed. */
export const DIALOGUE_CHANNEL = 'standpunt_dialogue';

export type LiveKind = 'response' | 'state' | 'moderation' | 'join' | 'resync';

export interface LiveEvent {
	session: string;
	kind: LiveKind;
}

type Listener = (event: LiveEvent) => void;

/**
 * Sends a dialogue update through Postgres. Call it with the transaction that stores the change:
 * NOTIFY is delivered only when that transaction commits, so a listener never hears of a response it
 * cannot read yet, and a rolled-back change makes no noise.
 */
export async function notifyDialogue(trx: Kysely<Database>, event: LiveEvent): Promise<void> {
	await sql`select pg_notify(${DIALOGUE_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

/**
 * Fans dialogue notifications out to this process's server-sent-event streams. Every update travels
 * through Postgres (product brief §4: state in Postgres only), so a presenter connected to one server
 * process hears answers stored by another. On a Postgres server a dedicated `pg.Client` LISTENs (a pooled
 * connection would lose the LISTEN when returned); on the embedded database, PGlite's own `listen`.
 * The connection opens with the first subscriber and reconnects after a failure, telling every stream to
 * re-read its state (notifications sent while disconnected are lost).
 */
export class DialogueHub {
	private readonly listeners = new Map<string, Set<Listener>>();
	private readonly streams = new Set<() => void>();
	private starting: Promise<void> | undefined;
	private client: pg.Client | undefined;
	private unlisten: (() => Promise<void>) | undefined;
	private closed = false;
	private retry: NodeJS.Timeout | undefined;

	constructor(
		private readonly database: DatabaseHandle,
		private readonly log: FastifyBaseLogger
	) {}

	/** Registers a listener for one session; resolves once the LISTEN is in place. Returns the unsubscribe. */
	async subscribe(sessionId: string, listener: Listener): Promise<() => void> {
		let set = this.listeners.get(sessionId);
		if (!set) this.listeners.set(sessionId, (set = new Set()));
		set.add(listener);
		await this.start();
		return () => {
			set.delete(listener);
			if (set.size === 0 && this.listeners.get(sessionId) === set) this.listeners.delete(sessionId);
		};
	}

	/** Number of open streams, for tests and logs. */
	get subscriberCount(): number {
		let count = 0;
		for (const set of this.listeners.values()) count += set.size;
		return count;
	}

	/** Registers an open stream's end, so that closing the app ends it (shutdown must not wait for phones). */
	track(end: () => void): () => void {
		this.streams.add(end);
		return () => this.streams.delete(end);
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const end of [...this.streams]) end();
		this.streams.clear();
		clearTimeout(this.retry);
		this.listeners.clear();
		await this.starting?.catch(() => undefined);
		await this.unlisten?.().catch(() => undefined);
		await this.client?.end().catch(() => undefined);
	}

	private start(): Promise<void> {
		if (!this.starting) {
			this.starting = this.connect().catch((error: unknown) => {
				this.starting = undefined;
				throw error;
			});
		}
		return this.starting;
	}

	private async connect(): Promise<void> {
		if (this.closed) return;
		if (this.database.pglite) {
			const unlisten = await this.database.pglite.listen(DIALOGUE_CHANNEL, (payload) => this.dispatch(payload));
			if (this.closed) await unlisten();
			else this.unlisten = unlisten;
			return;
		}
		// pg loads only on a Postgres server, not on the embedded database.
		const { Client } = (await import('pg')).default;
		const client = new Client({ connectionString: this.database.url });
		client.on('notification', (message) => {
			if (message.channel === DIALOGUE_CHANNEL && message.payload) this.dispatch(message.payload);
		});
		client.on('error', (error) => {
			this.log.warn({ err: error }, 'dialogue LISTEN connection failed; reconnecting');
			this.reconnect(client);
		});
		client.on('end', () => this.reconnect(client));
		await client.connect();
		await client.query(`LISTEN ${DIALOGUE_CHANNEL}`);
		if (this.closed) {
			await client.end();
			return;
		}
		this.client = client;
	}

	private reconnect(failed: pg.Client): void {
		if (this.closed || this.client !== failed) return;
		this.client = undefined;
		this.starting = undefined;
		failed.end().catch(() => undefined);
		this.scheduleRetry();
	}

	private scheduleRetry(): void {
		if (this.closed) return;
		clearTimeout(this.retry);
		this.retry = setTimeout(() => {
			this.start().then(
				() => {
					for (const session of this.listeners.keys()) this.deliver({ session, kind: 'resync' });
				},
				() => this.scheduleRetry()
			);
		}, 1000);
	}

	private dispatch(payload: string): void {
		let event: LiveEvent;
		try {
			event = JSON.parse(payload) as LiveEvent;
		} catch {
			return;
		}
		if (typeof event?.session === 'string') this.deliver(event);
	}

	private deliver(event: LiveEvent): void {
		for (const listener of this.listeners.get(event.session) ?? []) {
			try {
				listener(event);
			} catch (error) {
				this.log.error({ err: error }, 'dialogue listener failed');
			}
		}
	}
}
