import { describe, expect, it } from 'vitest';
import type { QuestionDto } from '../../../src/lib/api/researcher.js';
import { answerText } from '../../../src/lib/researcher/answers.js';

const question: QuestionDto = {
	id: 'q',
	key: 'team',
	phase: 'pre',
	type: 'multiple',
	prompt: { nl: 'Team' },
	options: [
		{ value: 'a1', label: { nl: 'Noodhulp', en: 'Emergency response' } },
		{ value: 'a2', label: { nl: 'Recherche' } }
	],
	required: false,
	offerDecline: true,
	position: 1
};

describe('answerText', () => {
	it('shows option labels in the chosen language, falling back to another', () => {
		expect(answerText(['a1', 'a2'], question, 'en', '–')).toBe('Emergency response, Recherche');
		expect(answerText('a1', question, 'nl', '–')).toBe('Noodhulp');
	});
	it('shows "prefer not to say" for a declined answer', () => {
		expect(answerText({ declined: true }, question, 'en', 'prefer not to say')).toBe('prefer not to say');
	});
	it('shows free text and unknown values as they are', () => {
		expect(answerText('Twaalf jaar', undefined, 'nl', '–')).toBe('Twaalf jaar');
		expect(answerText('a9', question, 'nl', '–')).toBe('a9');
		expect(answerText(undefined, question, 'nl', '–')).toBe('');
	});
});
