import { getContext, setContext } from 'svelte';
import { ApiError } from '$lib/api/client';
import { studies, type LocalizedText, type StudyDetail } from '$lib/api/researcher';
import { session } from './session.svelte';

/**
 * One study being edited: the design as the server has it, reloaded after every change so that the
 * server's checks (locks, problems that stop opening) are always what the pages show.
 */
export class StudyEditor {
	study = $state<StudyDetail | null>(null);
	/** 'missing' for a study that does not exist or is not ours (the API answers 404 for both). */
	loadState = $state<'loading' | 'ready' | 'missing' | 'failed'>('loading');
	busy = $state(false);
	/** The last failed action's error; pages turn it into text with errorText(). */
	error = $state<unknown>(null);
	/** Short confirmation after a successful action (announced in a status region). */
	notice = $state('');

	constructor(readonly id: string) {}

	/** Statements that participants sort. */
	readonly qset = $derived(this.study?.statements.filter((statement) => statement.inQset) ?? []);
	readonly concourse = $derived(this.study?.statements.filter((statement) => !statement.inQset) ?? []);
	readonly canEdit = $derived(this.study !== null && this.study.role !== 'facilitator');

	async load(): Promise<void> {
		try {
			this.study = await studies.get(this.id);
			this.loadState = 'ready';
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) session.expired();
			this.loadState = error instanceof ApiError && error.status === 404 ? 'missing' : 'failed';
			this.error = error;
		}
	}

	/** Runs a change against the API, then reloads the study; returns whether it worked. */
	async run(action: () => Promise<unknown>, notice = ''): Promise<boolean> {
		this.busy = true;
		this.error = null;
		this.notice = '';
		try {
			await action();
			this.study = await studies.get(this.id);
			this.notice = notice;
			return true;
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) session.expired();
			this.error = error;
			return false;
		} finally {
			this.busy = false;
		}
	}
}

/** The text in the interface language if the study has it, otherwise in the study's first language. */
export function localized(text: LocalizedText | undefined, locale: string, languages: readonly string[] = []): string {
	if (!text) return '';
	return (
		text[locale] || languages.map((language) => text[language]).find(Boolean) || Object.values(text).find(Boolean) || ''
	);
}

const CONTEXT = Symbol('study-editor');

/** Shares the study layout's editor with its pages. */
export function provideStudyEditor(editor: StudyEditor): StudyEditor {
	return setContext(CONTEXT, editor);
}

export function useStudyEditor(): StudyEditor {
	return getContext<StudyEditor>(CONTEXT);
}
