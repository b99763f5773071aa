// What the tile manager does about tiles that stop playing: the once-a-second check of every
// running player (progress, stalls, drift behind the live edge), hls.js errors, and the ways back:
// a nudge to the live edge on the same player, a new player, or no player for a backoff. How hard
// to try when many tiles are in trouble at once is `recoveryPolicy.ts`.
import { type HlsErrorData, BUFFER_STALLED, MEDIA_ERROR } from './hlsPlayer';
import { type RecoveryPressureOptions, ReloadTokens, isUnderPressure, reloadWaitMs } from './recoveryPolicy';
import type { Tile } from './tile';
import type { TileHealth, TileHealthState } from './tileHealth';

export interface TileRecoveryOptions {
  /** currentTime standing still this long while it should play: stalled. */
  stallAfterMs: number;
  /** Stalled this long: the source is reloaded; each further reload waits twice as long. */
  reloadStalledAfterMs: number;
  /** A tile playing further behind the live edge than this is reloaded at the edge. */
  maxSecondsBehindLive: number;
  /** A stalled tile shows live again only after playing steadily this long. */
  recoverAfterMs: number;
  /** A player that never started playing after this long is treated as stalled. */
  startTimeoutMs: number;
  backoff: { initialMs: number; maxMs: number };
  /** At most one player rebuild (stalled or far behind) per this interval, for the whole view. */
  reloadIntervalMs: number;
  /** When many tiles are in trouble at once, recovery backs off for all of them. */
  recoveryPressure: RecoveryPressureOptions;
  now: () => number;
}

/** What recovery needs of the manager. */
export interface RecoveryHost {
  readonly tiles: ReadonlyMap<string, Tile>;
  /** On screen, with a source whose camera is not offline: it should be playing. */
  shouldPlay(tile: Tile): boolean;
  getHealth(tileId: string): TileHealth;
  setHealth(tileId: string, health: TileHealth): void;
  /** Drops the tile's player; the tile is idle after. */
  free(tile: Tile): void;
  /** Brings the tile's player in line with what it should do now (an idle tile queues a new one). */
  reconcile(tile: Tile): void;
}

const PROGRESS_EPSILON_S = 0.05;
/** Playing this long without trouble forgets earlier retries (the backoff starts over). */
const HEALTHY_AFTER_MS = 10_000;
/** A second media error this soon after recovering one is treated as fatal. */
const MEDIA_RECOVERY_WINDOW_MS = 5_000;

export class TileRecovery {
  private readonly reloadTokens: ReloadTokens;

  constructor(
    private readonly options: TileRecoveryOptions,
    private readonly host: RecoveryHost,
  ) {
    this.reloadTokens = new ReloadTokens(options.reloadIntervalMs, options.now);
  }

  /** A new player starts: its clocks start now. */
  started(tile: Tile): void {
    tile.lastTime = tile.video.currentTime;
    tile.lastProgressAt = tile.startedAt = this.options.now();
    tile.liveSince = null;
  }

  /** Seconds behind the live edge hls.js estimates for the tile's player; null until it knows. */
  secondsBehindLive(tile: Tile): number | null {
    const hls = tile.hls;
    if (!hls) return null;
    if (hls.latency > 0) return hls.latency;
    return hls.liveSyncPosition !== null ? hls.liveSyncPosition - tile.video.currentTime : null;
  }

  /** An hls.js error of the tile's current player. */
  onError(tile: Tile, data: HlsErrorData): void {
    const hls = tile.hls;
    if (!hls) return;
    // a player still starting up (slow under load) has its own timeout; a reload would only restart it
    if (data.details === BUFFER_STALLED && tile.liveSince !== null) this.markStalled(tile);
    if (!data.fatal) return;
    const now = this.options.now();
    if (data.type === MEDIA_ERROR && (tile.mediaRecoveredAt === null || now - tile.mediaRecoveredAt > MEDIA_RECOVERY_WINDOW_MS)) {
      tile.mediaRecoveredAt = now;
      hls.recoverMediaError();
      return;
    }
    this.retryLater(tile, 'offline');
  }

  /** Tiles that should play, and how many of them are stalled, reloading or retrying now. */
  load(): { troubled: number; active: number } {
    let troubled = 0;
    let active = 0;
    this.host.tiles.forEach((tile) => {
      if (!this.host.shouldPlay(tile)) return;
      active += 1;
      if (tile.stalledSince !== null || tile.phase === 'retrying') troubled += 1;
    });
    return { troubled, active };
  }

