import { dialogue, followState, type PresenterState } from '$lib/api/dialogue';
import type { PresenterView } from '$lib/api/types/dialogue';

/**
 * A dialogue session as the projector or the facilitator's control screen sees it, kept current by the
 * server-sent-event stream (which the server feeds from Postgres LISTEN/NOTIFY).
 */
export class LiveSession {
	state = $state<PresenterState | null>(null);
	connected = $state(false);
	error = $state<unknown>(null);
	#stop: (() => void) | undefined;

	constructor(
		readonly sessionId: string,
		readonly view: PresenterView
	) {}

	start(): () => void {
		// The first state comes by plain GET so that a missing or foreign session shows its error.
		dialogue.state(this.sessionId, this.view).then(
			(state) => {
				this.state = state;
				this.#stop = followState<PresenterState>(
					dialogue.presenterEventsUrl(this.sessionId, this.view),
					(next) => {
						this.state = next;
						this.connected = true;
					},
					() => (this.connected = false)
				);
			},
			(error) => (this.error = error)
		);
		return () => this.#stop?.();
	}
}
