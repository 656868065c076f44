/**
 * Geometry of the two-factor plot. The engine turns a pair by θ with
 * `a'_p = a_p cos θ + a_q sin θ`, `a'_q = −a_p sin θ + a_q cos θ` (points move clockwise, spec §4.2).
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
