import { studies } from '$lib/api/researcher';
import { GRID_MAX, GRID_MIN } from '$lib/rules/grid';
import {
	type CapacityCheck,
	checkCapacity,
	columnsForRange,
	suggestQuasiNormal,
	totalCapacity,
	type GridColumn
} from './distribution.js';
import type { StudyEditor } from './study-editor.svelte';

/** The grid tab: a working copy of the columns, checked live against the Q-set size. */
export class GridDesigner {
	columns = $state<GridColumn[]>([]);
	forced = $state(true);

	constructor(private readonly editor: StudyEditor) {
		const study = editor.study;
		this.columns = study && study.grid.length ? study.grid.map((c) => ({ ...c })) : suggestOrEmpty(editor.qset.length);
		this.forced = study?.gridForced ?? true;
	}

	get statements(): number {
		return this.editor.qset.length;
	}
	get check(): CapacityCheck {
		return checkCapacity(this.columns, this.statements, this.forced);
	}
	get places(): number {
		return totalCapacity(this.columns);
	}
	get min(): number {
		return this.columns[0]?.value ?? -4;
	}
	get max(): number {
		return this.columns[this.columns.length - 1]?.value ?? 4;
	}
	/** Saving a forced grid that does not fit would be refused by the server (422 GRID_MISMATCH); a free grid never is. */
	get canSave(): boolean {
		return this.check.problem === undefined;
	}

	setRange(min: number, max: number): void {
		const low = Math.max(GRID_MIN, Math.min(min, max));
		const high = Math.min(GRID_MAX, Math.max(min, max));
		this.columns = columnsForRange(low, high, this.columns);
	}

	setCapacity(value: number, capacity: number): void {
		this.columns = this.columns.map((column) =>
			column.value === value ? { value, capacity: Math.max(0, Math.floor(capacity) || 0) } : column
		);
	}

	suggest(): void {
		if (this.statements > 0) this.columns = suggestQuasiNormal(this.statements);
	}

	save(notice: string): Promise<boolean> {
		return this.editor.run(() => studies.saveGrid(this.editor.id, this.columns, this.forced), notice);
	}
}

function suggestOrEmpty(statements: number): GridColumn[] {
	return statements > 0 ? suggestQuasiNormal(statements) : columnsForRange(-4, 4);
}