  /** The once-per-interval check of every running player: health to the badge, and recovery where needed. */
  check(): void {
    const now = this.options.now();
    const { troubled, active } = this.load();
    const pressure = this.options.recoveryPressure;
    const pressured = isUnderPressure(troubled, active, pressure);
    const rebuilds: Tile[] = [];
    this.host.tiles.forEach((tile) => {
      const hls = tile.hls;
      if (!hls || tile.phase !== 'running') return;
      const time = tile.video.currentTime;
      const ownWait = Math.min(this.options.backoff.maxMs, this.options.reloadStalledAfterMs * 2 ** tile.retries);
      const state = this.host.getHealth(tile.id).state;
      if (time > tile.lastTime + PROGRESS_EPSILON_S) {
        tile.lastTime = time;
        tile.lastProgressAt = now;
        tile.liveSince ??= now;
        if (now - tile.liveSince >= HEALTHY_AFTER_MS) tile.retries = 0;
        // a reloaded frozen feed replays its last few seconds, a confused player lurches: only
        // steady progress ends a stall (and while it advances at all, recovery waits)
        if (state === 'stalled' && now - tile.liveSince < this.options.recoverAfterMs) return;
        tile.stalledSince = tile.nudgedAt = null;
        const behind = this.secondsBehindLive(tile);
        // a player left far behind (a feed that jumped ahead after a gap) does not catch up by itself;
        // under pressure it jumps to the edge in place rather than costing the view a new player
        if (behind !== null && behind > this.options.maxSecondsBehindLive) {
          if (!pressured) rebuilds.push(tile);
          else if (tile.nudgedAt === null || now - tile.nudgedAt >= ownWait) this.nudge(tile, now);
          return;
        }
        this.host.setHealth(tile.id, { state: 'live', secondsBehindLive: behind === null ? null : Math.max(0, Math.round(behind)) });
        return;
      }
      tile.lastTime = time;
      if (tile.video.paused) void Promise.resolve(tile.video.play()).catch(() => undefined);
      // while stalled, a check without progress starts the steady-play clock over
      if (state === 'stalled') tile.liveSince = null;
      const stuck =
        tile.liveSince !== null ? now - tile.lastProgressAt >= this.options.stallAfterMs : now - tile.startedAt >= this.options.startTimeoutMs;
      if (stuck) this.markStalled(tile);
      if (tile.stalledSince === null || now - tile.lastProgressAt < this.options.stallAfterMs) return; // still advancing
      const stalledFor = now - tile.stalledSince;
      if (pressured && stalledFor >= ownWait && (tile.nudgedAt === null || now - tile.nudgedAt >= ownWait)) return this.nudge(tile, now);
      if (stalledFor >= reloadWaitMs(ownWait, troubled, pressured, pressure)) rebuilds.push(tile);
    });
    // the longest-stalled tile first; the rest wait for a later token
    rebuilds.sort((a, b) => (a.stalledSince ?? now) - (b.stalledSince ?? now));
    for (const tile of rebuilds) {
      if (!this.reloadTokens.take()) break;
      this.reloadStalled(tile);
    }
  }

  /** After a fatal error: drops the player and starts it again after an exponential backoff. */
  private retryLater(tile: Tile, state: TileHealthState): void {
    const { initialMs, maxMs } = this.options.backoff;
    const ownDelay = Math.min(maxMs, initialMs * 2 ** tile.retries);
    tile.retries += 1;
    this.host.free(tile);
    if (this.host.getHealth(tile.id).state !== state) this.host.setHealth(tile.id, { state, secondsBehindLive: null });
    tile.phase = 'retrying';
    const { troubled, active } = this.load();
    const pressure = this.options.recoveryPressure;
    const delay = reloadWaitMs(ownDelay, troubled, isUnderPressure(troubled, active, pressure), pressure);
    tile.retryTimer = setTimeout(() => {
      tile.retryTimer = null;
      tile.phase = 'idle';
      this.host.reconcile(tile);
    }, delay);
  }

  /**
   * A new player for a stalled (or far behind) tile, at once: the old one may be stuck for good.
   * Each reload waits twice as long as the last, up to the backoff cap, and the player keeps
   * polling in between, so a feed that comes back is picked up without a backoff wait.
   */
  private reloadStalled(tile: Tile): void {
    tile.retries += 1;
    this.host.free(tile);
    tile.stalledSince = this.options.now();
    this.host.reconcile(tile);
  }

  /**
   * The cheap recovery: the same player reloads from the live edge and jumps there, keeping its
   * MSE source; under pressure this comes first, a rebuild only after the widened wait.
   */
  private nudge(tile: Tile, now: number): void {
    const hls = tile.hls;
    if (!hls) return;
    tile.nudgedAt = now;
    hls.startLoad(-1);
    if (hls.liveSyncPosition !== null && hls.liveSyncPosition > tile.video.currentTime) tile.video.currentTime = hls.liveSyncPosition;
    tile.lastTime = tile.video.currentTime; // the jump is not playback
    void Promise.resolve(tile.video.play()).catch(() => undefined);
  }

  private markStalled(tile: Tile): void {
    tile.stalledSince ??= this.options.now();
    tile.liveSince = null;
    this.host.setHealth(tile.id, { state: 'stalled', secondsBehindLive: this.host.getHealth(tile.id).secondsBehindLive });
  }
}
