import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema.js';
import type { GridColumn } from '../../../src/lib/api/types/common.js';
import { DEMO_GRID } from '../../../server/demo/study.js';
import { insertNumberedStatements } from '../../helpers/study-rows.js';

export interface TestStudyOptions {
	slug?: string;
	status?: 'draft' | 'open' | 'closed';
	selfEnrolment?: boolean;
	forced?: boolean;
	statements?: number;
	grid?: GridColumn[];
}

/** Inserts a small bilingual study straight into the database; returns its id and statement codes. */
export async function createTestStudy(db: Kysely<Database>, options: TestStudyOptions = {}) {
	const grid = options.grid ?? DEMO_GRID;
	const count = options.statements ?? grid.reduce((sum, c) => sum + c.capacity, 0);
	const { id } = await db
		.insertInto('studies')
		.values({
			slug: options.slug ?? 'test-study',
			title: JSON.stringify({ nl: 'Teststudie', en: 'Test study' }),
			languages: JSON.stringify(['nl', 'en']),
			status: options.status ?? 'open',
			consent: JSON.stringify({ nl: 'Deelname is vrijwillig.', en: 'Taking part is voluntary.' }),
			instructions: JSON.stringify({ nl: 'Sorteer de stellingen.', en: 'Sort the statements.' }),
			thank_you: JSON.stringify({ nl: 'Bedankt!', en: 'Thank you!' }),
			self_enrolment: options.selfEnrolment ?? true,
			grid_forced: options.forced ?? true
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const codes = Array.from({ length: count }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
	await insertNumberedStatements(db, id, codes);
	await db
		.insertInto('grid_columns')
		.values(grid.map((c) => ({ study_id: id, ...c })))
		.execute();
	await db
		.insertInto('questions')
		.values([
			{
				study_id: id,
				key: 'role',
				phase: 'pre',
				type: 'single',
				position: 0,
				prompt: JSON.stringify({ nl: 'Wat is uw functie?', en: 'What is your role?' }),
				options: JSON.stringify([
					{ value: 'noodhulp', label: { nl: 'Noodhulp', en: 'Emergency response' } },
					{ value: 'recherche', label: { nl: 'Recherche', en: 'Investigation' } }
				]),
				required: true,
				offer_decline: true
			},
			{
				study_id: id,
				key: 'topics',
				phase: 'post',
				type: 'multiple',
				position: 1,
				prompt: JSON.stringify({ nl: 'Welke thema’s?', en: 'Which topics?' }),
				options: JSON.stringify([
					{ value: 'a', label: { nl: 'A', en: 'A' } },
					{ value: 'b', label: { nl: 'B', en: 'B' } }
				]),
				required: false,
				offer_decline: false
			},
			{
				study_id: id,
				key: 'remarks',
				phase: 'post',
				type: 'long_text',
				position: 2,
				prompt: JSON.stringify({ nl: 'Nog iets?', en: 'Anything else?' })
			}
		])
		.execute();
	return { id, codes, grid };
}

/** A valid forced placement: statements fill the columns in order. */
export function validPlacements(codes: string[], grid: GridColumn[]) {
	const placements: { statement: string; value: number }[] = [];
	let next = 0;
	for (const column of grid)
		for (let i = 0; i < column.capacity; i++) placements.push({ statement: codes[next++], value: column.value });
	return placements;
}

/** The participant with this code (id and status) and the sorts stored for it. */
export async function participantSorts(db: Kysely<Database>, code: string) {
	const participant = await db
		.selectFrom('participants')
		.select(['id', 'status'])
		.where('code', '=', code)
		.executeTakeFirstOrThrow();
	const sorts = await db.selectFrom('sorts').selectAll().where('participant_id', '=', participant.id).execute();
	return { participant, sorts };
}
