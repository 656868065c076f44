// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface PageState {
			/** Set by /s/<slug> right after enrolling: the participant has not seen the new code yet. */
			fresh?: boolean;
		}
	}
}
export {};
