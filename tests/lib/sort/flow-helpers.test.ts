import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcement, columnLabel } from '../../../src/lib/sort/announce.js';
import { normalizeCode } from '../../../src/lib/sort/code.js';
import { parseDraft, shuffled } from '../../../src/lib/sort/draft.js';
import { IdleTimer } from '../../../src/lib/sort/idle.js';
import { participant } from '../../../src/lib/i18n/messages/participant.js';

// The participant catalog on its own (the i18n module needs the Svelte compiler for its rune state).
function translate(locale: 'nl' | 'en', key: string, params: Record<string, string | number> = {}): string {
	const template: string = (participant[locale] as Record<string, string>)[key] ?? key;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

describe('announcement', () => {
	const number = (code: string) => Number(code.slice(1));
	it('says where a card went and how full the column is, in Dutch and English', () => {
		const event = { kind: 'placed', card: 'S12', column: 3, count: 2, capacity: 3 } as const;
		expect(announcement(event, (k, p) => translate('nl', k, p), number)).toBe(
			'Stelling 12 geplaatst in kolom +3, 2 van 3 plaatsen bezet.'
		);
		expect(announcement(event, (k, p) => translate('en', k, p), number)).toBe(
			'Statement 12 placed in column +3, 2 of 3 places taken.'
		);
	});

	it('explains a full column, a swap and an undo', () => {
		const t = (k: string, p?: Record<string, string | number>) => translate('nl', k, p);
		expect(announcement({ kind: 'full', card: 'S1', column: -4, capacity: 2 }, t, number)).toContain('Kolom −4 is vol');
		expect(announcement({ kind: 'swapped', card: 'S1', other: 'S2', column: 4, otherColumn: -1 }, t, number)).toBe(
			'Stelling 1 staat nu in kolom +4, stelling 2 in kolom −1.'
		);
		expect(announcement({ kind: 'undone' }, t, number)).toBe('Laatste stap ongedaan gemaakt.');
		expect(announcement({ kind: 'nothing' }, t, number)).toBe('');
	});

	it('labels columns with a sign and a real minus', () => {
		expect([-2, 0, 3].map(columnLabel)).toEqual(['−2', '0', '+3']);
	});
});

describe('normalizeCode', () => {
	it.each([
		['abcd-efgh-jkmn', 'ABCD-EFGH-JKMN'],
		['ABCDEFGHJKMN', 'ABCD-EFGH-JKMN'],
		[' o0il-2345-6789 ', '0011-2345-6789']
	])('reads %s as %s', (input, expected) => expect(normalizeCode(input)).toBe(expected));

	it.each(['', 'ABCD-EFGH', 'ABCD-EFGH-JKMU', 'ABCD-EFGH-JKMN-P'])('rejects %s', (input) =>
		expect(normalizeCode(input)).toBeUndefined()
	);
});

describe('parseDraft', () => {
	const codes = ['S1', 'S2', 'S3'];
	it('keeps a well-formed draft and adds statements missing from the saved order', () => {
		const draft = parseDraft(
			{
				v: 1,
				step: 'grid',
				order: ['S3', 'S1'],
				piles: { S1: 'agree' },
				placements: { S1: 2 },
				answers: { a: null, b: ['x'] },
				comments: { S1: 'c' },
				textScale: 1.2
			},
			codes
		);
		expect(draft).toMatchObject({
			step: 'grid',
			order: ['S3', 'S1', 'S2'],
			piles: { S1: 'agree' },
			placements: { S1: 2 },
			answers: { a: null, b: ['x'] },
			textScale: 1.2
		});
	});

	it('drops malformed parts and unknown versions', () => {
		expect(parseDraft({ v: 2 }, codes)).toBeUndefined();
		expect(parseDraft('junk', codes)).toBeUndefined();
		const draft = parseDraft(
			{
				v: 1,
				step: 'nowhere',
				order: 'S1',
				piles: { S1: 'up' },
				placements: { S1: 1.5 },
				answers: { a: 3 },
				textScale: 9
			},
			codes
		);
		expect(draft).toMatchObject({ step: 'consent', order: [], piles: {}, placements: {}, answers: {}, textScale: 1 });
	});

	it('reads the facilitated part', () => {
		const draft = parseDraft(
			{ v: 1, facilitated: { respondentNumber: '64', notes: { statements: { S1: 'quote', S2: 5 } } } },
			codes
		);
		expect(draft?.facilitated).toEqual({ respondentNumber: '64', notes: { sort: '', statements: { S1: 'quote' } } });
	});
});

describe('shuffled', () => {
	it('returns a permutation without changing its input', () => {
		const input = ['a', 'b', 'c', 'd'];
		const out = shuffled(input, () => 0);
		expect(input).toEqual(['a', 'b', 'c', 'd']);
		expect([...out].sort()).toEqual(input);
		expect(out).toEqual(['b', 'c', 'd', 'a']);
	});
});

describe('IdleTimer', () => {
	afterEach(() => vi.useRealTimers());

	it('warns after the idle time and expires after the grace time unless there is activity', () => {
		vi.useFakeTimers();
		const warn = vi.fn();
		const expire = vi.fn();
		const timer = new IdleTimer(1000, 500, warn, expire);
		timer.activity();
		vi.advanceTimersByTime(999);
		expect(warn).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(warn).toHaveBeenCalledTimes(1);
		timer.activity();
		vi.advanceTimersByTime(1400);
		expect(expire).not.toHaveBeenCalled();
		vi.advanceTimersByTime(100);
		expect(warn).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(500);
		expect(expire).toHaveBeenCalledTimes(1);
		timer.stop();
	});
});
