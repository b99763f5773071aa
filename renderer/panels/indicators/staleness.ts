/** A board tile is flagged once its newest sample is older than this. */
export const STALE_AFTER_MS = 10_000;

/**
 * How old an indicator's newest sample is at `nowMs`: from the sample's own time, or from when
 * this view received it if that is earlier. A sensor clock running ahead (a sample stamped in the
 * future) therefore still goes stale once nothing newer arrives.
 */
export function sampleAgeMs(sampleAt: string, receivedAtMs: number, nowMs: number): number {
  const stampedMs = Date.parse(sampleAt);
  const since = Number.isFinite(stampedMs) ? Math.min(stampedMs, receivedAtMs) : receivedAtMs;
  return Math.max(0, nowMs - since);
}

/** Whole seconds a stale tile shows ("数据停滞 15 s"), or null while the data is fresh. */
export function staleSeconds(ageMs: number, staleAfterMs: number = STALE_AFTER_MS): number | null {
  return ageMs > staleAfterMs ? Math.floor(ageMs / 1000) : null;
}
