import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/build-app.js';
import { as, createDialogueFixture, type Fixture } from './dialogue-fixture.js';

// What every dialogue test file starts from: the app on the run's database with the dialogue fixture, and
// the calls the tests repeat (open a session, join it, open a question, answer it).

type Injector = Pick<FastifyInstance, 'inject'>;

export interface OpenedSession {
	id: string;
	joinCode: string;
	status: string;
}

/** The dialogue calls through `app` (the test app, or a second instance on the same database). */
export function dialogueCalls(app: Injector, fx: Fixture) {
	return {
		/** Opens a session on the fixture's analysis, as the facilitator unless `cookie` says otherwise. */
		async openSession(
			body: Record<string, unknown> = { name: 'Bureau Noord', place: 'Zwolle', date: '2026-12-01' },
			cookie = fx.cookies.facilitator
		): Promise<OpenedSession> {
			const response = await app.inject({
				method: 'POST',
				url: `/api/analyses/${fx.analysisId}/dialogue-sessions`,
				headers: as(cookie),
				payload: body
			});
			expect(response.statusCode, response.body).toBe(201);
			return response.json();
		},

		/** Joins with the code and returns the attendee's cookie header. */
		async joinAs(code: string): Promise<string> {
			const response = await app.inject({
				method: 'POST',
				url: '/api/dialogue/join',
				headers: { 'x-standpunt-csrf': '1' },
				payload: { code }
			});
			expect(response.statusCode, response.body).toBe(200);
			const cookie = String(response.headers['set-cookie']).split(';')[0];
			expect(cookie).toMatch(/^standpunt_attendee=/);
			return cookie;
		},

		/** The facilitator opens a question (null stops the open one). */
		setQuestion(sessionId: string, currentQuestion: string | null) {
			return app.inject({
				method: 'PATCH',
				url: `/api/dialogue/sessions/${sessionId}`,
				headers: as(fx.cookies.facilitator),
				payload: { currentQuestion }
			});
		},

		/** An attendee answers question `key`. */
		answer(code: string, cookie: string, key: string, payload: Record<string, unknown>) {
			return app.inject({
				method: 'PUT',
				url: `/api/dialogue/attend/${code}/answers/${key}`,
				headers: as(cookie),
				payload
			});
		},

		/** The facilitator shows or hides a free-text answer. */
		moderate(sessionId: string, responseId: string, moderation: string) {
			return app.inject({
				method: 'PATCH',
				url: `/api/dialogue/sessions/${sessionId}/responses/${responseId}`,
				headers: as(fx.cookies.facilitator),
				payload: { moderation }
			});
		},

		/** The facilitator closes the session. */
		closeSession(sessionId: string) {
			return app.inject({
				method: 'PATCH',
				url: `/api/dialogue/sessions/${sessionId}`,
				headers: as(fx.cookies.facilitator),
				payload: { status: 'closed' }
			});
		}
	};
}

export type DialogueCalls = ReturnType<typeof dialogueCalls>;

export interface DialogueApp extends TestApp, DialogueCalls {
	fx: Fixture;
	close(): Promise<void>;
}

/** The app on a fresh database with the dialogue fixture; call `close()` in afterAll. */
export async function dialogueApp(): Promise<DialogueApp> {
	const t = await buildTestApp();
	const fx = await createDialogueFixture(t.database.db);
	return { ...t, fx, ...dialogueCalls(t.app, fx) };
}
