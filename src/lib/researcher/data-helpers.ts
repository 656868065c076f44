import { fitSort, placementsOf, type SortFit } from '../rules/grid.js';
import type { GridColumn } from './distribution.js';

/** The open link for self-enrolment. */
export function openLink(origin: string, slug: string): string {
	return `${origin}/s/${encodeURIComponent(slug)}`;
}

/** The page where anyone types a code (printed on invitation slips, beside the QR code that opens the sort). */
export function codeEntryLink(origin: string): string {
	return `${origin}/code`;
}

/** The personal link of an invitation code (the same form as the server's codes CSV: /p/<code>). */
export function personalLink(origin: string, code: string): string {
	return `${origin}/p/${encodeURIComponent(code)}`;
}

/**
 * Checks a paper sort typed in by hand against the grid, by the one grid rule (src/lib/rules/grid.ts) that the
 * server applies when it is saved: every statement once, every value a column of the grid, and on a forced grid
 * every column exactly full (on a free grid the capacities are a guide).
 */
export function checkPlacements(
	grid: readonly GridColumn[],
	codes: readonly string[],
	placements: Readonly<Record<string, number | null | undefined>>,
	forced: boolean
): SortFit {
	return fitSort(grid, forced, codes, placementsOf(placements));
}

/** "1 h 05 min", "12 min", "45 s" from seconds. */
export function formatDuration(seconds: number): string {
	if (!Number.isFinite(seconds) || seconds < 0) return '–';
	if (seconds < 60) return `${Math.round(seconds)} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export interface DayCount {
	/** YYYY-MM-DD */
	day: string;
	count: number;
}

/** Counts per day (YYYY-MM-DD, any order) as a continuous run from the first to the last day, empty days as 0. */
export function fillDays(points: readonly DayCount[]): DayCount[] {
	if (points.length === 0) return [];
	const byDay = new Map<string, number>();
	for (const point of points) byDay.set(point.day, (byDay.get(point.day) ?? 0) + point.count);
	const days = [...byDay.keys()].sort();
	const result: DayCount[] = [];
	const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
	for (let time = Date.parse(`${days[0]}T00:00:00Z`); time <= last; time += 86_400_000) {
		const day = new Date(time).toISOString().slice(0, 10);
		result.push({ day, count: byDay.get(day) ?? 0 });
	}
	return result;
}

/** Round numbers for a count axis from 0 to at least `max`: 0 and up to four more evenly spaced whole steps. */
export function countTicks(max: number): number[] {
	const top = Math.max(1, Math.ceil(max));
	const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => top / s <= 4) ?? Math.ceil(top / 4);
	const ticks: number[] = [];
	for (let value = 0; value < top + step; value += step) ticks.push(value);
	return ticks;
}

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	label: string;
	count: number;
}

/**
 * Geometry of a simple bar chart in a `width`×`height` box: a count of `top` (default: the tallest bar) fills
 * the height, and a bar is never wider than `maxSlot` (a single day stays a bar, not a block).
 */
export function barLayout(
	points: readonly DayCount[],
	width: number,
	height: number,
	gap = 2,
	maxSlot = 48,
	top?: number
): Bar[] {
	if (points.length === 0) return [];
	const highest = Math.max(1, top ?? 0, ...points.map((point) => point.count));
	const slot = Math.min(maxSlot, width / points.length);
	return points.map((point, index) => {
		const barHeight = (point.count / highest) * height;
		return {
			x: index * slot + gap / 2,
			y: height - barHeight,
			width: Math.max(1, slot - gap),
			height: barHeight,
			label: point.day,
			count: point.count
		};
	});
}
