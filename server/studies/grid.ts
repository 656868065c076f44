import type { Kysely } from 'kysely';
import type { GridColumn } from '../../src/lib/api/types/studies.js';
import type { Database, Study } from '../db/schema.js';
import { assertGridFits, normalizeGrid } from './design.js';
import { assertDesignUnlocked } from './locks.js';
import { qsetCount } from './statements.js';
import { loadGrid } from './studies.js';

export interface GridDto {
	forced: boolean;
	columns: GridColumn[];
}

export async function getGrid(db: Kysely<Database>, study: Study): Promise<GridDto> {
	return { forced: study.grid_forced, columns: await loadGrid(db, study.id) };
}

/**
 * Replaces the grid. A forced grid must have exactly one place per Q-set statement (422 GRID_MISMATCH,
 * with the numbers); a study with sorts keeps its grid (409 STUDY_LOCKED).
 */
export async function replaceGrid(db: Kysely<Database>, study: Study, columns: readonly GridColumn[], forced = study.grid_forced): Promise<GridDto> {
	const grid = normalizeGrid(columns);
	await assertDesignUnlocked(db, study.id, 'The grid');
	assertGridFits(grid, forced, await qsetCount(db, study.id));
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('grid_columns').where('study_id', '=', study.id).execute();
		if (grid.length > 0) await trx.insertInto('grid_columns').values(grid.map((c) => ({ study_id: study.id, ...c }))).execute();
		await trx.updateTable('studies').set({ grid_forced: forced, updated_at: new Date() }).where('id', '=', study.id).execute();
	});
	return { forced, columns: grid };
}
