/**
 * Geometry of the two-factor plot. The engine turns a pair by θ with
 * `a'_p = a_p cos θ + a_q sin θ`, `a'_q = −a_p sin θ + a_q cos θ` (points move clockwise, docs/methods.md §4.2).
 */
export function turnPoint(x: number, y: number, degrees: number): { x: number; y: number } {
	const radians = (degrees * Math.PI) / 180;
	const cos = Math.cos(radians);
	const sin = Math.sin(radians);
	return { x: x * cos + y * sin, y: -x * sin + y * cos };
}

/**
 * The engine angle for a drag from `start` to `end` (plot coordinates, y up): the points follow the
 * pointer, so a counter-clockwise drag by δ is a turn of θ = −δ. Normalised to (−180, 180].
 */
export function dragAngle(start: { x: number; y: number }, end: { x: number; y: number }): number {
	const delta = ((Math.atan2(end.y, end.x) - Math.atan2(start.y, start.x)) * 180) / Math.PI;
	let angle = -delta;
	while (angle <= -180) angle += 360;
	while (angle > 180) angle -= 360;
	return angle;
}

/** Drag angles snap to whole steps of this many degrees; with Shift held, to whole degrees. */
export const DRAG_STEP = 5;
export const FINE_STEP = 1;

/**
 * The turn a drag asks for, with fine control: near the origin the angle of a point is unstable (a few
 * pixels there swing it by tens of degrees), so a drag that starts or ends inside `deadZone` (plot units),
 * or moves less than `minTravel`, turns nothing; otherwise the angle snaps to `DRAG_STEP` degrees, or to
 * `FINE_STEP` with Shift (`fine`).
 */
export function dragTurn(
	start: { x: number; y: number },
	end: { x: number; y: number },
	{ fine = false, deadZone = 0, minTravel = 0 }: { fine?: boolean; deadZone?: number; minTravel?: number } = {}
): number {
	if (Math.hypot(start.x, start.y) < deadZone || Math.hypot(end.x, end.y) < deadZone) return 0;
	if (Math.hypot(end.x - start.x, end.y - start.y) < minTravel) return 0;
	const step = fine ? FINE_STEP : DRAG_STEP;
	const snapped = Math.round(dragAngle(start, end) / step) * step;
	return snapped === 0 ? 0 : snapped; // never −0
}
