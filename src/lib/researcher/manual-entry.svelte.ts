import { studies } from '$lib/api/researcher';
import { checkPlacements } from './data-helpers.js';
import type { StudyEditor } from './study-editor.svelte';

/** A paper sort typed in by hand: one grid value per Q-set statement, checked live against the grid. */
export class ManualEntry {
	label = $state('');
	placements = $state<Record<string, number | null>>({});
	saved = $state('');

	constructor(private readonly editor: StudyEditor) {}

	get check() {
		const study = this.editor.study;
		return checkPlacements(
			study?.grid ?? [],
			this.editor.qset.map((s) => s.code),
			this.placements,
			study?.gridForced ?? true
		);
	}

	set(code: string, value: string): void {
		this.placements[code] = value === '' ? null : Number(value);
	}

	async save(): Promise<boolean> {
		this.saved = '';
		const label = this.label.trim();
		const placements = Object.fromEntries(
			Object.entries(this.placements).filter((entry): entry is [string, number] => entry[1] !== null)
		);
		const ok = await this.editor.run(() => studies.addSort(this.editor.id, { label, placements }));
		if (ok) {
			this.saved = label;
			this.label = '';
			this.placements = {};
		}
		return ok;
	}
}
