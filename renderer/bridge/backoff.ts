/** Reconnect delays: doubling from `initialMs` up to `maxMs`, with ±20% jitter so views don't stampede. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  random?: () => number;
}

export function createBackoff({ initialMs, maxMs, random = Math.random }: BackoffOptions) {
  let attempt = 0;
  return {
    next(): number {
      const base = Math.min(maxMs, initialMs * 2 ** attempt);
      attempt += 1;
      return Math.round(base * (0.8 + 0.4 * random()));
    },
    reset(): void {
      attempt = 0;
    },
  };
}
