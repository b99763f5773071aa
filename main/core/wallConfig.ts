import type { HubLinkOptions } from './hubLink';
import type { Logger } from './logger';
import type { ReplayClock } from './replayPlayer';
import { parseMediaOrigins } from './viewServing/contentSecurityPolicy';

export type PlayerConfig = { kind: 'live' } | { kind: 'replay'; file: string; speed?: number; startAt?: string };

export interface WallConfig {
  hubUrl: string;
  username: string;
  password: string;
  /** Holds `outbox/` and `journal/`. */
  dataDir: string;
  player?: PlayerConfig;
  /** Camera platforms' origins the views may load HLS from besides the hub (`WALL_MEDIA_ORIGINS`). */
  mediaOrigins?: string[];
  journal?: { enabled?: boolean; maxBytes?: number; keepFiles?: number; flushMs?: number };
  /** How long one view may take to apply a push before it is detached (ms). */
  viewAckTimeoutMs?: number;
  link?: Pick<HubLinkOptions, 'commandTimeoutMs' | 'httpTimeoutMs' | 'reconnect'>;
  outboxRetry?: { baseMs?: number; maxMs?: number };
  now?: () => number;
  /** Runs control of displays' handover and detach timeouts (tests pass a fake one). */
  controlClock?: ReplayClock;
  logger?: Logger;
}

/**
 * The wall's configuration from the environment, with the embedded hub's defaults. Throws on a bad
 * `WALL_MEDIA_ORIGINS` entry (comma-separated http(s) origins of camera platforms).
 */
export function loadWallConfig(env: Record<string, string | undefined> = process.env): WallConfig {
  const replayFile = env.WALL_REPLAY_FILE;
  const speed = Number(env.WALL_REPLAY_SPEED);
  const mediaOrigins = parseMediaOrigins(env.WALL_MEDIA_ORIGINS);
  return {
    hubUrl: env.WALL_HUB_URL || 'http://127.0.0.1:7700',
    username: env.WALL_USERNAME || 'city-duty',
    password: env.WALL_PASSWORD || 'demo',
    dataDir: env.WALL_DATA_DIR || '.data/wall',
    ...(mediaOrigins.length > 0 ? { mediaOrigins } : {}),
    player: replayFile
      ? { kind: 'replay', file: replayFile, ...(Number.isFinite(speed) && speed > 0 ? { speed } : {}) }
      : { kind: 'live' },
  };
}
