/**
 * Inactivity guard for shared PCs: after `idleMs` without activity it calls `onWarn`; if there is
 * still no activity `graceMs` later it calls `onExpire`. Any activity resets it (also after a warning).
 */
export class IdleTimer {
	private warnTimer: ReturnType<typeof setTimeout> | undefined;
	private expireTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly idleMs: number,
		private readonly graceMs: number,
		private readonly onWarn: () => void,
		private readonly onExpire: () => void
	) {}

	/** Call on every user activity (and once to start). */
	activity(): void {
		this.stop();
		this.warnTimer = setTimeout(() => {
			this.onWarn();
			this.expireTimer = setTimeout(() => this.onExpire(), this.graceMs);
		}, this.idleMs);
	}

	stop(): void {
		clearTimeout(this.warnTimer);
		clearTimeout(this.expireTimer);
		this.warnTimer = this.expireTimer = undefined;
	}
}
