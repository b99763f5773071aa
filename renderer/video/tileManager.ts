import { type HlsFactory, type HlsPlayer, type TileVideo, BUFFER_STALLED, HLS_ERROR, HLS_MANIFEST_PARSED, MEDIA_ERROR, TILE_HLS_CONFIG } from './hlsPlayer';
import { chooseLevelForTile, largestLevel } from './levelCap';
import { DEFAULT_RECOVERY_PRESSURE, type RecoveryPressureOptions, ReloadTokens, isUnderPressure, reloadWaitMs } from './recoveryPolicy';
import { LOADING_HEALTH, type TileHealth, type TileHealthState, sameHealth } from './tileHealth';

export interface TileSource {
  cameraId: string;
  /** The camera's HLS master playlist. */
  url: string;
}

export interface TileManagerOptions {
  createHls: HlsFactory;
  devicePixelRatio?: () => number;
  /** Start-up is staggered: at most this many new players… */
  startsPerBatch?: number;
  /** …per this interval. */
  batchIntervalMs?: number;
  /** How often playback is checked and health pushed (at most this often per tile). */
  healthIntervalMs?: number;
  /** currentTime standing still this long while it should play: stalled. */
  stallAfterMs?: number;
  /** Stalled this long: the source is reloaded; each further reload waits twice as long. */
  reloadStalledAfterMs?: number;
  /** A tile playing further behind the live edge than this is reloaded at the edge. */
  maxSecondsBehindLive?: number;
  /** A stalled tile shows live again only after playing steadily this long. */
  recoverAfterMs?: number;
  /** A player that never started playing after this long is treated as stalled. */
  startTimeoutMs?: number;
  /** A hidden tile is paused at once and freed after this long. */
  freeHiddenAfterMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** At most one player rebuild (stalled or far behind) per this interval, for the whole view. */
  reloadIntervalMs?: number;
  /** When many tiles are in trouble at once, recovery backs off for all of them. */
  recoveryPressure?: RecoveryPressureOptions;
  /** Calls back with whether the element is on screen; returns the unobserve function. */
  observeVisibility?: (video: TileVideo, onChange: (visible: boolean) => void) => () => void;
  /** Whether the whole page is hidden (`document.visibilityState`). */
  page?: { isHidden(): boolean; onChange(listener: () => void): () => void };
  now?: () => number;
}

type Phase = 'idle' | 'queued' | 'running' | 'suspended' | 'retrying';

interface Tile {
  id: string;
  video: TileVideo;
  source: TileSource | null;
  hls: HlsPlayer | null;
  levels: readonly { width: number; height: number }[];
  phase: Phase;
  onScreen: boolean;
  enlarged: boolean;
  lastTime: number;
  lastProgressAt: number;
  startedAt: number;
  stalledSince: number | null;
  /** When the player was last restarted at the live edge in place (the cheap recovery). */
  nudgedAt: number | null;
  liveSince: number | null;
  retries: number;
  mediaRecoveredAt: number | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  freeTimer: ReturnType<typeof setTimeout> | null;
  unobserve: () => void;
}

const PROGRESS_EPSILON_S = 0.05;
/** Playing this long without trouble forgets earlier retries (the backoff starts over). */
const HEALTHY_AFTER_MS = 10_000;
/** A second media error this soon after recovering one is treated as fatal. */
const MEDIA_RECOVERY_WINDOW_MS = 5_000;

/**
 * Every hls.js player of one view. Tiles attach their <video> and a source; the manager decides
 * when a player exists (staggered start, paused when hidden, freed after a grace period, gone
 * while the camera is offline), what rendition it may use (capped to the tile's pixels, lifted
 * when enlarged), and recovers stalls and errors with backoff. Health goes to subscribers at most
 * once per check and only when the state or the whole seconds behind live change.
 */
export class TileManager {
  private readonly tiles = new Map<string, Tile>();
  private readonly health = new Map<string, TileHealth>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly offlineCameras = new Set<string>();
  private readonly queue: Tile[] = [];
  private readonly options: Required<Omit<TileManagerOptions, 'observeVisibility' | 'page'>> & Pick<TileManagerOptions, 'observeVisibility' | 'page'>;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private batchStartedAt = -Infinity;
  private startsInBatch = 0;
  private healthTimer: ReturnType<typeof setInterval> | null = null;
  private readonly reloadTokens: ReloadTokens;
  private readonly offPage: () => void;

