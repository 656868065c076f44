import { studies, type SortDto, type StudyStats, type WithdrawalDto } from '$lib/api/researcher';
import type { StudyEditor } from './study-editor.svelte';

/** The monitoring tab: counts and the list of sorts, reloaded after every change. */
export class Monitoring {
	stats = $state<StudyStats | null>(null);
	sorts = $state<SortDto[]>([]);
	/** The withdrawal log: when, and the source of the withdrawn sort (nothing else is kept). */
	withdrawals = $state<WithdrawalDto[]>([]);
	error = $state<unknown>(null);
	busy = $state(false);

	constructor(private readonly editor: StudyEditor) {}

	async load(): Promise<void> {
		try {
			[this.stats, this.sorts, this.withdrawals] = await Promise.all([
				studies.stats(this.editor.id),
				// Individual sorts with their pre-sort answers are for owners and co-researchers only (the API says 403).
				this.editor.canEdit ? studies.sorts(this.editor.id) : Promise.resolve([]),
				studies.withdrawals(this.editor.id)
			]);
		} catch (error) {
			this.error = error;
		}
	}

	private async act(action: () => Promise<unknown>): Promise<boolean> {
		this.busy = true;
		this.error = null;
		try {
			await action();
			await this.load();
			// The sort count (and with it the design lock) may have changed.
			await this.editor.run(async () => undefined);
			return true;
		} catch (error) {
			this.error = error;
			return false;
		} finally {
			this.busy = false;
		}
	}

	setExclusion(sort: SortDto, excluded: boolean, reason?: string): Promise<boolean> {
		return this.act(() => studies.setExclusion(this.editor.id, sort.id, excluded, reason));
	}

	withdraw(receipt: string): Promise<boolean> {
		return this.act(() => studies.withdraw(this.editor.id, receipt.trim()));
	}
}
