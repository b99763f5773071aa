/** What a tile's badge says about its stream. */
export const TILE_HEALTH_STATES = ['loading', 'live', 'stalled', 'offline'] as const;
export type TileHealthState = (typeof TILE_HEALTH_STATES)[number];

export interface TileHealth {
  state: TileHealthState;
  /** Whole seconds behind the live edge, null until known. */
  secondsBehindLive: number | null;
}

export const LOADING_HEALTH: TileHealth = Object.freeze({ state: 'loading', secondsBehindLive: null });

export function sameHealth(a: TileHealth, b: TileHealth): boolean {
  return a.state === b.state && a.secondsBehindLive === b.secondsBehindLive;
}
