import type { GridColumn } from '../../../src/lib/api/types/common.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, seedDemo, seedDemoIfEmpty } from '../../../server/demo/seed.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js';
import { DEMO_THEME_NAMES } from '../../../server/demo/statements.js';

let testDb: TestDatabase;

beforeAll(async () => {
	testDb = await createTestDatabase();
});
afterAll(async () => {
	await testDb?.destroy();
});

/** The forced grid as one value per card, sorted: what every forced sort's values must equal. */
function gridMultiset(columns: GridColumn[]): number[] {
	return columns.flatMap((c) => Array<number>(Number(c.capacity)).fill(Number(c.value))).sort((a, b) => a - b);
}

describe('demo study seed', () => {
	it('creates the demo study on an empty database, in full', async () => {
		const db = testDb.database.db;
		expect(await seedDemoIfEmpty(db)).toBe(true);

		const study = await db.selectFrom('studies').selectAll().where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
		expect(study).toMatchObject({ status: 'open', self_enrolment: true, is_demo: true, grid_forced: true });
		expect(study.languages).toEqual(['nl', 'en']);
		expect(study.title).toEqual({ nl: 'Meer diversiteit in het politieteam', en: 'More diversity in the police team' });
		for (const text of [study.consent, study.instructions, study.thank_you, study.contact]) {
			expect(Object.keys(text).sort()).toEqual(['en', 'nl']);
		}
		expect(study.instructions.nl).toContain('Sorteer de stellingen naar hoe eens je het ermee bent');
		// One voice (issue 12): participants are addressed with "je", never "u".
		for (const text of [study.consent.nl, study.instructions.nl, study.thank_you.nl, study.contact.nl])
			expect(text).not.toMatch(/\b(u|uw)\b/i);
		expect(study.consent.nl).toMatch(/ontvangstcode/);

		const statements = await db
			.selectFrom('statements')
			.selectAll()
			.where('study_id', '=', study.id)
			.orderBy('position')
			.execute();
		expect(statements).toHaveLength(40);
		expect(statements.map((s) => s.code)).toEqual(
			Array.from({ length: 40 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`)
		);
		for (const s of statements) {
			expect(s.text.nl?.length).toBeGreaterThan(10);
			expect(s.text.en?.length).toBeGreaterThan(10);
			expect(s.themes.length).toBeGreaterThan(0);
		}
		// Themes are stored under Dutch names, never the internal keys ("diversity_competences").
		const themes = new Set(statements.flatMap((s) => s.themes));
		expect([...themes].sort()).toEqual(Object.values(DEMO_THEME_NAMES).sort());
		for (const theme of themes) expect(theme).not.toMatch(/_/);

		const grid = await db
			.selectFrom('grid_columns')
			.selectAll()
			.where('study_id', '=', study.id)
			.orderBy('value')
			.execute();
		expect(grid.map((c) => [Number(c.value), Number(c.capacity)])).toEqual([
			[-4, 2],
			[-3, 3],
			[-2, 4],
			[-1, 6],
			[0, 10],
			[1, 6],
			[2, 4],
			[3, 3],
			[4, 2]
		]);
		expect(grid.reduce((sum, c) => sum + Number(c.capacity), 0)).toBe(40);

		const questions = await db
			.selectFrom('questions')
			.selectAll()
			.where('study_id', '=', study.id)
			.orderBy('position')
			.execute();
		expect(questions.filter((q) => q.phase === 'pre').map((q) => q.key)).toEqual([
			'unit',
			'area',
			'years_of_service',
			'gender'
		]);
		expect(questions.filter((q) => q.phase === 'post').map((q) => q.key)).toEqual([
			'why_most_agree',
			'why_most_disagree',
			'urgency_origin',
			'urgency_competences'
		]);
		const gender = questions.find((q) => q.key === 'gender')!;
		expect(gender.offer_decline).toBe(true);
		expect(gender.options.map((o) => o.value)).toEqual(['vrouw', 'man', 'anders']);
		for (const q of questions) for (const o of q.options) expect(Object.keys(o.label).sort()).toEqual(['en', 'nl']);
		// The questions speak in the same voice as the other participant texts.
		for (const q of questions) expect(q.prompt.nl).not.toMatch(/\b(u|uw)\b/i);
	});

	it('stores 70 synthetic sorts, each a permutation of the forced grid', async () => {
		const db = testDb.database.db;
		const study = await db.selectFrom('studies').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
		const grid = await db.selectFrom('grid_columns').selectAll().where('study_id', '=', study.id).execute();
		const expected = gridMultiset(grid);
		const codes = (await db.selectFrom('statements').select('code').where('study_id', '=', study.id).execute())
			.map((s) => s.code)
			.sort();

		const sorts = await db.selectFrom('sorts').selectAll().where('study_id', '=', study.id).orderBy('label').execute();
		expect(sorts).toHaveLength(70);
		expect(sorts.map((s) => s.label)).toEqual(
			Array.from({ length: 70 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`)
		);
		for (const sort of sorts) {
			expect(sort).toMatchObject({ source: 'demo', synthetic: true, excluded: false });
			expect(Object.keys(sort.placements).sort()).toEqual(codes);
			expect(Object.values(sort.placements).sort((a, b) => a - b)).toEqual(expected);
		}

		const participants = await db.selectFrom('participants').selectAll().where('study_id', '=', study.id).execute();
		expect(participants).toHaveLength(70);
		expect(new Set(participants.map((p) => p.status))).toEqual(new Set(['submitted']));
		expect(new Set(sorts.map((s) => s.participant_id))).toEqual(new Set(participants.map((p) => p.id)));

		// Plausible answers: about a third women, and broad diversity more than doubles "urgent" (product.md §1).
		const women = sorts.filter((s) => s.answers.gender === 'vrouw').length;
		expect(women).toBeGreaterThanOrEqual(20);
		expect(women).toBeLessThanOrEqual(26);
		const urgentOrigin = sorts.filter((s) => Number(s.answers.urgency_origin) >= 4).length;
		const urgentBroad = sorts.filter((s) => Number(s.answers.urgency_competences) >= 4).length;
		expect(urgentOrigin / 70).toBeGreaterThan(0.3);
		expect(urgentOrigin / 70).toBeLessThan(0.5);
		expect(urgentBroad).toBeGreaterThan(2 * urgentOrigin);
		expect(sorts.some((s) => Object.keys(s.comments).length > 0)).toBe(true);
		expect(sorts.some((s) => s.interviewer_notes.sort)).toBe(true);
		expect(sorts.find((s) => s.label === 'R64')?.interviewer_notes.statements?.S16).toMatch(/keeper/);
	});

	it('is idempotent: a second seed changes nothing', async () => {
		const db = testDb.database.db;
		const before = await db
			.selectFrom('sorts')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(await seedDemoIfEmpty(db)).toBe(false);
		const again = await seedDemo(db);
		expect(again.created).toBe(false);
		const studies = await db
			.selectFrom('studies')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		const after = await db
			.selectFrom('sorts')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(studies.n)).toBe(1);
		expect(Number(after.n)).toBe(Number(before.n));
	});
});
