import type { QuestionDto } from '../api/researcher.js';

/**
 * An answer as readable text: option values become their labels (in `language`, else any), lists are
 * joined, and a declined question (`{ declined: true }`) shows `declinedText`.
 */
export function answerText(
	value: unknown,
	question: QuestionDto | undefined,
	language: string,
	declinedText: string
): string {
	if (
		value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		(value as { declined?: unknown }).declined === true
	)
		return declinedText;
	const label = (item: unknown): string => {
		const text = String(item);
		const option = question?.options.find((candidate) => candidate.value === text);
		if (!option) return text;
		return option.label[language] || Object.values(option.label).find(Boolean) || text;
	};
	if (Array.isArray(value)) return value.map(label).join(', ');
	if (value === null || value === undefined) return '';
	return label(value);
}
