import {
	ApiError,
	getParticipation,
	saveDraft,
	submitSort,
	type AnswerValue,
	type Participation,
	type StudyLanguage,
	type SubmissionBody
} from '../api/participate.js';
import { parseDraft, shuffled, STEPS, type FacilitatedDraft, type ParticipantDraft, type Step } from './draft.js';
import { initialSortState, restoreSortState, sortReducer } from './reducer.js';
import { isComplete, nextToRoughSort } from './selectors.js';
import type { SortAction, SortConfig, SortState } from './types.js';

/** Autosave waits this long after the last change, so a burst of moves becomes one request. */
export const SAVE_DELAY_MS = 500;

export type LoadProblem = 'not_found' | 'closed' | 'submitted' | 'busy' | 'network';
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** One participant's whole sort in the browser: loads, changes through the reducer, autosaves, submits. */
export class ParticipantFlow {
	participation = $state<Participation | undefined>();
	problem = $state<LoadProblem | undefined>();
	step = $state<Step>('consent');
	sort = $state<SortState>(initialSortState([]));
	answers = $state<Record<string, AnswerValue>>({});
	comments = $state<Record<string, string>>({});
	textScale = $state(1);
	facilitated = $state<FacilitatedDraft | undefined>();
	saveStatus = $state<SaveStatus>('idle');
	receipt = $state<string | undefined>();
	submitError = $state<string | undefined>();
	submitting = $state(false);

	private timer: ReturnType<typeof setTimeout> | undefined;
	private dirty = false;
	private saving: Promise<void> | undefined;

	constructor(readonly code: string) {}

	get study() {
		return this.participation?.study;
	}

	get config(): SortConfig {
		return { grid: this.study?.grid ?? [], forced: this.study?.forced ?? true };
	}

	/** The steps this study has (pre/post only when it asks such questions). */
	get steps(): Step[] {
		const questions = this.study?.questions ?? [];
		return STEPS.filter((step) => (step === 'pre' || step === 'post' ? questions.some((q) => q.phase === step) : true));
	}

	get complete(): boolean {
		return isComplete(this.sort, this.config);
	}

	/** The statement's number in the Q-set (1-based), as shown on cards and announced. */
	number(code: string): number {
		return (this.study?.statements.findIndex((s) => s.code === code) ?? -1) + 1;
	}

	text(code: string): string {
		return this.study?.statements.find((s) => s.code === code)?.text ?? code;
	}

	async load(lang?: StudyLanguage): Promise<void> {
		try {
			const participation = await getParticipation(this.code, lang);
			if (participation.status === 'submitted' || participation.status === 'withdrawn') {
				this.problem = 'submitted';
			} else if (!participation.study.open) {
				this.problem = 'closed';
			}
			const first = this.participation === undefined;
			this.participation = participation;
			if (first) this.restore(participation);
		} catch (error) {
			// 429: very many unknown codes were tried lately (the server's guessing limit); a retry later works.
			this.problem =
				error instanceof ApiError && error.status === 404
					? 'not_found'
					: error instanceof ApiError && error.status === 429
						? 'busy'
						: 'network';
		}
	}

	/** Texts in another of the study's languages; the sort itself is untouched. */
	async switchLanguage(lang: StudyLanguage): Promise<void> {
		if (!this.study || this.study.language === lang || !this.study.languages.includes(lang)) return;
		try {
			this.participation = await getParticipation(this.code, lang);
		} catch {
			// Keep the texts we have; the next load will try again.
		}
	}

	private restore(participation: Participation): void {
		const codes = participation.study.statements.map((s) => s.code);
		const draft = parseDraft(participation.draft, codes);
		const order = draft?.order.length ? draft.order : shuffled(codes);
		this.sort = restoreSortState(order, this.config, draft);
		this.answers = draft?.answers ?? {};
		this.comments = draft?.comments ?? {};
		this.textScale = draft?.textScale ?? 1;
		this.facilitated = draft?.facilitated;
		this.step = draft && this.steps.includes(draft.step) ? draft.step : 'consent';
		// A draft from before the grid was complete never resumes past the grid.
		const gridAt = this.steps.indexOf('grid');
		if (this.steps.indexOf(this.step) > gridAt && !this.complete) this.step = 'grid';
		if (this.step === 'grid' && nextToRoughSort(this.sort) !== undefined) this.step = 'rough';
	}

