import { describe, expect, it } from 'vitest';
import type { Presentation } from '../../../src/lib/api/dialogue.js';
import {
	buildSlides,
	distinguishingOf,
	extremes,
	keyAction,
	next,
	previous
} from '../../../src/lib/dialogue/slides.js';

const viewpoint = (factor: number, quotes: number) => ({
	factor,
	name: `P${factor}`,
	narrative: '',
	quotes: Array.from({ length: quotes }, () => ({
		sortId: 'x',
		respondent: '1',
		text: 't',
		source: 'comment' as const
	})),
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
		expect(slides.map((s) => `${s.kind}${s.viewpoint ?? ''}`)).toEqual([
			'title',
			'overview',
			'viewpoint0',
			'quotes0',
			'viewpoint1',
			'consensus'
		]);
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

describe('distinguishing slides', () => {
	const st = (number: number, value: number, z: number, distinguishing: 'higher' | 'lower' | null) => ({
		number,
		code: `S${number}`,
		text: `s${number}`,
		value,
		z,
		distinguishing
	});
	const statements = [
		st(1, 2, 1.5, 'higher'),
		st(2, -2, -1.4, 'lower'),
		st(3, 0, 0.1, null),
		st(4, 1, 0.6, 'higher'),
		st(5, 1, 0.9, 'higher')
	];

	it('follow a viewpoint with one slide per direction that has statements, before its quotes', () => {
		const deck = buildSlides({
			...presentation,
			viewpoints: [
				{ ...viewpoint(1, 1), statements },
				{ ...viewpoint(2, 0), statements: [st(1, 0, 0, 'lower')] }
			]
		});
		expect(deck.map((s) => `${s.kind}${s.viewpoint ?? ''}${s.direction ?? ''}`)).toEqual([
			'title',
			'overview',
			'viewpoint0',
			'distinguishing0higher',
			'distinguishing0lower',
			'quotes0',
			'viewpoint1',
			'distinguishing1lower',
			'consensus'
		]);
	});

	it('lists each direction highest placed first (grid value, then z-score)', () => {
		const d = distinguishingOf(statements);
		expect(d.higher.map((s) => s.number)).toEqual([1, 5, 4]);
		expect(d.lower.map((s) => s.number)).toEqual([2]);
	});
});
