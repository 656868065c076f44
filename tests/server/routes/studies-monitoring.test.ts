import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '../../../src/lib/sort/code.js';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;
let studyId: string;

const placements = { S01: -2, S02: -1, S03: 0, S04: 1, S05: 2 };
const asList = Object.entries(placements).map(([statement, value]) => ({ statement, value }));

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'monitor@example.org'));
	const created = await api('POST', '/api/studies', smallStudy('monitoring', { selfEnrolment: true }));
	studyId = created.json().id;
	expect((await api('POST', `/api/studies/${studyId}/status`, { status: 'open' })).statusCode).toBe(200);
});
afterAll(async () => t.close());

/** A participant who enrols through the open link, saves a draft and submits; returns the receipt. */
async function participantSubmits(): Promise<string> {
	const enrol = await t.app.inject({
		method: 'POST',
		url: '/api/studies/by-slug/monitoring/participants',
		payload: {}
	});
	expect(enrol.statusCode, enrol.body).toBe(201);
	const { code } = enrol.json();
	await t.app.inject({ method: 'PUT', url: `/api/participate/${code}/draft`, payload: { step: 'grid' } });
	const submit = await t.app.inject({
		method: 'POST',
		url: `/api/participate/${code}/submission`,
		payload: { placements: asList, answers: {}, comments: { S05: 'helemaal eens' } }
	});
	expect(submit.statusCode, submit.body).toBe(201);
	return submit.json().receipt;
}