	dispatch(action: SortAction): SortState {
		const before = this.sort;
		this.sort = sortReducer(before, action, this.config);
		if (this.sort.piles !== before.piles || this.sort.placements !== before.placements) this.changed();
		return this.sort;
	}

	go(step: Step): void {
		this.step = step;
		this.changed();
	}

	next(): void {
		const steps = this.steps;
		const at = steps.indexOf(this.step);
		if (at >= 0 && at < steps.length - 1) this.go(steps[at + 1]);
	}

	back(): void {
		const steps = this.steps;
		const at = steps.indexOf(this.step);
		if (at > 0) this.go(steps[at - 1]);
	}

	setAnswer(key: string, value: AnswerValue | undefined): void {
		const answers = { ...this.answers };
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[key];
		else answers[key] = value;
		this.answers = answers;
		this.changed();
	}

	setComment(code: string, text: string): void {
		const comments = { ...this.comments };
		if (text.trim() === '') delete comments[code];
		else comments[code] = text;
		this.comments = comments;
		this.changed();
	}

	setNote(code: string | null, text: string): void {
		if (!this.facilitated) return;
		const notes = { ...this.facilitated.notes, statements: { ...this.facilitated.notes.statements } };
		if (code === null) notes.sort = text;
		else if (text.trim() === '') delete notes.statements[code];
		else notes.statements[code] = text;
		this.facilitated = { ...this.facilitated, notes };
		this.changed();
	}

	setTextScale(scale: number): void {
		this.textScale = scale;
		this.changed();
	}

	draft(): ParticipantDraft {
		return {
			v: 1,
			step: this.step,
			order: this.sort.order,
			piles: this.sort.piles,
			placements: this.sort.placements,
			answers: this.answers,
			comments: this.comments,
			textScale: this.textScale,
			...(this.facilitated ? { facilitated: this.facilitated } : {})
		};
	}

	/** Marks the draft as changed and saves it once the participant pauses. */
	changed(): void {
		if (this.receipt || this.problem) return;
		this.dirty = true;
		this.saveStatus = 'pending';
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
	}

	/** Saves now if anything changed; `keepalive` for a page that is going away. */
	async save(options: { keepalive?: boolean } = {}): Promise<void> {
		clearTimeout(this.timer);
		if (this.saving && !options.keepalive) await this.saving;
		if (!this.dirty) return;
		this.dirty = false;
		this.saveStatus = 'saving';
		const body = $state.snapshot(this.draft());
		this.saving = saveDraft(this.code, body, options).then(
			() => {
				if (!this.dirty) this.saveStatus = 'saved';
			},
			(error: unknown) => {
				this.dirty = true;
				this.saveStatus = 'error';
				if (error instanceof ApiError && error.code === 'ALREADY_SUBMITTED') this.problem = 'submitted';
				else if (error instanceof ApiError && error.code === 'STUDY_CLOSED') this.problem = 'closed';
				else this.timer = setTimeout(() => void this.save(), 5000);
			}
		);
		await this.saving;
	}

	submission(): SubmissionBody {
		const body: SubmissionBody = {
			placements: this.sort.order.map((statement) => ({ statement, value: this.sort.placements[statement] })),
			answers: $state.snapshot(this.answers) as Record<string, AnswerValue>,
			comments: $state.snapshot(this.comments)
		};
		if (this.facilitated) body.facilitated = $state.snapshot(this.facilitated);
		return body;
	}

	async submit(): Promise<void> {
		this.submitting = true;
		this.submitError = undefined;
		try {
			await this.save();
			clearTimeout(this.timer);
			const { receipt } = await submitSort(this.code, this.submission());
			this.dirty = false;
			this.receipt = receipt;
		} catch (error) {
			if (error instanceof ApiError && error.code === 'ALREADY_SUBMITTED') this.problem = 'submitted';
			else if (error instanceof ApiError && error.code === 'STUDY_CLOSED') this.problem = 'closed';
			else this.submitError = error instanceof ApiError ? error.code : 'NETWORK_ERROR';
		} finally {
			this.submitting = false;
		}
	}

	/** Forgets everything in this page (the draft stays on the server under the code). */
	dispose(): void {
		clearTimeout(this.timer);
	}
}