  constructor(options: TileManagerOptions) {
    this.options = {
      devicePixelRatio: () => 1,
      startsPerBatch: 2,
      batchIntervalMs: 200,
      healthIntervalMs: 1000,
      stallAfterMs: 3000,
      reloadStalledAfterMs: 4000,
      recoverAfterMs: 5000,
      maxSecondsBehindLive: 20,
      startTimeoutMs: 15_000,
      freeHiddenAfterMs: 10_000,
      backoff: { initialMs: 1000, maxMs: 8000 },
      reloadIntervalMs: 2000,
      recoveryPressure: DEFAULT_RECOVERY_PRESSURE,
      now: () => Date.now(),
      ...options,
    };
    this.reloadTokens = new ReloadTokens(this.options.reloadIntervalMs, this.options.now);
    this.offPage = options.page?.onChange(() => this.tiles.forEach((tile) => this.reconcile(tile))) ?? (() => undefined);
  }

  attach(tileId: string, video: TileVideo, source: TileSource | null = null): void {
    this.detach(tileId);
    const tile: Tile = {
      id: tileId, video, source, hls: null, levels: [], phase: 'idle', onScreen: true, enlarged: false,
      lastTime: 0, lastProgressAt: 0, startedAt: 0, stalledSince: null, nudgedAt: null, liveSince: null, retries: 0,
      mediaRecoveredAt: null, retryTimer: null, freeTimer: null, unobserve: () => undefined,
    };
    this.tiles.set(tileId, tile);
    tile.unobserve = this.options.observeVisibility?.(video, (visible) => {
      tile.onScreen = visible;
      this.reconcile(tile);
    }) ?? (() => undefined);
    this.healthTimer ??= setInterval(() => this.checkHealth(), this.options.healthIntervalMs);
    this.reconcile(tile);
  }

  detach(tileId: string): void {
    const tile = this.tiles.get(tileId);
    if (!tile) return;
    tile.unobserve();
    this.free(tile);
    this.tiles.delete(tileId);
    this.setHealth(tileId, LOADING_HEALTH);
    if (this.tiles.size === 0 && this.healthTimer) {
      clearInterval(this.healthTimer);
      this.healthTimer = null;
    }
  }

  /** Swaps the tile's camera (a tour step): the old player goes, the new one queues. */
  setSource(tileId: string, source: TileSource | null): void {
    const tile = this.tiles.get(tileId);
    if (!tile || (tile.source?.url === source?.url && tile.source?.cameraId === source?.cameraId)) return;
    this.free(tile);
    tile.source = source;
    tile.retries = 0;
    this.setHealth(tileId, LOADING_HEALTH);
    this.reconcile(tile);
  }

  /** An enlarged tile may use any rendition; back to normal size, the cap returns. */
  setEnlarged(tileId: string, enlarged: boolean): void {
    const tile = this.tiles.get(tileId);
    if (!tile || tile.enlarged === enlarged) return;
    tile.enlarged = enlarged;
    this.applyLevelCap(tile);
  }

  /** The tile's size changed (grid change, window resize): re-pick its cap. */
  resized(tileId: string): void {
    const tile = this.tiles.get(tileId);
    if (tile) this.applyLevelCap(tile);
  }

  /** Camera status from the wall state: an offline camera's tiles hold no player. */
  setCameraOffline(cameraId: string, offline: boolean): void {
    if (offline === this.offlineCameras.has(cameraId)) return;
    if (offline) this.offlineCameras.add(cameraId);
    else this.offlineCameras.delete(cameraId);
    this.tiles.forEach((tile) => {
      if (tile.source?.cameraId !== cameraId) return;
      if (!offline) this.setHealth(tile.id, LOADING_HEALTH);
      this.reconcile(tile);
    });
  }

  getHealth(tileId: string): TileHealth {
    return this.health.get(tileId) ?? LOADING_HEALTH;
  }

  subscribe(tileId: string, listener: () => void): () => void {
    let set = this.listeners.get(tileId);
    if (!set) this.listeners.set(tileId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(tileId);
    };
  }

  /** Players alive now, and the level cap each has (for tests, benchmarks and devtools). */
  stats(): { tiles: number; players: number; queued: number; recovering: number; caps: Record<string, number> } {
    const caps: Record<string, number> = {};
    this.tiles.forEach((tile) => {
      if (tile.hls) caps[tile.id] = tile.hls.autoLevelCapping;
    });
    return { tiles: this.tiles.size, players: Object.keys(caps).length, queued: this.queue.length, recovering: this.recoveryLoad().troubled, caps };
  }

