/**
 * Counts finished drags across every drop zone. A zone that a card only passed over gets
 * "consider" events but no "finalize"; it resets its drag view when this changes.
 */
export const dragRound = $state({ finished: 0 });