describe('invitation codes', () => {
	it('creates the number asked for: unique, typeable, 60 random bits', async () => {
		const response = await api('POST', `/api/studies/${studyId}/codes`, { count: 250 });
		expect(response.statusCode).toBe(201);
		const codes: string[] = response.json().codes;
		expect(codes).toHaveLength(250);
		expect(new Set(codes).size).toBe(250);
		for (const code of codes) {
			const symbols = code.replace(/-/g, '');
			expect([...symbols].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
			expect(symbols.length * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
			expect(code).not.toMatch(/[ILOU]/);
		}
	});

	it.each([0, 1001, 2.5])('refuses count %s', async (count) => {
		expect((await api('POST', `/api/studies/${studyId}/codes`, { count })).statusCode).toBe(400);
	});

	it('downloads the codes as CSV with a link per code', async () => {
		const response = await api('GET', `/api/studies/${studyId}/codes?format=csv`);
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toMatch(/text\/csv/);
		expect(response.headers['content-disposition']).toBe('attachment; filename="monitoring-codes.csv"');
		const lines = response.body.trim().split('\n');
		expect(lines[0]).toBe('code,status,source,link');
		expect(lines).toHaveLength(251);
		expect(lines[1]).toMatch(
			/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4},new,invited,http:\/\/localhost(:\d+)?\/p\/[0-9A-Z-]{14}$/
		);
	});
});

describe('stats, sorts, exclusion, withdrawal', () => {
	let receipt: string;

	it('counts invited, started and submitted, and the median completion time', async () => {
		receipt = await participantSubmits();
		await participantSubmits();
		const rows = await t.database.db.selectFrom('sorts').select(['id']).where('study_id', '=', studyId).execute();
		// Known durations: 10 and 30 minutes → median 20 minutes.
		for (const [index, row] of rows.entries()) {
			await t.database.db
				.updateTable('sorts')
				.set({
					started_at: new Date('2026-03-01T10:00:00Z'),
					submitted_at: new Date(index === 0 ? '2026-03-01T10:10:00Z' : '2026-03-02T10:30:00Z')
				})
				.where('id', '=', row.id)
				.execute();
		}
		const stats = (await api('GET', `/api/studies/${studyId}/stats`)).json();
		expect(stats.participants).toMatchObject({ invited: 250, selfEnrolled: 2, started: 2, submitted: 2 });
		expect(stats.sorts).toEqual({ total: 2, included: 2, excluded: 0, bySource: { participant: 2 } });
		expect(stats.medianCompletionSeconds).toBe((10 * 60 + (24 * 60 + 30) * 60) / 2);
		expect(stats.completionsPerDay).toEqual([
			{ date: '2026-03-01', count: 1 },
			{ date: '2026-03-02', count: 1 }
		]);
	});

	it('lists sorts with answers and comments but never the receipt', async () => {
		const { sorts } = (await api('GET', `/api/studies/${studyId}/sorts`)).json();
		expect(sorts).toHaveLength(2);
		expect(sorts[0]).toMatchObject({
			placements,
			comments: { S05: 'helemaal eens' },
			synthetic: false,
			excluded: false,
			exclusionReason: null
		});
		expect(JSON.stringify(sorts)).not.toContain(receipt);
	});

	it('excludes with a reason and includes again; no reason → 422', async () => {
		const [sort] = (await api('GET', `/api/studies/${studyId}/sorts`)).json().sorts;
		const noReason = await api('POST', `/api/studies/${studyId}/sorts/${sort.id}/exclusion`, { excluded: true });
		expect(noReason.statusCode).toBe(422);
		expect(noReason.json().error.code).toBe('REASON_REQUIRED');
		const excluded = await api('POST', `/api/studies/${studyId}/sorts/${sort.id}/exclusion`, {
			excluded: true,
			reason: 'test run'
		});
		expect(excluded.json().sort).toMatchObject({ excluded: true, exclusionReason: 'test run' });
		expect((await api('GET', `/api/studies/${studyId}/stats`)).json().sorts.excluded).toBe(1);
		const included = await api('POST', `/api/studies/${studyId}/sorts/${sort.id}/exclusion`, { excluded: false });
		expect(included.json().sort).toMatchObject({ excluded: false, exclusionReason: null });
		expect(
			(
				await api('POST', `/api/studies/${studyId}/sorts/00000000-0000-4000-8000-000000000000/exclusion`, {
					excluded: false
				})
			).statusCode
		).toBe(404);
	});

	it('withdraws by receipt (typed in lower case without dashes): deleted for good, logged without personal data', async () => {
		const typed = receipt.replace(/-/g, '').toLowerCase();
		const response = await api('POST', `/api/studies/${studyId}/withdrawals`, { receipt: typed });
		expect(response.statusCode).toBe(201);
		expect(await t.database.db.selectFrom('sorts').select('id').where('receipt', '=', receipt).execute()).toHaveLength(
			0
		);
		const log = await t.database.db.selectFrom('withdrawals').selectAll().execute();
		expect(log).toHaveLength(1);
		expect(JSON.stringify(log)).not.toContain(receipt);
		expect(Object.keys(log[0]!).sort()).toEqual(['id', 'sort_source', 'study_id', 'withdrawn_at', 'withdrawn_by']);
		expect((await api('GET', `/api/studies/${studyId}/stats`)).json()).toMatchObject({
			withdrawals: 1,
			participants: { withdrawn: 1 },
			sorts: { total: 1 }
		});
		const again = await api('POST', `/api/studies/${studyId}/withdrawals`, { receipt });
		expect(again.statusCode).toBe(404);
		expect(again.json().error.code).toBe('RECEIPT_NOT_FOUND');
	});
});

describe('paper sorts', () => {
	it('stores a sort that follows the distribution, in either placement form', async () => {
		const asRecord = await api('POST', `/api/studies/${studyId}/sorts`, { label: 'papier-1', placements });
		expect(asRecord.statusCode, asRecord.body).toBe(201);
		expect(asRecord.json().sort).toMatchObject({ label: 'papier-1', source: 'manual', placements });
		const list = await api('POST', `/api/studies/${studyId}/sorts`, {
			label: 'papier-2',
			placements: asList,
			respondentNumber: '64'
		});
		expect(list.json().sort.respondentNumber).toBe('64');
	});

	it.each([
		['a broken distribution', { S01: 0, S02: 0, S03: 0, S04: 1, S05: 2 }, 422, 'DISTRIBUTION_MISMATCH'],
		['a missing statement', { S01: -2, S02: -1, S03: 0, S04: 1 }, 422, 'MISSING_STATEMENTS'],
		['an unknown statement', { ...placements, S99: 0 }, 422, 'UNKNOWN_STATEMENTS'],
		['a value outside the grid', { S01: -3, S02: -1, S03: 0, S04: 1, S05: 2 }, 422, 'VALUE_OUTSIDE_GRID'],
		['a duplicate placement', [...asList, { statement: 'S01', value: 0 }], 422, 'DUPLICATE_STATEMENTS']
	])('refuses %s and stores nothing', async (_name, value, status, code) => {
		const before = (await api('GET', `/api/studies/${studyId}/sorts`)).json().sorts.length;
		const response = await api('POST', `/api/studies/${studyId}/sorts`, { label: `fout-${code}`, placements: value });
		expect(response.statusCode).toBe(status);
		expect(response.json().error.code).toBe(code);
		expect((await api('GET', `/api/studies/${studyId}/sorts`)).json().sorts).toHaveLength(before);
	});

	it('refuses a label that is taken (409 LABEL_TAKEN)', async () => {
		const response = await api('POST', `/api/studies/${studyId}/sorts`, { label: 'papier-1', placements });
		expect(response.statusCode).toBe(409);
		expect(response.json().error.code).toBe('LABEL_TAKEN');
	});

	it('deletes a sort entered by mistake', async () => {
		const { sorts } = (await api('GET', `/api/studies/${studyId}/sorts`)).json();
		const paper = sorts.find((s: { label: string }) => s.label === 'papier-2');
		expect((await api('DELETE', `/api/studies/${studyId}/sorts/${paper.id}`)).statusCode).toBe(204);
		expect((await api('DELETE', `/api/studies/${studyId}/sorts/${paper.id}`)).statusCode).toBe(404);
	});
});
