import { MediaQuery } from 'svelte/reactivity';

/**
 * Whether key hints make sense: the main pointer is a mouse or trackpad (fine, can hover), so a
 * keyboard is almost certainly there too. Phones and tablets get no "press 1" hints. Create it in a
 * component (it follows the media query while the component lives).
 */
export function keyboardLikely(): MediaQuery {
	return new MediaQuery('(hover: hover) and (pointer: fine)');
}
