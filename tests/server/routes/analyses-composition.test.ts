// Issue 11 §1: the composition by pre-sort answers comes only from defining sets the server derives itself
// (a saved analysis, or one it recomputes from extraction, rotation and flags), never from a client's list;
// a set differing from one already shown for the study by 1–4 sorts is withheld, across requests and
// server processes (the record is in Postgres). On the run's database (PGlite, or Postgres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { lipset, lipsetStudy, researcher, type Researcher } from './analyses-fixture.js';

type App = Awaited<ReturnType<typeof buildTestApp>>;
let t: App;
let owner: Researcher;
let facilitator: Researcher;
let counter = 0;

const csrf = { 'x-standpunt-csrf': '1' };
const base = { extraction: 'pca', factors: 2, rotation: 'varimax' } as const;

beforeAll(async () => {
	t = await buildTestApp();
	owner = await researcher(t.database.db, 'owner@example.org');
	facilitator = await researcher(t.database.db, 'facilitator@example.org');
});
afterAll(() => t?.close());

async function study(): Promise<string> {
	return lipsetStudy(t.database.db, `lipset-composition-${++counter}`, [
		[owner, 'owner'],
		[facilitator, 'facilitator']
	]);
}

/** Manual flags putting exactly `labels` on factor 1 (Lipset's sorts in their stored order). */
function flagsFor(labels: string[]): boolean[][] {
	return lipset.sortIds.map((id) => [labels.includes(id), false]);
}

function composition(studyId: string, body: unknown, who: Researcher = facilitator, app = t.app) {
	return app.inject({
		method: 'POST',
		url: `/api/studies/${studyId}/analysis-composition`,
		headers: { ...csrf, cookie: who.cookie },
		payload: body as object
	});
}

async function factorOne(studyId: string, labels: string[], app = t.app) {
	const response = await composition(studyId, { ...base, flags: flagsFor(labels) }, facilitator, app);
	expect(response.statusCode, response.body).toBe(200);
	return response.json().composition[0];
}

const regionCounts = (factor: { questions: { groups: { value: string; count: unknown }[] }[] }) =>
	Object.fromEntries(factor.questions[0]!.groups.map((g) => [g.value, g.count]));

const AMERICA_AND_ASIA = ['US1', 'US2', 'US3', 'US4', 'US8', 'JP5'];

describe('POST /api/studies/:id/analysis-composition', () => {
	it('refuses a list of sorts from the client, duplicates included (the attack of issue 11 §1)', async () => {
		const id = await study();
		for (const body of [{ defining: [['US1', 'US1', 'US1', 'US1', 'US1']] }, { defining: [AMERICA_AND_ASIA] }]) {
			const response = await composition(id, body);
			expect(response.statusCode).toBe(400);
			expect(response.json().error.code).toBe('VALIDATION_FAILED');
		}
		const rows = await t.database.db.selectFrom('composition_disclosures').selectAll().execute();
		expect(rows.filter((r) => r.study_id === id)).toEqual([]);
	});

	it('computes the defining sorts from the request: groups of 5 or more with their size, a lone small group hidden through its neighbour', async () => {
		const id = await study();
		const factor = await factorOne(id, AMERICA_AND_ASIA);
		expect(factor.nDefining).toBe(6);
		expect(factor.withheld).toBeUndefined();
		// Region answers of the fixture: five america, one asia → asia "< 5", and so the next smallest shown group too.
		expect(regionCounts(factor)).toEqual({
			america: 5,
			asia: '< 5',
			europe: '< 5',
			__declined: '< 5',
			__unanswered: '< 5'
		});
		const invalid = await composition(id, { ...base, flags: [[true]] });
		expect(invalid.statusCode).toBe(422);
		expect(invalid.json().error.code).toBe('INVALID_FLAGS');
	});

	it('withholds a set that differs from a shown one by 1–4 sorts (one person added or removed), and shows it again unchanged', async () => {
		const id = await study();
		expect((await factorOne(id, AMERICA_AND_ASIA)).withheld).toBeUndefined();
		for (const labels of [
			[...AMERICA_AND_ASIA, 'UK7'],
			AMERICA_AND_ASIA.slice(1),
			[...AMERICA_AND_ASIA.slice(2), 'CA6']
		]) {
			const factor = await factorOne(id, labels);
			expect(factor.withheld).toBe(true);
			expect(new Set(Object.values(regionCounts(factor)))).toEqual(new Set(['< 5']));
		}
		// The same set again is no new information.
		expect(regionCounts(await factorOne(id, AMERICA_AND_ASIA)).america).toBe(5);
		// Five or more sorts apart: shown (and recorded).
		const far = await factorOne(id, ['CA6', 'UK7', 'FR9', 'US1', 'US2']);
		expect(far.withheld).toBeUndefined();
		expect(far.nDefining).toBe(5);
		const rows = await t.database.db
			.selectFrom('composition_disclosures')
			.select('sort_labels')
			.where('study_id', '=', id)
			.execute();
		expect(rows).toHaveLength(2);
	});

	it('holds across server processes and for simultaneous requests: the record is in Postgres', async () => {
		const id = await study();
		const second = await buildApp({ config: t.config, database: t.database });
		await second.ready();
		try {
			expect((await factorOne(id, AMERICA_AND_ASIA, t.app)).withheld).toBeUndefined();
			expect((await factorOne(id, [...AMERICA_AND_ASIA, 'CA6'], second)).withheld).toBe(true);
			const other = await study();
			const parallel = await Promise.all(
				[[...AMERICA_AND_ASIA, 'CA6'], AMERICA_AND_ASIA, [...AMERICA_AND_ASIA, 'UK7'], AMERICA_AND_ASIA.slice(1)].map(
					(labels, i) => factorOne(other, labels, i % 2 ? second : t.app)
				)
			);
			// Whichever came first is shown; every other set is within 4 sorts of it, so none of them is.
			expect(parallel.filter((factor) => factor.withheld === undefined)).toHaveLength(1);
		} finally {
			await second.close();
		}
	});

	it('withholds a saved version after a defining sort is withdrawn (differencing over time)', async () => {
		const id = await study();
		const saved = await t.app.inject({
			method: 'POST',
			url: `/api/studies/${id}/analyses`,
			headers: { ...csrf, cookie: owner.cookie },
			payload: { ...base, flags: flagsFor(AMERICA_AND_ASIA), name: 'v1' }
		});
		expect(saved.statusCode, saved.body).toBe(201);
		expect(saved.json().composition[0].nDefining).toBe(6);
		const read = async () =>
			(await t.app.inject({ url: `/api/analyses/${saved.json().id}`, headers: { cookie: facilitator.cookie } })).json()
				.composition[0];
		expect((await read()).withheld).toBeUndefined();
		await t.database.db.deleteFrom('sorts').where('study_id', '=', id).where('label', '=', 'JP5').execute();
		const after = await read();
		expect(after.withheld).toBe(true);
		const exported = await t.app.inject({
			url: `/api/analyses/${saved.json().id}/export.json`,
			headers: { cookie: facilitator.cookie }
		});
		expect(JSON.parse(exported.body).composition[0].withheld).toBe(true);
	});
});
