// The analysis API on the real database (PGlite, or Postgres with DATABASE_URL). Expected numbers: the
// engine's own runAnalysis on tests/fixtures/lipset/lipset.csv (what the CLI prints), compared exactly;
// and qmethod 1.8.4's expected-pca-varimax-3.json for a sanity check of flags (exact).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/lib/qmethod/index.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { lipset, lipsetStudy, researcher, type Researcher } from './analyses-fixture.js';

type App = Awaited<ReturnType<typeof buildTestApp>>;
let t: App;
let owner: Researcher;
let co: Researcher;
let facilitator: Researcher;
let stranger: Researcher;
let studyId: string;
let otherStudyId: string;

const csrf = { 'x-standpunt-csrf': '1' };
const request = { extraction: 'pca', factors: 3, rotation: 'varimax' } as const;

beforeAll(async () => {
	t = await buildTestApp();
	const db = t.database.db;
	owner = await researcher(db, 'owner@example.org');
	co = await researcher(db, 'co@example.org');
	facilitator = await researcher(db, 'facilitator@example.org');
	stranger = await researcher(db, 'stranger@example.org');
	studyId = await lipsetStudy(db, 'lipset', [
		[owner, 'owner'],
		[co, 'co_researcher'],
		[facilitator, 'facilitator']
	]);
	otherStudyId = await lipsetStudy(db, 'lipset-other', [[stranger, 'owner']]);
});
afterAll(() => t?.close());

const post = (who: Researcher | undefined, body: unknown, id = studyId) =>
	t.app.inject({
		method: 'POST',
		url: `/api/studies/${id}/analyses`,
		headers: { ...csrf, ...(who ? { cookie: who.cookie } : {}) },
		payload: body as object
	});
