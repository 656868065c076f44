import type { Kysely, Transaction } from 'kysely';
import type { GridColumn, GridDto } from '../../src/lib/api/types/studies.js';
import type { Database, Study } from '../db/schema.js';
import { assertGridFits, normalizeGrid } from './design.js';
import { assertDesignUnlocked } from './locks.js';
import { qsetCount } from './statements-repository.js';
import { updateStudyRow } from './studies-repository.js';

// The one module that reads and writes the grid_columns table (migrations and the backup's generic table list
// aside). Inside a transaction pass `trx`, never `db`: PGlite has a single connection.

/** A study's grid, columns in value order. */
export async function loadGrid(db: Kysely<Database> | Transaction<Database>, studyId: string): Promise<GridColumn[]> {
	const rows = await db
		.selectFrom('grid_columns')
		.select(['value', 'capacity'])
		.where('study_id', '=', studyId)
		.orderBy('value')
		.execute();
	return rows.map((c) => ({ value: Number(c.value), capacity: Number(c.capacity) }));
}

/** Adds the columns of a study that has none yet (an empty list inserts nothing). */
export async function insertGridColumns(
	trx: Transaction<Database>,
	studyId: string,
	grid: readonly GridColumn[]
): Promise<void> {
	if (grid.length > 0)
		await trx
			.insertInto('grid_columns')
			.values(grid.map((c) => ({ study_id: studyId, value: c.value, capacity: c.capacity })))
			.execute();
}

/** Replaces a study's columns; part of the caller's transaction. */
export async function writeGridColumns(
	trx: Transaction<Database>,
	studyId: string,
	grid: readonly GridColumn[]
): Promise<void> {
	await trx.deleteFrom('grid_columns').where('study_id', '=', studyId).execute();
	await insertGridColumns(trx, studyId, grid);
}

export async function getGrid(db: Kysely<Database>, study: Study): Promise<GridDto> {
	return { forced: study.grid_forced, columns: await loadGrid(db, study.id) };
}

/**
 * Replaces the grid. A forced grid must have exactly one place per Q-set statement (422 GRID_MISMATCH,
 * with the numbers); a study with sorts keeps its grid (409 STUDY_LOCKED).
 */
export async function replaceGrid(
	db: Kysely<Database>,
	study: Study,
	columns: readonly GridColumn[],
	forced = study.grid_forced
): Promise<GridDto> {
	const grid = normalizeGrid(columns);
	await assertDesignUnlocked(db, study.id, 'The grid');
	assertGridFits(grid, forced, await qsetCount(db, study.id));
	await db.transaction().execute(async (trx) => {
		await writeGridColumns(trx, study.id, grid);
		await updateStudyRow(trx, study.id, { grid_forced: forced });
	});
	return { forced, columns: grid };
}
