import type { Presentation, PresentationStatement } from '../api/dialogue.js';

export type SlideKind = 'title' | 'overview' | 'viewpoint' | 'distinguishing' | 'quotes' | 'consensus';

export interface Slide {
	kind: SlideKind;
	/** Index into `presentation.viewpoints` for viewpoint, distinguishing and quote slides. */
	viewpoint?: number;
	/** Distinguishing slides: the statements this viewpoint ranks higher, or lower, than every other. */
	direction?: NonNullable<PresentationStatement['distinguishing']>;
	/** Reveal steps: a viewpoint shows its narrative, then its extremes, then the full grid. */
	steps: number;
}

/** Step names of a viewpoint slide, in reveal order. */
export const VIEWPOINT_STEPS = ['narrative', 'extremes', 'grid'] as const;

/**
 * The deck: title, overview, each viewpoint (then, if any, its distinguishing statements in full text and its
 * quotes), then what all viewpoints share.
 */
export function buildSlides(presentation: Presentation): Slide[] {
	const slides: Slide[] = [
		{ kind: 'title', steps: 1 },
		{ kind: 'overview', steps: 1 }
	];
	presentation.viewpoints.forEach((viewpoint, index) => {
		slides.push({ kind: 'viewpoint', viewpoint: index, steps: VIEWPOINT_STEPS.length });
		for (const direction of ['higher', 'lower'] as const) {
			if (viewpoint.statements.some((s) => s.distinguishing === direction))
				slides.push({ kind: 'distinguishing', viewpoint: index, direction, steps: 1 });
		}
		if (viewpoint.quotes.length > 0) slides.push({ kind: 'quotes', viewpoint: index, steps: 1 });
	});
	if (presentation.consensus.length > 0) slides.push({ kind: 'consensus', steps: 1 });
	return slides;
}

export interface Position {
	slide: number;
	step: number;
}

/** One step forward (a clicker's "next"): the next reveal step, else the next slide; stays at the end. */
export function next(slides: Slide[], at: Position): Position {
	if (at.step + 1 < slides[at.slide].steps) return { slide: at.slide, step: at.step + 1 };
	if (at.slide + 1 < slides.length) return { slide: at.slide + 1, step: 0 };
	return at;
}

/** One step back: the previous reveal step, else the previous slide fully revealed. */
export function previous(slides: Slide[], at: Position): Position {
	if (at.step > 0) return { slide: at.slide, step: at.step - 1 };
	if (at.slide > 0) return { slide: at.slide - 1, step: slides[at.slide - 1].steps - 1 };
	return at;
}

/** What a key does on the slides; clickers send PageUp/PageDown (some send arrows or B/period). */
export function keyAction(
	key: string
): 'next' | 'previous' | 'first' | 'last' | 'notes' | 'fullscreen' | 'print' | undefined {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case ' ':
		case 'Enter':
			return 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'n':
		case 'N':
			return 'notes';
		case 'f':
		case 'F':
			return 'fullscreen';
		case 'p':
		case 'P':
			return 'print';
		default:
			return undefined;
	}
}

/** Statements in the grid's outermost columns on each side: the viewpoint's extremes. */
export function extremes<T extends { value: number }>(statements: T[]): { agree: T[]; disagree: T[] } {
	const values = statements.map((s) => s.value);
	const top = Math.max(...values);
	const bottom = Math.min(...values);
	return { agree: statements.filter((s) => s.value === top), disagree: statements.filter((s) => s.value === bottom) };
}

/** A viewpoint's distinguishing statements, highest placed first: those it ranks higher, and those lower, than every other viewpoint. */
export function distinguishingOf<T extends Pick<PresentationStatement, 'value' | 'z' | 'distinguishing'>>(
	statements: T[]
): { higher: T[]; lower: T[] } {
	const order = (a: T, b: T) => b.value - a.value || b.z - a.z;
	return {
		higher: statements.filter((s) => s.distinguishing === 'higher').sort(order),
		lower: statements.filter((s) => s.distinguishing === 'lower').sort(order)
	};
}
