import { describe, expect, it } from 'vitest';
import {
	draftFrom,
	draftProblems,
	scaleOptions,
	scaleRange,
	toQuestionInput
} from '../../../src/lib/researcher/question-draft.js';

describe('draftFrom', () => {
	it('starts a new question with "prefer not to say" offered and two empty options', () => {
		const draft = draftFrom(undefined, 'post', ['nl', 'en']);
		expect(draft.offerDecline).toBe(true);
		expect(draft.required).toBe(false);
		expect(draft.phase).toBe('post');
		expect(draft.choiceLabels).toEqual([
			{ nl: '', en: '' },
			{ nl: '', en: '' }
		]);
	});
	it('fills a draft from a saved scale question', () => {
		const draft = draftFrom(
			{
				id: 'q',
				key: 'q1',
				phase: 'pre',
				type: 'scale',
				prompt: { nl: 'Hoe?' },
				options: scaleOptions(0, 10, ['nl']),
				required: true,
				offerDecline: false,
				position: 1
			},
			'post',
			['nl']
		);
		expect([draft.scaleFrom, draft.scaleTo, draft.required, draft.offerDecline, draft.phase]).toEqual([
			0,
			10,
			true,
			false,
			'pre'
		]);
	});
});

describe('draftProblems', () => {
	it('asks for the prompt in every language and two complete options for choices', () => {
		expect(
			draftProblems(
				{ type: 'single', prompt: { nl: 'Vraag', en: '' }, options: [{ value: 'a1', label: { nl: 'Ja', en: 'Yes' } }] },
				['nl', 'en']
			)
		).toEqual(['needPrompt', 'needOptions']);
		expect(draftProblems({ type: 'short_text', prompt: { nl: 'Vraag' }, options: [] }, ['nl'])).toEqual([]);
	});
});

describe('toQuestionInput', () => {
	const base = draftFrom(undefined, 'pre', ['nl']);
	it('numbers choice options a1, a2, …', () => {
		const input = toQuestionInput(
			{ ...base, prompt: { nl: 'Team?' }, choiceLabels: [{ nl: 'Noodhulp' }, { nl: 'Recherche' }] },
			['nl']
		);
		expect(input.options).toEqual([
			{ value: 'a1', label: { nl: 'Noodhulp' } },
			{ value: 'a2', label: { nl: 'Recherche' } }
		]);
		expect(input.offerDecline).toBe(true);
	});
	it('generates the points of a scale and drops options of text questions', () => {
		expect(
			toQuestionInput({ ...base, type: 'scale', scaleFrom: 3, scaleTo: 1 }, ['nl']).options.map((o) => o.value)
		).toEqual(['1', '2', '3']);
		expect(toQuestionInput({ ...base, type: 'long_text' }, ['nl']).options).toEqual([]);
	});
});

describe('scaleRange', () => {
	it('falls back to 1–5 without numeric options', () => {
		expect(scaleRange([])).toEqual({ from: 1, to: 5 });
	});
});
