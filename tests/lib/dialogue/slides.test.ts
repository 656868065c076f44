import { describe, expect, it } from 'vitest';
import type { Presentation } from '../../../src/lib/api/dialogue.js';
import { buildSlides, extremes, keyAction, next, previous } from '../../../src/lib/dialogue/slides.js';

const viewpoint = (factor: number, quotes: number) => ({
	factor,
	name: `P${factor}`,
	narrative: '',
	quotes: Array.from({ length: quotes }, () => ({ sortId: 'x', respondent: '1', text: 't', source: 'comment' as const })),
	updatedAt: null,
	statements: [],
	nDefining: 3
});
const presentation = {
	study: { title: 'T', question: 'Q', language: 'nl' },
	analysis: { id: 'a', name: 'A', studyId: 's' },
	grid: [],
	viewpoints: [viewpoint(1, 2), viewpoint(2, 0)],
	consensus: [{ number: 3, code: 'S3', text: 's', values: [0, 0] }]
} satisfies Presentation;

describe('buildSlides and navigation', () => {
	const slides = buildSlides(presentation);
	it('orders title, overview, each viewpoint with its quotes, then consensus', () => {
		expect(slides.map((s) => `${s.kind}${s.viewpoint ?? ''}`)).toEqual(['title', 'overview', 'viewpoint0', 'quotes0', 'viewpoint1', 'consensus']);
	});
	it('reveals a viewpoint in three steps going forward, and fully when coming back', () => {
		let at = { slide: 1, step: 0 };
		at = next(slides, at);
		expect(at).toEqual({ slide: 2, step: 0 });
		at = next(slides, next(slides, at));
		expect(at).toEqual({ slide: 2, step: 2 });
		expect(next(slides, at)).toEqual({ slide: 3, step: 0 });
		expect(previous(slides, { slide: 3, step: 0 })).toEqual({ slide: 2, step: 2 });
	});
	it('stays put at either end', () => {
		expect(previous(slides, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 });
		expect(next(slides, { slide: 5, step: 0 })).toEqual({ slide: 5, step: 0 });
	});
	it.each([
		['PageDown', 'next'],
		[' ', 'next'],
		['ArrowRight', 'next'],
		['PageUp', 'previous'],
		['ArrowLeft', 'previous'],
		['n', 'notes'],
		['x', undefined]
	])('maps %j to %s (keyboard and clicker)', (key, action) => {
		expect(keyAction(key)).toBe(action);
	});
	it('finds the extremes as the outermost columns', () => {
		const s = [{ value: 2 }, { value: 1 }, { value: -2 }, { value: 2 }, { value: 0 }];
		expect(extremes(s)).toEqual({ agree: [{ value: 2 }, { value: 2 }], disagree: [{ value: -2 }] });
	});
});
