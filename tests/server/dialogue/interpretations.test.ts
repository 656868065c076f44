import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogueApp, type DialogueApp } from './dialogue-app.js';
import { as } from './dialogue-fixture.js';

// Interpretations of a saved analysis and the presentation built from them, on the run's database.
// The fixture's sort R01 (respondent 60) defines factor 1 and commented on S01; R04 (respondent 63)
// defines factor 2 and has an interviewer note.
describe('interpretations API', () => {
	let t: DialogueApp;

	beforeAll(async () => (t = await dialogueApp()));
	afterAll(async () => t?.close());

	const url = (path = '') => `/api/analyses/${t.fx.analysisId}/interpretations${path}`;

	it('offers the comments and notes of the defining sorts, labelled by respondent number only', async () => {
		const one = await t.app.inject({ url: url('/1/candidates'), headers: { cookie: t.fx.cookies.co_researcher } });
		expect(one.json().candidates).toEqual([
			{
				sortId: 'R01',
				respondent: '60',
				text: 'We kunnen niet allemaal keeper zijn.',
				source: 'comment',
				statement: 'S01'
			}
		]);
		const two = await t.app.inject({ url: url('/2/candidates'), headers: { cookie: t.fx.cookies.owner } });
		expect(two.json().candidates).toEqual([
			{
				sortId: 'R04',
				respondent: '63',
				text: 'Vertelt over de eerste weken op het bureau.',
				source: 'interviewer_note'
			}
		]);
		expect(
			(await t.app.inject({ url: url('/3/candidates'), headers: { cookie: t.fx.cookies.owner } })).statusCode
		).toBe(404);
		expect(
			(await t.app.inject({ url: url('/1/candidates'), headers: { cookie: t.fx.cookies.facilitator } })).statusCode
		).toBe(403);
		expect(
			(await t.app.inject({ url: url('/1/candidates'), headers: { cookie: t.fx.cookies.stranger } })).statusCode
		).toBe(404);
		expect((await t.app.inject({ url: url('/1/candidates') })).statusCode).toBe(401);
	});

	it('saves a name, narrative and a (shortened) quote, taking the respondent number from the data', async () => {
		const saved = await t.app.inject({
			method: 'PUT',
			url: url('/1'),
			headers: as(t.fx.cookies.co_researcher),
			payload: {
				name: 'Diversiteit als vakmanschap',
				narrative: 'Een team heeft verschillende talenten nodig.',
				quotes: [
					{
						sortId: 'R01',
						respondent: 'Jan de Vries',
						text: 'niet allemaal keeper',
						source: 'comment',
						statement: 'S01'
					}
				]
			}
		});
		expect(saved.statusCode, saved.body).toBe(200);
		expect(saved.json()).toMatchObject({
			factor: 1,
			name: 'Diversiteit als vakmanschap',
			quotes: [{ sortId: 'R01', respondent: '60', text: 'niet allemaal keeper', source: 'comment', statement: 'S01' }]
		});
		const list = await t.app.inject({ url: url(), headers: { cookie: t.fx.cookies.facilitator } });
		expect(list.json().interpretations.map((i: { name: string }) => i.name)).toEqual([
			'Diversiteit als vakmanschap',
			''
		]);
	});

	it('refuses a quote that is not from a defining sort of the factor, and keeps what was saved', async () => {
		for (const quote of [
			{ sortId: 'R04', text: 'Vertelt over de eerste weken', source: 'interviewer_note' },
			{ sortId: 'R01', text: 'Iets wat niemand zei', source: 'comment', statement: 'S01' }
		]) {
			const response = await t.app.inject({
				method: 'PUT',
				url: url('/1'),
				headers: as(t.fx.cookies.owner),
				payload: { name: 'x', narrative: '', quotes: [quote] }
			});
			expect(response.statusCode).toBe(422);
			expect(response.json().error.code).toBe('QUOTE_NOT_FOUND');
		}
		const facilitator = await t.app.inject({
			method: 'PUT',
			url: url('/1'),
			headers: as(t.fx.cookies.facilitator),
			payload: { name: 'x', narrative: '', quotes: [] }
		});
		expect(facilitator.statusCode).toBe(403);
		const list = await t.app.inject({ url: url(), headers: { cookie: t.fx.cookies.owner } });
		expect(list.json().interpretations[0].name).toBe('Diversiteit als vakmanschap');
	});

	it('builds the presentation: grid, each viewpoint’s idealised sort with marks, and consensus', async () => {
		const response = await t.app.inject({
			url: `/api/analyses/${t.fx.analysisId}/presentation?lang=en`,
			headers: { cookie: t.fx.cookies.facilitator }
		});
		expect(response.statusCode).toBe(200);
		const body = response.json();
		expect(body.study).toMatchObject({ title: 'Diversity in the team', language: 'en' });
		expect(body.grid).toEqual([-2, -1, 0, 1, 2].map((value, i) => ({ value, capacity: [1, 3, 4, 3, 1][i] })));
		expect(body.viewpoints).toHaveLength(2);
		const first = body.viewpoints[0];
		expect(first).toMatchObject({ factor: 1, name: 'Diversiteit als vakmanschap', nDefining: 3 });
		expect(first.statements[0]).toMatchObject({
			number: 1,
			code: 'S01',
			text: 'Statement 1',
			value: 2,
			distinguishing: 'higher'
		});
		expect(first.statements[11]).toMatchObject({ code: 'S12', value: -2, distinguishing: 'lower' });
		expect(first.statements[1].distinguishing).toBeNull();
		expect(body.consensus.map((c: { code: string }) => c.code)).toEqual(['S06', 'S07']);
		expect(
			(
				await t.app.inject({
					url: `/api/analyses/${t.fx.analysisId}/presentation`,
					headers: { cookie: t.fx.cookies.stranger }
				})
			).statusCode
		).toBe(404);
	});
	it('labels a quote of a sort without respondent number by the sort label, the one form Voortgang shows', async () => {
		await t.database.db
			.updateTable('sorts')
			.set({ respondent_number: null })
			.where('study_id', '=', t.fx.studyId)
			.where('label', '=', 'R01')
			.execute();
		try {
			const one = await t.app.inject({ url: url('/1/candidates'), headers: { cookie: t.fx.cookies.owner } });
			expect(one.json().candidates).toEqual([
				{
					sortId: 'R01',
					respondent: 'R01',
					text: 'We kunnen niet allemaal keeper zijn.',
					source: 'comment',
					statement: 'S01'
				}
			]);
		} finally {
			await t.database.db
				.updateTable('sorts')
				.set({ respondent_number: '60' })
				.where('study_id', '=', t.fx.studyId)
				.where('label', '=', 'R01')
				.execute();
		}
	});
});
