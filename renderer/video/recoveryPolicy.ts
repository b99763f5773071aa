// How hard the view may try to recover stalled tiles. A few stalled tiles are their own problem; many
// at once mean the machine or the network is starved, and rebuilding players (playlist, init
// segment, MSE set-up each) only starves the rest further. Then recovery backs off for everyone.

export interface RecoveryPressureOptions {
  /** More than this share of the view's tiles in trouble at once… */
  share: number;
  /** …or more than this many (whichever is smaller, but at least one): the view is under pressure. */
  tiles: number;
  /** Under pressure, a tile's reload wait is multiplied by the tiles in trouble, up to this. */
  maxWaitMs: number;
}

export const DEFAULT_RECOVERY_PRESSURE: RecoveryPressureOptions = Object.freeze({ share: 0.25, tiles: 4, maxWaitMs: 45_000 });

/** Whether `troubled` of `active` tiles stalled or reloading at once is a view-wide problem. */
export function isUnderPressure(troubled: number, active: number, options: RecoveryPressureOptions): boolean {
  // a single stalled tile is never pressure, whatever the view's size
  const allowed = Math.max(1, Math.min(options.tiles, Math.floor(active * options.share)));
  return troubled > allowed;
}

/** The wait before a stalled tile is rebuilt: its own backoff, widened by the tiles in trouble under pressure. */
export function reloadWaitMs(ownWaitMs: number, troubled: number, underPressure: boolean, options: RecoveryPressureOptions): number {
  return underPressure ? Math.min(options.maxWaitMs, Math.max(ownWaitMs, ownWaitMs * troubled)) : ownWaitMs;
}

/** One player rebuild per interval for the whole view (a token bucket holding one token). */
export class ReloadTokens {
  private lastTakenAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Takes the token if one is there; false means: wait for a later check. */
  take(): boolean {
    const now = this.now();
    if (now - this.lastTakenAt < this.intervalMs) return false;
    this.lastTakenAt = now;
    return true;
  }
}
