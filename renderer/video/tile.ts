// One tile as the manager (its player's lifecycle) and its recovery (stalls, errors) both see it.
import type { HlsPlayer, TileVideo } from './hlsPlayer';

export interface TileSource {
  cameraId: string;
  /** The camera's HLS master playlist. */
  url: string;
}

/**
 * idle: no player · queued: waiting for a start slot · running: a player playing or trying to ·
 * suspended: off screen, paused, freed after a grace period · retrying: no player until a backoff ends.
 */
export type TilePhase = 'idle' | 'queued' | 'running' | 'suspended' | 'retrying';

export interface Tile {
  id: string;
  video: TileVideo;
  source: TileSource | null;
  hls: HlsPlayer | null;
  levels: readonly { width: number; height: number }[];
  phase: TilePhase;
  onScreen: boolean;
  enlarged: boolean;
  /** The video clock at the last check, and when it last moved. */
  lastTime: number;
  lastProgressAt: number;
  /** When the current player was started (or resumed). */
  startedAt: number;
  stalledSince: number | null;
  /** When the player was last restarted at the live edge in place (the cheap recovery). */
  nudgedAt: number | null;
  /** Since when the tile has played without a check standing still; null while not playing. */
  liveSince: number | null;
  /** Reloads and retries since it last played steadily: each waits twice as long as the last. */
  retries: number;
  mediaRecoveredAt: number | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  freeTimer: ReturnType<typeof setTimeout> | null;
  unobserve: () => void;
}

export function newTile(id: string, video: TileVideo, source: TileSource | null): Tile {
  return {
    id, video, source, hls: null, levels: [], phase: 'idle', onScreen: true, enlarged: false,
    lastTime: 0, lastProgressAt: 0, startedAt: 0, stalledSince: null, nudgedAt: null, liveSince: null, retries: 0,
    mediaRecoveredAt: null, retryTimer: null, freeTimer: null, unobserve: () => undefined,
  };
}
