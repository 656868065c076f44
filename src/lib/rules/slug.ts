/**
 * A study's slug: the last part of its open link (/s/<slug>). One rule for the server's request schema and the
 * researcher's forms: 3–60 characters, lower-case letters a–z and digits, with single hyphens between them (not at
 * the start or the end, never two in a row). Pure, like every module in src/lib/rules.
 */

/** The longest slug (and the length slugify cuts a title to). */
export const SLUG_MAX_LENGTH = 60;

/** The rule as a JSON Schema pattern (ECMAScript syntax, as the server's validator reads it). */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,59}$';

const slugPattern = new RegExp(SLUG_PATTERN);

/** Whether a slug follows the rule. */
export function isValidSlug(slug: string): boolean {
	return slugPattern.test(slug);
}

/** Turns a title into a slug candidate: lower case, ASCII letters and digits, single hyphens, at most 60 characters. */
export function slugify(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX_LENGTH)
		.replace(/-+$/, '');
}
