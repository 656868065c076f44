import { describe, expect, it } from 'vitest';
import { dragAngle, dragTurn } from '../../../src/lib/analysis/rotation-view.js';

// Hand rotation by dragging in the two-factor plot: fine control (issue 12 item 10). Plot units, y up.
describe('dragTurn', () => {
	const polar = (degrees: number, r = 100) => ({
		x: r * Math.cos((degrees * Math.PI) / 180),
		y: r * Math.sin((degrees * Math.PI) / 180)
	});

	it('snaps a drag to whole 5° steps, and to whole degrees with Shift', () => {
		// From 0° to 12.4° counter-clockwise: the points follow the pointer, an engine turn of −12.4°.
		expect(dragAngle(polar(0), polar(12.4))).toBeCloseTo(-12.4, 10);
		expect(dragTurn(polar(0), polar(12.4))).toBe(-10);
		expect(dragTurn(polar(0), polar(12.6))).toBe(-15);
		expect(dragTurn(polar(0), polar(12.4), { fine: true })).toBe(-12);
		expect(dragTurn(polar(30), polar(-3.2), { fine: true })).toBe(33);
	});

	it('turns nothing for a drag near the centre, where a few pixels swing the angle by tens of degrees', () => {
		// The reported case: a short drag close to the origin came out as −33.69°.
		const start = { x: 3, y: 0 };
		const end = { x: 3, y: 2 };
		expect(dragAngle(start, end)).toBeCloseTo(-33.69, 2);
		expect(dragTurn(start, end, { deadZone: 20 })).toBe(0);
		expect(dragTurn(polar(0), { x: 5, y: 5 }, { deadZone: 20 })).toBe(0);
	});

	it('ignores a click or a jitter shorter than the minimum travel, and small drags snap to 0 (not −0)', () => {
		expect(dragTurn(polar(0), { x: 100, y: 2 }, { minTravel: 4 })).toBe(0);
		expect(Object.is(dragTurn(polar(0), polar(1)), 0)).toBe(true);
	});
});
