import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogueApp, type DialogueApp } from './dialogue-app.js';
import { as } from './dialogue-fixture.js';

// The dialogue API on the run's database (PGlite, or Postgres with DATABASE_URL): sessions, joining by
// code, one answer per attendee per question, the small-group rule, moderation, closing, access.
describe('dialogue sessions API', () => {
	let t: DialogueApp;

	beforeAll(async () => (t = await dialogueApp()));
	afterAll(async () => t?.close());

	async function state(sessionId: string, view: 'display' | 'control' = 'display') {
		const response = await t.app.inject({
			url: `/api/dialogue/sessions/${sessionId}?view=${view}`,
			headers: { cookie: t.fx.cookies.owner }
		});
		expect(response.statusCode, response.body).toBe(200);
		return response.json();
	}

	it('opens a session with a six-character join code for any member, and refuses others', async () => {
		const session = await t.openSession();
		expect(session.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
		expect(session.status).toBe('open');
		const stranger = await t.app.inject({
			method: 'POST',
			url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions`,
			headers: as(t.fx.cookies.stranger),
			payload: { name: 'x' }
		});
		expect(stranger.statusCode).toBe(404);
		expect(stranger.json().error.code).toBe('ANALYSIS_NOT_FOUND');
		const anonymous = await t.app.inject({ method: 'GET', url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions` });
		expect(anonymous.statusCode).toBe(401);
		const strangerRead = await t.app.inject({
			url: `/api/dialogue/sessions/${session.id}`,
			headers: { cookie: t.fx.cookies.stranger }
		});
		expect(strangerRead.statusCode).toBe(404);
		const list = await t.app.inject({
			url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions`,
			headers: { cookie: t.fx.cookies.co_researcher }
		});
		expect(list.json().sessions.map((s: { id: string }) => s.id)).toContain(session.id);
	});

	it('rejects a session without a name or with an impossible date, and stores nothing', async () => {
		const before = await t.app.inject({
			url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions`,
			headers: { cookie: t.fx.cookies.owner }
		});
		for (const body of [{ name: '   ' }, { name: 'x', date: '2026-02-30' }, { name: 'x', date: 'morgen' }]) {
			const response = await t.app.inject({
				method: 'POST',
				url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions`,
				headers: as(t.fx.cookies.owner),
				payload: body
			});
			expect([400, 422]).toContain(response.statusCode);
			expect(response.json().error.code).toMatch(/SESSION_INVALID|VALIDATION_FAILED/);
		}
		const after = await t.app.inject({
			url: `/api/analyses/${t.fx.analysisId}/dialogue-sessions`,
			headers: { cookie: t.fx.cookies.owner }
		});
		expect(after.json().sessions).toHaveLength(before.json().sessions.length);
	});

	it('joins with the code only (any case, spaces allowed) and rejects unknown codes', async () => {
		const session = await t.openSession();
		const spaced = `${session.joinCode.slice(0, 3).toLowerCase()} ${session.joinCode.slice(3)}`;
		await t.joinAs(spaced);
		for (const code of ['ZZZZZZ', 'abc', '']) {
			const response = await t.app.inject({
				method: 'POST',
				url: '/api/dialogue/join',
				headers: { 'x-standpunt-csrf': '1' },
				payload: { code }
			});
			expect([400, 404]).toContain(response.statusCode);
		}
		const noCsrf = await t.app.inject({
			method: 'POST',
			url: '/api/dialogue/join',
			payload: { code: session.joinCode }
		});
		expect(noCsrf.statusCode).toBe(403);
	});

	it('accepts answers only to the open question, one per attendee (a second replaces the first)', async () => {
		const session = await t.openSession();
		const cookie = await t.joinAs(session.joinCode);
		const early = await t.answer(session.joinCode, cookie, 'recognise-1', { value: '4' });
		expect(early.statusCode).toBe(409);
		expect(early.json().error.code).toBe('QUESTION_NOT_OPEN');
		expect((await t.setQuestion(session.id, 'recognise-1')).statusCode).toBe(200);
		expect((await t.answer(session.joinCode, cookie, 'recognise-1', { value: '6' })).statusCode).toBe(422);
		expect(
			(await t.answer(session.joinCode, 'standpunt_attendee=forged', 'recognise-1', { value: '4' })).statusCode
		).toBe(401);
		expect((await t.answer(session.joinCode, cookie, 'recognise-1', { value: '4' })).statusCode).toBe(200);
		expect((await t.answer(session.joinCode, cookie, 'recognise-1', { value: '5' })).statusCode).toBe(200);
		const rows = await t.database.db
			.selectFrom('dialogue_responses')
			.select(['value'])
			.where('session_id', '=', session.id)
			.execute();
		expect(rows).toEqual([{ value: '5' }]);
		const mine = await t.app.inject({ url: `/api/dialogue/attend/${session.joinCode}`, headers: { cookie } });
		expect(mine.json()).toMatchObject({ question: { key: 'recognise-1' }, answer: { value: '5', text: null } });
		expect((await t.setQuestion(session.id, 'no-such-question')).statusCode).toBe(422);
	});

	it('shows nothing of a question below five answers, and its whole distribution and mean from five on', async () => {
		const session = await t.openSession();
		await t.setQuestion(session.id, 'relevant-2');
		const cookies: string[] = [];
		for (let i = 0; i < 5; i++) cookies.push(await t.joinAs(session.joinCode));
		// Five attendees, five different answers: the fifth answer makes the whole distribution visible.
		for (const [i, cookie] of cookies.slice(0, 4).entries())
			expect((await t.answer(session.joinCode, cookie, 'relevant-2', { value: String(i + 1) })).statusCode).toBe(200);
		const hidden = {
			questionKey: 'relevant-2',
			total: null,
			mean: null,
			options: ['1', '2', '3', '4', '5'].map((value) => ({ value, count: null }))
		};
		for (const view of ['display', 'control'] as const) {
			expect(
				(await state(session.id, view)).tallies.find((x: { questionKey: string }) => x.questionKey === 'relevant-2')
			).toEqual(hidden);
		}
		await t.answer(session.joinCode, cookies[4], 'relevant-2', { value: '5' });
		const tally = (await state(session.id)).tallies.find(
			(x: { questionKey: string }) => x.questionKey === 'relevant-2'
		);
		expect(tally.total).toBe(5);
		// (1 + 2 + 3 + 4 + 5) / 5, by hand
		expect(tally.mean).toBeCloseTo(3, 12);
		expect(tally.options).toEqual(['1', '2', '3', '4', '5'].map((value) => ({ value, count: 1 })));
	});

	it('shows a room of two attendees nothing, in every shape the API answers with', async () => {
		const session = await t.openSession();
		await t.setQuestion(session.id, 'recognise-1');
		for (const value of ['5', '4'])
			expect(
				(await t.answer(session.joinCode, await t.joinAs(session.joinCode), 'recognise-1', { value })).statusCode
			).toBe(200);
		const control = await state(session.id, 'control');
		const tally = control.tallies.find((x: { questionKey: string }) => x.questionKey === 'recognise-1');
		expect(tally).toMatchObject({ total: null, mean: null });
		expect(JSON.stringify(control)).not.toMatch(/"count":[0-9]|"mean":[0-9]|"total":[0-9]/);
		const reactions = await t.app.inject({
			url: `/api/studies/${t.fx.studyId}/dialogue/reactions`,
			headers: { cookie: t.fx.cookies.owner }
		});
		const mine = reactions.json().analyses[0].sessions.find((s: { id: string }) => s.id === session.id);
		expect(JSON.stringify(mine.tallies)).not.toMatch(/"count":[0-9]|"mean":[0-9]|"total":[0-9]/);
	});

	it('stops the open question with {"currentQuestion": null}', async () => {
		const session = await t.openSession();
		expect((await t.setQuestion(session.id, 'best-fit')).json()).toMatchObject({ currentQuestion: 'best-fit' });
		const stopped = await t.setQuestion(session.id, null);
		expect(stopped.statusCode, stopped.body).toBe(200);
		expect(stopped.json()).toMatchObject({ currentQuestion: null, status: 'open' });
		expect((await state(session.id)).question).toBeNull();
		expect((await t.setQuestion(session.id, '')).statusCode).toBe(422);
	});

	it('keeps free text in the moderation queue until the facilitator shows it', async () => {
		const session = await t.openSession();
		await t.setQuestion(session.id, 'missing');
		const cookie = await t.joinAs(session.joinCode);
		expect((await t.answer(session.joinCode, cookie, 'missing', { text: '   ' })).statusCode).toBe(422);
		expect((await t.answer(session.joinCode, cookie, 'missing', { text: 'Roosters en werkdruk' })).statusCode).toBe(
			200
		);
		const display = await state(session.id, 'display');
		expect(display.shown).toEqual([]);
		expect(display.pending).toBeUndefined();
		expect(JSON.stringify(display)).not.toContain('Roosters');
		const control = await state(session.id, 'control');
		expect(control.pending).toHaveLength(1);
		const id = control.pending[0].id;
		const shown = await t.moderate(session.id, id, 'shown');
		expect(shown.statusCode).toBe(200);
		expect((await state(session.id)).shown.map((x: { text: string }) => x.text)).toEqual(['Roosters en werkdruk']);
		// Changing the text sends it back to the queue.
		await t.answer(session.joinCode, cookie, 'missing', { text: 'Capaciteit' });
		expect((await state(session.id)).shown).toEqual([]);
		const other = await t.openSession();
		const wrongSession = await t.moderate(other.id, id, 'shown');
		expect(wrongSession.statusCode).toBe(404);
	});

	it('closes a session for good: the code stops working for joining, reading and answering', async () => {
		const session = await t.openSession();
		const cookie = await t.joinAs(session.joinCode);
		await t.setQuestion(session.id, 'best-fit');
		const closed = await t.closeSession(session.id);
		expect(closed.json()).toMatchObject({ status: 'closed', currentQuestion: null });
		const join = await t.app.inject({
			method: 'POST',
			url: '/api/dialogue/join',
			headers: { 'x-standpunt-csrf': '1' },
			payload: { code: session.joinCode }
		});
		expect(join.statusCode).toBe(404);
		expect(join.json().error.code).toBe('JOIN_CODE_NOT_VALID');
		expect(
			(await t.app.inject({ url: `/api/dialogue/attend/${session.joinCode}`, headers: { cookie } })).statusCode
		).toBe(404);
		expect((await t.answer(session.joinCode, cookie, 'best-fit', { value: 'mix' })).statusCode).toBe(404);
		expect((await t.setQuestion(session.id, 'best-fit')).statusCode).toBe(409);
	});

	it('stores no names or addresses: attendees are a token hash and a time', async () => {
		const columns = await t.database.db
			.selectFrom('information_schema.columns' as never)
			.select(['table_name' as never, 'column_name' as never])
			.where('table_name' as never, 'in', [
				'dialogue_attendees',
				'dialogue_responses',
				'dialogue_mini_sort_tallies'
			] as never)
			.execute();
		const names = (columns as { column_name: string }[]).map((c) => c.column_name);
		expect(names.filter((n) => /ip|addr|name|agent|email/i.test(n))).toEqual([]);
	});
});