  dispose(): void {
    [...this.tiles.keys()].forEach((id) => this.detach(id));
    this.offPage();
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  // ---- lifecycle ----

  private visible(tile: Tile): boolean {
    return tile.onScreen && !this.options.page?.isHidden();
  }

  /** Brings the tile's player in line with what it should do now. */
  private reconcile(tile: Tile): void {
    if (!tile.source) return this.free(tile);
    if (this.offlineCameras.has(tile.source.cameraId)) {
      this.free(tile);
      return this.setHealth(tile.id, { state: 'offline', secondsBehindLive: null });
    }
    if (!this.visible(tile)) {
      if (tile.phase === 'queued') this.dequeue(tile);
      if (tile.hls && tile.phase === 'running') {
        tile.video.pause();
        tile.hls.stopLoad();
        tile.phase = 'suspended';
        tile.freeTimer = setTimeout(() => this.free(tile), this.options.freeHiddenAfterMs);
      }
      return;
    }
    if (tile.freeTimer) clearTimeout(tile.freeTimer);
    tile.freeTimer = null;
    if (tile.phase === 'suspended' && tile.hls) {
      // back on screen: rejoin the live edge rather than play what was buffered when it hid
      tile.phase = 'running';
      tile.lastProgressAt = tile.startedAt = this.options.now();
      tile.hls.startLoad(-1);
      if (tile.hls.liveSyncPosition !== null) tile.video.currentTime = tile.hls.liveSyncPosition;
      void Promise.resolve(tile.video.play()).catch(() => undefined);
    } else if (tile.phase === 'idle') {
      this.enqueue(tile);
    }
  }

  private enqueue(tile: Tile): void {
    tile.phase = 'queued';
    this.queue.push(tile);
    this.pumpQueue();
  }

  private dequeue(tile: Tile): void {
    const index = this.queue.indexOf(tile);
    if (index >= 0) this.queue.splice(index, 1);
    tile.phase = 'idle';
  }

  /** Starts queued players, at most `startsPerBatch` in any `batchIntervalMs` window. */
  private pumpQueue(): void {
    if (this.batchTimer) return;
    const { batchIntervalMs, startsPerBatch } = this.options;
    while (this.queue.length > 0) {
      const now = this.options.now();
      if (now - this.batchStartedAt >= batchIntervalMs) {
        this.batchStartedAt = now;
        this.startsInBatch = 0;
      }
      if (this.startsInBatch >= startsPerBatch) {
        this.batchTimer = setTimeout(() => {
          this.batchTimer = null;
          this.pumpQueue();
        }, this.batchStartedAt + batchIntervalMs - now);
        return;
      }
      this.startsInBatch += 1;
      this.start(this.queue.shift()!);
    }
  }

  private start(tile: Tile): void {
    if (!tile.source) return;
    const hls = this.options.createHls({ ...TILE_HLS_CONFIG });
    tile.hls = hls;
    tile.phase = 'running';
    tile.levels = [];
    tile.lastTime = tile.video.currentTime;
    tile.lastProgressAt = tile.startedAt = this.options.now();
    tile.liveSince = null;
    hls.on(HLS_MANIFEST_PARSED, () => {
      if (tile.hls !== hls) return;
      tile.levels = hls.levels.map((level) => ({ width: level.width, height: level.height }));
      hls.startLevel = this.applyLevelCap(tile);
      hls.startLoad(-1);
      void Promise.resolve(tile.video.play()).catch(() => undefined);
    });
    hls.on(HLS_ERROR, (_event, data) => {
      if (tile.hls !== hls) return;
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
    });
    hls.attachMedia(tile.video);
    hls.loadSource(tile.source.url);
  }

  /** Destroys the tile's player and releases the MSE source; the tile is idle after. */
  private free(tile: Tile): void {
    if (tile.phase === 'queued') this.dequeue(tile);
    if (tile.retryTimer) clearTimeout(tile.retryTimer);
    if (tile.freeTimer) clearTimeout(tile.freeTimer);
    tile.retryTimer = tile.freeTimer = null;
    if (tile.hls) {
      tile.hls.destroy();
      tile.hls = null;
      tile.video.removeAttribute('src');
      tile.video.load();
    }
    tile.phase = 'idle';
    tile.stalledSince = tile.nudgedAt = null;
  }

  /** After a fatal error: drops the player and starts it again after an exponential backoff. */
  private retryLater(tile: Tile, state: TileHealthState): void {
    const { initialMs, maxMs } = this.options.backoff;
    const ownDelay = Math.min(maxMs, initialMs * 2 ** tile.retries);
    tile.retries += 1;
    this.free(tile);
    if (this.getHealth(tile.id).state !== state) this.setHealth(tile.id, { state, secondsBehindLive: null });
    tile.phase = 'retrying';
    const { troubled, active } = this.recoveryLoad();
    const delay = reloadWaitMs(ownDelay, troubled, isUnderPressure(troubled, active, this.options.recoveryPressure), this.options.recoveryPressure);
    tile.retryTimer = setTimeout(() => {
      tile.retryTimer = null;
      tile.phase = 'idle';
      this.reconcile(tile);
    }, delay);
  }

  /**
   * A new player for a stalled (or far behind) tile, at once: the old one may be stuck for good.
   * Each reload waits twice as long as the last, up to the backoff cap, and the player keeps
   * polling in between, so a feed that comes back is picked up without a backoff wait.
   */
  private reloadStalled(tile: Tile): void {
    tile.retries += 1;
    this.free(tile);
    tile.stalledSince = this.options.now();
    this.reconcile(tile);
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

  /** Tiles on screen that should play, and how many of them are stalled, reloading or retrying now. */
  private recoveryLoad(): { troubled: number; active: number } {
    let troubled = 0;
    let active = 0;
    this.tiles.forEach((tile) => {
      if (!tile.source || this.offlineCameras.has(tile.source.cameraId) || !this.visible(tile)) return;
      active += 1;
      if (tile.stalledSince !== null || tile.phase === 'retrying') troubled += 1;
    });
    return { troubled, active };
  }

  private markStalled(tile: Tile): void {
    tile.stalledSince ??= this.options.now();
    tile.liveSince = null;
    this.setHealth(tile.id, { state: 'stalled', secondsBehindLive: this.getHealth(tile.id).secondsBehindLive });
  }

  /** Caps the tile's player to its size (none when enlarged); returns the level it should play. */
  private applyLevelCap(tile: Tile): number {
    const hls = tile.hls;
    if (!hls || tile.levels.length === 0) return -1;
    const dpr = this.options.devicePixelRatio();
    const cap = tile.enlarged ? -1 : chooseLevelForTile(tile.levels, tile.video.clientWidth * dpr, tile.video.clientHeight * dpr);
    hls.autoLevelCapping = cap;
    const target = cap === -1 ? largestLevel(tile.levels) : cap;
    // switch at the next fragment, without waiting for the bandwidth estimate to climb
    hls.nextAutoLevel = target;
    return target;
  }

  // ---- health ----

  private checkHealth(): void {
    const now = this.options.now();
    const { troubled, active } = this.recoveryLoad();
    const pressure = this.options.recoveryPressure;
    const pressured = isUnderPressure(troubled, active, pressure);
    const rebuilds: Tile[] = [];
    this.tiles.forEach((tile) => {
      const hls = tile.hls;
      if (!hls || tile.phase !== 'running') return;
      const time = tile.video.currentTime;
      const ownWait = Math.min(this.options.backoff.maxMs, this.options.reloadStalledAfterMs * 2 ** tile.retries);
      if (time > tile.lastTime + PROGRESS_EPSILON_S) {
        tile.lastTime = time;
        tile.lastProgressAt = now;
        tile.liveSince ??= now;
        if (now - tile.liveSince >= HEALTHY_AFTER_MS) tile.retries = 0;
        // a reloaded frozen feed replays its last few seconds, a confused player lurches: only
        // steady progress ends a stall (and while it advances at all, recovery waits)
        if (this.getHealth(tile.id).state === 'stalled' && now - tile.liveSince < this.options.recoverAfterMs) return;
        tile.stalledSince = tile.nudgedAt = null;
        const behind = hls.latency > 0 ? hls.latency : hls.liveSyncPosition !== null ? hls.liveSyncPosition - time : null;
        // a player left far behind (a feed that jumped ahead after a gap) does not catch up by itself;
        // under pressure it jumps to the edge in place rather than costing the view a new player
        if (behind !== null && behind > this.options.maxSecondsBehindLive) {
          if (!pressured) rebuilds.push(tile);
          else if (tile.nudgedAt === null || now - tile.nudgedAt >= ownWait) this.nudge(tile, now);
          return;
        }
        this.setHealth(tile.id, { state: 'live', secondsBehindLive: behind === null ? null : Math.max(0, Math.round(behind)) });
        return;
      }
      tile.lastTime = time;
      if (tile.video.paused) void Promise.resolve(tile.video.play()).catch(() => undefined);
      // while stalled, a check without progress starts the steady-play clock over
      if (this.getHealth(tile.id).state === 'stalled') tile.liveSince = null;
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

  private setHealth(tileId: string, next: TileHealth): void {
    if (sameHealth(this.getHealth(tileId), next)) return;
    this.health.set(tileId, Object.freeze({ ...next }));
    this.listeners.get(tileId)?.forEach((listener) => listener());
  }
}
