/**
 * The monitoring figures, computed once: the server's GET /studies/:id/stats uses these, and the monitoring page
 * shows what it gets (adding only the empty days between, src/lib/researcher/data-helpers.ts fillDays).
 * Pure, like every module in src/lib/rules.
 */

/** The median: the middle value, or the mean of the two middle values; null when there are none. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How many times fall on each calendar day (UTC, `YYYY-MM-DD`), days in date order; days without any are left out. */
export function completionsPerDay(times: readonly (string | Date)[]): { date: string; count: number }[] {
	const perDay = new Map<string, number>();
	for (const time of times) {
		const date = new Date(time).toISOString().slice(0, 10);
		perDay.set(date, (perDay.get(date) ?? 0) + 1);
	}
	return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count }));
}