const get = (who: Researcher | undefined, url: string) =>
	t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('POST /api/studies/:id/analyses', () => {
	it('computes the result from the stored sorts, equal to the engine run on the same data (the CLI JSON)', async () => {
		const response = await post(owner, { ...request, name: 'PCA 3' });
		expect(response.statusCode).toBe(201);
		const body = response.json();
		expect(typeof body.id).toBe('string');
		const fresh = runAnalysis(lipset, { factors: 3, extraction: 'pca', rotation: 'varimax' });
		expect(body.result).toEqual(JSON.parse(JSON.stringify(fresh)));
		expect(Object.keys(body.result).sort()).toEqual(Object.keys(fresh).sort());
		expect(body.name).toBe('PCA 3');
		expect(body.request).toEqual({ ...request, flagLevel: 0.05, rotationSteps: [], flags: null });
		expect(body.engineVersion).toMatch(/\S/);
	});

	it('flags exactly as qmethod 1.8.4 does on Lipset (expected-pca-varimax-3.json)', async () => {
		const expected = JSON.parse(readFileSync('tests/fixtures/lipset/expected-pca-varimax-3.json', 'utf8'));
		const body = (await post(co, request)).json();
		// qmethod orders the factors differently; compare the set of flagged-sort groups.
		const groups = (flagged: boolean[][], ids: string[], k: number) =>
			Array.from({ length: k }, (_, f) => ids.filter((_, i) => flagged[i][f]).join(',')).sort();
		expect(groups(body.result.flagged, body.result.sortIds, 3)).toEqual(
			groups(expected.flagged, expected.sortIds ?? body.result.sortIds, 3)
		);
	});

	it('applies hand-rotation steps, inversions and manual flags in order', async () => {
		const steps = [{ p: 1, q: 2, angle: 10 }, { invert: 3 }];
		const flags = lipset.sortIds.map((_, i) => [i < 3, i >= 3 && i < 6, false]);
		flags[8][2] = true;
		const body = (await post(owner, { ...request, rotationSteps: steps, flags })).json();
		expect(body.request.rotationSteps).toEqual(steps);
		expect(body.result.flagged).toEqual(flags);
		const base = runAnalysis(lipset, {
			factors: 3,
			extraction: 'pca',
			rotation: 'varimax',
			rotationSteps: [{ p: 0, q: 1, degrees: 10 }],
			flags
		});
		// Inverting factor 3 mirrors its loadings; z-scores of the other factors are untouched.
		body.result.loadings.forEach((row: number[], i: number) => {
			expect(row[0]).toBeCloseTo(base.loadings[i][0], 12);
			expect(row[2]).toBeCloseTo(-base.loadings[i][2], 12);
		});
	});

	it('splits a bipolar factor into two factors with their own arrays', async () => {
		const body = (await post(owner, { ...request, rotationSteps: [{ split: 2 }] })).json();
		expect(body.result.nFactors).toBe(4);
		// Factor 2 has JP5 as a negative loader (spec §12.4); after the split it defines the new factor 4.
		const jp5 = body.result.sortIds.indexOf('JP5');
		expect(body.result.flagged[jp5]).toEqual([false, false, false, true]);
		expect(body.result.factorArrays[0]).toHaveLength(4);
	});

	it.each([
		['zero factors', { ...request, factors: 0 }, 'INVALID_FACTOR_COUNT'],
		['nine factors', { ...request, factors: 9 }, 'INVALID_FACTOR_COUNT'],
		['a step on a missing factor', { ...request, rotationSteps: [{ p: 1, q: 4, angle: 5 }] }, 'INVALID_ROTATION_STEP'],
		[
			'a step turning a factor against itself',
			{ ...request, rotationSteps: [{ p: 2, q: 2, angle: 5 }] },
			'INVALID_ROTATION_STEP'
		],
		[
			'a rotation after a split',
			{ ...request, rotationSteps: [{ split: 1 }, { p: 1, q: 2, angle: 5 }] },
			'INVALID_ROTATION_STEP'
		],
		['flags of the wrong shape', { ...request, flags: [[true, false, false]] }, 'INVALID_FLAGS']
	])('answers 422 for %s and stores nothing', async (_label, body, code) => {
		const before = (await get(owner, `/api/studies/${studyId}/analyses`)).json().analyses.length;
		const response = await post(owner, body);
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe(code);
		expect((await get(owner, `/api/studies/${studyId}/analyses`)).json().analyses).toHaveLength(before);
	});

	it('answers 422 TOO_FEW_SORTS when fewer than two sorts are included', async () => {
		const db = t.database.db;
		await db
			.updateTable('sorts')
			.set({ excluded: true })
			.where('study_id', '=', otherStudyId)
			.where('label', '!=', 'US1')
			.execute();
		const response = await post(stranger, request, otherStudyId);
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('TOO_FEW_SORTS');
		await db.updateTable('sorts').set({ excluded: false }).where('study_id', '=', otherStudyId).execute();
	});

	it('answers 422 TOO_MANY_FACTORS for more factors than included sorts', async () => {
		const db = t.database.db;
		await db
			.updateTable('sorts')
			.set({ excluded: true })
			.where('study_id', '=', otherStudyId)
			.where('label', 'in', ['US1', 'US2', 'US3', 'US4', 'JP5', 'CA6'])
			.execute();
		const response = await post(stranger, { ...request, factors: 4 }, otherStudyId);
		expect(response.statusCode).toBe(422);
		expect(response.json().error.code).toBe('TOO_MANY_FACTORS');
		await db.updateTable('sorts').set({ excluded: false }).where('study_id', '=', otherStudyId).execute();
	});

	it('leaves excluded sorts out of the analysis', async () => {
		const db = t.database.db;
		await db
			.updateTable('sorts')
			.set({ excluded: true })
			.where('study_id', '=', otherStudyId)
			.where('label', '=', 'FR9')
			.execute();
		const body = (await post(stranger, { ...request, factors: 2 }, otherStudyId)).json();
		expect(body.result.nSorts).toBe(8);
		expect(body.result.sortIds).not.toContain('FR9');
		await db.updateTable('sorts').set({ excluded: false }).where('study_id', '=', otherStudyId).execute();
	});

	it('records the centroid variant with the saved version (qmethod by default, PQMethod/KADE on request)', async () => {
		const plain = (await post(owner, { extraction: 'centroid', factors: 3, rotation: 'varimax' })).json();
		expect(plain.request.centroidVariant).toBe('qmethod');
		expect(plain.result.centroidVariant).toBe('qmethod');
		const kade = (
			await post(owner, { extraction: 'centroid', centroidVariant: 'pqmethod', factors: 3, rotation: 'varimax' })
		).json();
		expect(kade.request.centroidVariant).toBe('pqmethod');
		expect(kade.result).toEqual(
			JSON.parse(
				JSON.stringify(runAnalysis(lipset, { factors: 3, extraction: 'centroid', centroidVariant: 'pqmethod' }))
			)
		);
		expect(kade.result.loadings).not.toEqual(plain.result.loadings);
		expect((await get(owner, `/api/analyses/${kade.id}`)).json().request.centroidVariant).toBe('pqmethod');
	});

	it('answers 400 for an unknown centroid variant and stores nothing', async () => {
		const before = (await get(owner, `/api/studies/${studyId}/analyses`)).json().analyses.length;
		const response = await post(owner, {
			extraction: 'centroid',
			centroidVariant: 'kade',
			factors: 3,
			rotation: 'varimax'
		});
		expect(response.statusCode).toBe(400);
		expect((await get(owner, `/api/studies/${studyId}/analyses`)).json().analyses).toHaveLength(before);
	});

	it('answers 400 for a malformed body', async () => {
		const response = await post(owner, { extraction: 'svd', factors: 3, rotation: 'varimax' });
		expect(response.statusCode).toBe(400);
		expect(response.json().error.code).toBe('VALIDATION_FAILED');
	});
});

