import type { Viewpoint } from '../api/dialogue.js';
import type { DialogueQuestion } from './questions.js';

type T = (key: string, params?: Record<string, string | number>) => string;

/** "Perspectief 2: Diversiteit als vakmanschap", or "Perspectief 2" before it has a name. */
export function viewpointLabel(t: T, viewpoints: Viewpoint[], factor: number): string {
	const name = viewpoints.find((v) => v.factor === factor)?.name;
	return name ? t('d.viewpointNamed', { n: factor, name }) : t('d.viewpoint', { n: factor });
}

/** The label of an answer option: a scale point, a viewpoint, a mix or none. */
export function optionLabel(t: T, viewpoints: Viewpoint[], value: string): string {
	const factor = /^factor-(\d+)$/.exec(value);
	if (factor) return viewpointLabel(t, viewpoints, Number(factor[1]));
	if (value === 'mix') return t('d.opt.mix');
	if (value === 'none') return t('d.opt.none');
	return value;
}

export function questionTitle(t: T, question: DialogueQuestion): string {
	return t(`d.q.${question.kind}`);
}

/** The question as a person reads it, e.g. "Herken ik dit? — Perspectief 1: Vakmanschap" (never its key, "recognise-1"). */
export function questionLabel(t: T, viewpoints: Viewpoint[], question: DialogueQuestion): string {
	const title = questionTitle(t, question);
	return question.factor ? `${title} — ${viewpointLabel(t, viewpoints, question.factor)}` : title;
}
