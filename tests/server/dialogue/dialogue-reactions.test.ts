import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogueApp, type DialogueApp } from './dialogue-app.js';
import { as, RESULT } from './dialogue-fixture.js';

// The mini-sort (anonymous tally only) and the researcher's view of reactions across sessions, with
// the CSV and Excel exports, on the run's database.
describe('mini-sort and reactions across sessions', () => {
	let t: DialogueApp;

	beforeAll(async () => (t = await dialogueApp()));
	afterAll(async () => t?.close());

	const openSession = (name: string, miniSort = false) =>
		t.openSession({ name, place: 'Bureau', date: '2026-12-02', miniSort });

	it('scores a mini-sort on the phone, counts it once, and stores no sort', async () => {
		const off = await openSession('Zonder mini-sort');
		const offCookie = await t.joinAs(off.joinCode);
		expect(
			(await t.app.inject({ url: `/api/dialogue/attend/${off.joinCode}/mini-sort`, headers: { cookie: offCookie } }))
				.statusCode
		).toBe(409);

		const session = await openSession('Met mini-sort', true);
		const cookie = await t.joinAs(session.joinCode);
		const statements = (
			await t.app.inject({ url: `/api/dialogue/attend/${session.joinCode}/mini-sort?lang=nl`, headers: { cookie } })
		).json().statements;
		expect(statements).toHaveLength(12);
		// Sort like factor 2's array (clipped to −2…+2): the closest viewpoint must be 2.
		const placements = Object.fromEntries(
			statements.map((s: { code: string }) => [s.code, RESULT.factorArrays[RESULT.statementCodes.indexOf(s.code)][1]])
		);
		const first = await t.app.inject({
			method: 'POST',
			url: `/api/dialogue/attend/${session.joinCode}/mini-sort`,
			headers: as(cookie),
			payload: { placements }
		});
		expect(first.json()).toMatchObject({ factor: 2, counted: true });
		const again = await t.app.inject({
			method: 'POST',
			url: `/api/dialogue/attend/${session.joinCode}/mini-sort`,
			headers: as(cookie),
			payload: { placements }
		});
		expect(again.json()).toMatchObject({ factor: 2, counted: false });
		const flat = Object.fromEntries(statements.map((s: { code: string }) => [s.code, 0]));
		const bad = await t.app.inject({
			method: 'POST',
			url: `/api/dialogue/attend/${session.joinCode}/mini-sort`,
			headers: as(cookie),
			payload: { placements: flat }
		});
		expect(bad.statusCode).toBe(422);
		const tallies = await t.database.db
			.selectFrom('dialogue_mini_sort_tallies')
			.selectAll()
			.where('session_id', '=', session.id)
			.execute();
		expect(tallies).toEqual([{ session_id: session.id, factor: 2, count: 1 }]);
	});

	it('reports reactions per session and all together, hiding counts below five, and exports them', async () => {
		const a = await openSession('Sessie A');
		const b = await openSession('Sessie B');
		for (const [session, n] of [
			[a, 3],
			[b, 3]
		] as const) {
			await t.setQuestion(session.id, 'recognise-2');
			for (let i = 0; i < n; i++) {
				const cookie = await t.joinAs(session.joinCode);
				await t.answer(session.joinCode, cookie, 'recognise-2', { value: '4' });
			}
		}
		const response = await t.app.inject({
			url: `/api/studies/${t.fx.studyId}/dialogue/reactions`,
			headers: { cookie: t.fx.cookies.facilitator }
		});
		expect(response.statusCode).toBe(200);
		const [analysis] = response.json().analyses;
		const pick = (tallies: { questionKey: string }[]) =>
			tallies.find((x) => x.questionKey === 'recognise-2') as unknown as {
				total: number | null;
				options: { count: number | null }[];
			};
		const sessionA = analysis.sessions.find((s: { name: string }) => s.name === 'Sessie A');
		expect(pick(sessionA.tallies).total).toBeNull();
		expect(pick(analysis.combined.tallies).total).toBe(6);
		expect(pick(analysis.combined.tallies).options[3].count).toBe(6);

		const csv = await t.app.inject({
			url: `/api/studies/${t.fx.studyId}/dialogue/reactions.csv`,
			headers: { cookie: t.fx.cookies.owner }
		});
		expect(csv.headers['content-type']).toMatch(/^text\/csv/);
		const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('analysis,session,place,date,question,question_text,answer,count,total,mean,note');
		expect(
			lines.some(
				(l) =>
					l.startsWith('Voorlopige perspectieven,Sessie A,Bureau,2026-12-02,recognise-2,') && l.includes(',4,< 5,< 5,')
			)
		).toBe(true);
		expect(
			lines.some((l) => l.startsWith('Voorlopige perspectieven,alle sessies,,,recognise-2,') && l.endsWith(',4,6,6,4,'))
		).toBe(true);

		const xlsx = await t.app.inject({
			url: `/api/studies/${t.fx.studyId}/dialogue/reactions.xlsx`,
			headers: { cookie: t.fx.cookies.owner }
		});
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Reacties', 'Wat missen we', 'Toelichting']);
		expect(workbook.getWorksheet('Reacties')!.getRow(1).getCell(8).value).toBe('count');

		expect(
			(
				await t.app.inject({
					url: `/api/studies/${t.fx.studyId}/dialogue/reactions`,
					headers: { cookie: t.fx.cookies.stranger }
				})
			).statusCode
		).toBe(404);
		expect((await t.app.inject({ url: `/api/studies/${t.fx.studyId}/dialogue/reactions.csv` })).statusCode).toBe(401);
	});

	it('keeps a session of 2 hidden in the total over all sessions, on screen and in both exports', async () => {
		const big = await openSession('Grote zaal');
		const small = await openSession('Kleine zaal');
		const answerAll = async (session: { id: string; joinCode: string }, values: string[]) => {
			await t.setQuestion(session.id, 'relevant-1');
			for (const value of values) {
				const cookie = await t.joinAs(session.joinCode);
				await t.answer(session.joinCode, cookie, 'relevant-1', { value });
			}
		};
		await answerAll(big, ['1', '2', '3', '4', '5', '5']);
		await answerAll(small, ['1', '1']);
		const [analysis] = (
			await t.app.inject({
				url: `/api/studies/${t.fx.studyId}/dialogue/reactions`,
				headers: { cookie: t.fx.cookies.owner }
			})
		).json().analyses;
		const pick = (tallies: { questionKey: string }[]) =>
			tallies.find((x) => x.questionKey === 'relevant-1') as unknown as Record<string, unknown>;
		const bigTally = pick(analysis.sessions.find((s: { id: string }) => s.id === big.id).tallies);
		expect(bigTally).toMatchObject({ total: 6, mean: 20 / 6 });
		expect(pick(analysis.sessions.find((s: { id: string }) => s.id === small.id).tallies)).toMatchObject({
			total: null,
			mean: null
		});
		// Without the rule the total would be 8 with two more 1s: subtracting the big room would reveal the small one.
		expect(pick(analysis.combined.tallies)).toEqual({ ...bigTally, partial: true });

		const lines = (
			await t.app.inject({
				url: `/api/studies/${t.fx.studyId}/dialogue/reactions.csv`,
				headers: { cookie: t.fx.cookies.owner }
			})
		).body.split('\r\n');
		const rows = (session: string) => lines.filter((l) => l.includes(`,${session},`) && l.includes(',relevant-1,'));
		expect(rows('Kleine zaal')).toHaveLength(5);
		for (const row of rows('Kleine zaal')) expect(row.endsWith(',< 5,< 5,,')).toBe(true);
		for (const row of rows('alle sessies'))
			expect(row).toMatch(/,6,[0-9.]+,zonder de sessies met minder dan 5 antwoorden op deze vraag$/);
		expect(rows('alle sessies')[0]).toMatch(/,1,6,3\.33,/);

		const xlsx = await t.app.inject({
			url: `/api/studies/${t.fx.studyId}/dialogue/reactions.xlsx`,
			headers: { cookie: t.fx.cookies.owner }
		});
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
		const sheetRows: unknown[][] = [];
		workbook.getWorksheet('Reacties')!.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
		const smallRows = sheetRows.filter((r) => r[1] === 'Kleine zaal' && r[4] === 'relevant-1');
		expect(smallRows.map((r) => [r[7], r[8], r[9] ?? ''])).toEqual(Array(5).fill(['< 5', '< 5', '']));
		const allRows = sheetRows.filter((r) => r[1] === 'alle sessies' && r[4] === 'relevant-1');
		expect(allRows.map((r) => r[8])).toEqual(Array(5).fill(6));
	});
});
