/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that parallel
 * analysis and the bootstrap are reproducible from a reported seed. Returns floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	const splitmix = () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let counter = 1;
	return () => {
		const t = (((a + b) >>> 0) + counter) >>> 0;
		counter = (counter + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t / 4294967296;
	};
}

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
	values: T,
	random: () => number
): T {
	for (let i = values.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const held = values[i];
		values[i] = values[j];
		values[j] = held;
	}
	return values;
}
