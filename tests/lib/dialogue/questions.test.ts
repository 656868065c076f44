import { describe, expect, it } from 'vitest';
import { checkAnswer, findQuestion, sessionQuestions } from '../../../src/lib/dialogue/questions.js';

describe('sessionQuestions', () => {
	it('asks recognition and relevance per viewpoint, then best fit and what is missing', () => {
		expect(sessionQuestions(3).map((q) => q.key)).toEqual([
			'recognise-1',
			'relevant-1',
			'recognise-2',
			'relevant-2',
			'recognise-3',
			'relevant-3',
			'best-fit',
			'missing'
		]);
		expect(findQuestion('best-fit', 3)?.options).toEqual(['factor-1', 'factor-2', 'factor-3', 'mix', 'none']);
		expect(findQuestion('recognise-4', 3)).toBeUndefined();
	});
});

describe('checkAnswer', () => {
	const scale = findQuestion('relevant-1', 2)!;
	const text = findQuestion('missing', 2)!;
	it.each([['0'], ['6'], ['3.5'], [''], [undefined]])('refuses %s on a 1–5 scale', (value) => {
		expect(checkAnswer(scale, { value }).ok).toBe(false);
	});
	it('accepts a scale value and trims free text', () => {
		expect(checkAnswer(scale, { value: '3' })).toEqual({ ok: true, value: '3', text: null });
		expect(checkAnswer(text, { text: '  werkdruk ' })).toEqual({ ok: true, value: null, text: 'werkdruk' });
	});
	it('refuses empty and over-long free text', () => {
		expect(checkAnswer(text, { text: '   ' }).ok).toBe(false);
		expect(checkAnswer(text, { text: 'x'.repeat(501) }).ok).toBe(false);
	});
});
