import type { Kysely } from 'kysely';
import type { GridColumn, SortDto } from '../../src/lib/api/types/studies.js';
import type { Database, Study } from '../db/schema.js';
import { AppError } from '../errors.js';
import { listSorts } from './monitoring.js';
import { assertSortValid } from './sort-values.js';
import { loadGrid } from './grid.js';
import { insertSort, takenLabels } from './sorts-repository.js';
import { qsetStatements } from './statements-repository.js';

export interface StudyShape {
	/** Q-set statement codes in statement order (the column order of .DAT and CSV files). */
	codes: string[];
	grid: GridColumn[];
	forced: boolean;
}

export async function loadShape(db: Kysely<Database>, study: Study): Promise<StudyShape> {
	const statements = await qsetStatements(db, study.id);
	return { codes: statements.map((s) => s.code), grid: await loadGrid(db, study.id), forced: study.grid_forced };
}

export type PlacementsInput = Record<string, number> | { statement: string; value: number }[];

/** Placements as code → value (the list form must not name a statement twice: assertSortValid checks that first). */
function placementsToRecord(input: PlacementsInput): Record<string, number> {
	return Array.isArray(input) ? Object.fromEntries(input.map((p) => [p.statement, p.value])) : { ...input };
}

export interface ManualSortInput {
	label: string;
	placements: PlacementsInput;
	comments?: Record<string, string>;
	respondentNumber?: string;
}

export async function assertLabelsFree(
	db: Kysely<Database>,
	studyId: string,
	labels: readonly string[]
): Promise<void> {
	const taken = await takenLabels(db, studyId, labels);
	if (taken.length) {
		throw new AppError(
			409,
			'LABEL_TAKEN',
			`This study already has sorts labelled ${taken.map((t) => `"${t}"`).join(', ')}.`,
			{
				labels: taken
			}
		);
	}
}

/** Stores one paper sort typed in by a researcher, after checking it against the Q-set and grid. */
export async function addManualSort(db: Kysely<Database>, study: Study, input: ManualSortInput): Promise<SortDto> {
	const label = input.label.trim();
	if (!label) throw new AppError(422, 'LABEL_REQUIRED', 'Give the sort a label (for example the respondent number).');
	const shape = await loadShape(db, study);
	if (shape.codes.length === 0 || shape.grid.length === 0) {
		throw new AppError(409, 'DESIGN_INCOMPLETE', 'Add the Q-set and the grid before entering sorts.');
	}
	assertSortValid(label, input.placements, shape.codes, shape.grid, shape.forced);
	const placements = placementsToRecord(input.placements);
	const comments = Object.fromEntries(Object.entries(input.comments ?? {}).filter(([, text]) => text.trim()));
	const unknown = Object.keys(comments).filter((code) => !shape.codes.includes(code));
	if (unknown.length)
		throw new AppError(422, 'UNKNOWN_STATEMENTS', `Comments on unknown statements: ${unknown.join(', ')}.`, {
			statements: unknown
		});
	await assertLabelsFree(db, study.id, [label]);
	const id = await insertSort(db, {
		study_id: study.id,
		label,
		source: 'manual',
		placements: JSON.stringify(placements),
		comments: JSON.stringify(comments),
		respondent_number: input.respondentNumber?.trim() || null
	});
	return (await listSorts(db, study.id)).find((s) => s.id === id)!;
}
