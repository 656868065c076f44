import type { AnswerValue } from '../api/participate.js';
import { PILES, type Pile, type SortSnapshot } from './types.js';

/** The steps of the participant flow, in order; `pre` and `post` are skipped when a study has no such questions. */
export const STEPS = ['consent', 'instructions', 'pre', 'rough', 'grid', 'comments', 'post', 'submit'] as const;
export type Step = (typeof STEPS)[number];

export interface FacilitatedDraft {
	respondentNumber: string;
	notes: { sort: string; statements: Record<string, string> };
}

/** What the participant pages save on the server after every change (PUT …/draft), and nowhere else. */
export interface ParticipantDraft extends SortSnapshot {
	v: 1;
	step: Step;
	/** Presentation order of the cards, shuffled once so that every device shows the same order. */
	order: string[];
	answers: Record<string, AnswerValue>;
	comments: Record<string, string>;
	textScale: number;
	facilitated?: FacilitatedDraft;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function strings(value: unknown): Record<string, string> {
	if (!isRecord(value)) return {};
	return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Reads a saved draft defensively (it is whatever the page stored, perhaps by an older version):
 * anything missing or malformed falls back to a fresh start for that part.
 */
export function parseDraft(raw: unknown, codes: string[]): ParticipantDraft | undefined {
	if (!isRecord(raw) || raw.v !== 1) return undefined;
	const known = new Set(codes);
	const saved = Array.isArray(raw.order)
		? raw.order.filter((c): c is string => typeof c === 'string' && known.has(c))
		: [];
	// Keep the saved order, then add statements the study gained since; no saved order: the caller shuffles.
	const order = saved.length ? [...new Set([...saved, ...codes])] : [];
	const piles: Record<string, Pile> = {};
	for (const [card, pile] of Object.entries(isRecord(raw.piles) ? raw.piles : {})) {
		if ((PILES as readonly unknown[]).includes(pile)) piles[card] = pile as Pile;
	}
	const placements: Record<string, number> = {};
	for (const [card, value] of Object.entries(isRecord(raw.placements) ? raw.placements : {})) {
		if (Number.isInteger(value)) placements[card] = value as number;
	}
	const answers: Record<string, AnswerValue> = {};
	for (const [key, value] of Object.entries(isRecord(raw.answers) ? raw.answers : {})) {
		if (
			value === null ||
			typeof value === 'string' ||
			(Array.isArray(value) && value.every((v) => typeof v === 'string'))
		)
			answers[key] = value as AnswerValue;
	}
	const facilitated =
		isRecord(raw.facilitated) && typeof raw.facilitated.respondentNumber === 'string'
			? {
					respondentNumber: raw.facilitated.respondentNumber,
					notes: {
						sort:
							isRecord(raw.facilitated.notes) && typeof raw.facilitated.notes.sort === 'string'
								? raw.facilitated.notes.sort
								: '',
						statements: strings(isRecord(raw.facilitated.notes) ? raw.facilitated.notes.statements : undefined)
					}
				}
			: undefined;
	return {
		v: 1,
		step: (STEPS as readonly unknown[]).includes(raw.step) ? (raw.step as Step) : 'consent',
		order,
		piles,
		placements,
		answers,
		comments: strings(raw.comments),
		textScale: typeof raw.textScale === 'number' && raw.textScale >= 1 && raw.textScale <= 1.6 ? raw.textScale : 1,
		...(facilitated ? { facilitated } : {})
	};
}

/** A random presentation order (Fisher–Yates with the browser's crypto generator). */
export function shuffled(
	codes: string[],
	random: () => number = () => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32
): string[] {
	const order = [...codes];
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}
