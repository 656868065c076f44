import { describe, expect, it } from 'vitest';
import { fillDays } from '../../../src/lib/researcher/data-helpers.js';
import { completionsPerDay, median } from '../../../src/lib/rules/counts.js';

describe('median', () => {
	it('takes the middle value, or the mean of the two middle values; null when there are none', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('completionsPerDay', () => {
	it('counts per UTC day in date order, as the stats API sends them', () => {
		const times = ['2026-01-03T23:59:00Z', '2026-01-01T10:00:00Z', new Date('2026-01-01T12:00:00Z')];
		expect(completionsPerDay(times)).toEqual([
			{ date: '2026-01-01', count: 2 },
			{ date: '2026-01-03', count: 1 }
		]);
		expect(completionsPerDay([])).toEqual([]);
	});

	it('with the monitoring page adding the empty days in between', () => {
		const perDay = completionsPerDay(['2026-01-01T10:00:00Z', '2026-01-03T23:59:00Z', '2026-01-01T12:00:00Z']);
		expect(fillDays(perDay.map((entry) => ({ day: entry.date, count: entry.count })))).toEqual([
			{ day: '2026-01-01', count: 2 },
			{ day: '2026-01-02', count: 0 },
			{ day: '2026-01-03', count: 1 }
		]);
	});
});