describe('access rules', () => {
	it('answers 401 without a session', async () => {
		expect((await post(undefined, request)).statusCode).toBe(401);
		expect((await get(undefined, `/api/studies/${studyId}/analyses`)).statusCode).toBe(401);
	});

	it('lets a facilitator read but not create (403 ROLE_TOO_LOW)', async () => {
		const response = await post(facilitator, request);
		expect(response.statusCode).toBe(403);
		expect(response.json().error.code).toBe('ROLE_TOO_LOW');
		expect((await get(facilitator, `/api/studies/${studyId}/analyses`)).statusCode).toBe(200);
	});

	it("answers 404 for someone else's study and analysis", async () => {
		expect((await post(stranger, request)).statusCode).toBe(404);
		expect((await get(stranger, `/api/studies/${studyId}/analyses`)).statusCode).toBe(404);
		expect((await get(stranger, `/api/studies/${studyId}/analysis-data`)).statusCode).toBe(404);
		const id = (await post(owner, request)).json().id;
		const response = await get(stranger, `/api/analyses/${id}`);
		expect(response.statusCode).toBe(404);
		expect(response.json().error.code).toBe('ANALYSIS_NOT_FOUND');
		expect((await get(owner, '/api/analyses/not-a-uuid')).statusCode).toBe(404);
	});

	it('requires the CSRF header to create', async () => {
		const response = await t.app.inject({
			method: 'POST',
			url: `/api/studies/${studyId}/analyses`,
			headers: { cookie: owner.cookie },
			payload: request
		});
		expect(response.statusCode).toBe(403);
	});
});

describe('GET /api/analyses/:id and the list', () => {
	it('returns the stored analysis unchanged, for every member', async () => {
		const created = (await post(co, { ...request, extraction: 'centroid', name: 'Centroid 3' })).json();
		for (const who of [owner, co, facilitator]) {
			const response = await get(who, `/api/analyses/${created.id}`);
			expect(response.statusCode).toBe(200);
			const body = response.json();
			expect(body.result).toEqual(created.result);
			expect(body.request).toEqual(created.request);
			expect(body.createdBy.email).toBe('co@example.org');
		}
		// Re-running the stored request today gives identical numbers.
		const rerun = (await post(owner, created.request)).json();
		expect(rerun.result).toEqual(created.result);
	});

	it('lists saved analyses newest first without their results', async () => {
		const response = await get(facilitator, `/api/studies/${studyId}/analyses`);
		const { analyses } = response.json();
		expect(analyses.length).toBeGreaterThan(2);
		expect(analyses[0].result).toBeUndefined();
		const times = analyses.map((a: { createdAt: string }) => Date.parse(a.createdAt));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(analyses.find((a: { name: string }) => a.name === 'Centroid 3')).toMatchObject({ nFactors: 3, nSorts: 9 });
	});

	it('answers a stored request that lacks the optional fields (a row written otherwise) with their defaults', async () => {
		const created = (await post(owner, { ...request, name: 'Source' })).json();
		const older = await t.database.db
			.insertInto('analyses')
			.values({
				study_id: studyId,
				name: 'Older row',
				request: JSON.stringify(request),
				result: JSON.stringify(created.result),
				engine_version: created.engineVersion
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const filled = { ...request, flagLevel: 0.05, rotationSteps: [], flags: null };
		const one = await get(owner, `/api/analyses/${older.id}`);
		expect(one.statusCode).toBe(200);
		expect(one.json().request).toEqual(filled);
		const { analyses } = (await get(owner, `/api/studies/${studyId}/analyses`)).json();
		expect(analyses.find((a: { id: string }) => a.id === older.id).request).toEqual(filled);
	});
});

describe('composition by pre-sort answers', () => {
	it('never sends a group below 5: small groups are "< 5"', async () => {
		const body = (await post(owner, request)).json();
		for (const factor of body.composition) {
			expect(factor.nDefining).toBe('< 5'); // Lipset factors have 3 defining sorts each
			for (const question of factor.questions) {
				for (const group of question.groups) expect(group.count === '< 5' || group.count >= 5).toBe(true);
			}
		}
	});
});

describe('GET /api/studies/:id/analysis-data', () => {
	it('gives the workspace the Q-set, grid and included sorts with comments, but no pre-sort answers', async () => {
		const body = (await get(facilitator, `/api/studies/${studyId}/analysis-data`)).json();
		expect(body.statements).toHaveLength(33);
		expect(body.sorts.map((s: { id: string }) => s.id)).toEqual(lipset.sortIds);
		expect(body.sorts[0].values).toEqual(Array.from(lipset.sorts[0]));
		expect(body.sorts[0].comments.S33).toBe('I feel strongly about this one');
		expect(JSON.stringify(body)).not.toContain('america');
	});
});
