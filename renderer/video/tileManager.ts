import { type HlsFactory, type TileHlsConfig, type TileVideo, HLS_ERROR, HLS_MANIFEST_PARSED, TILE_HLS_CONFIG } from './hlsPlayer';
import { chooseLevelForTile, largestLevel } from './levelCap';
import { DEFAULT_RECOVERY_PRESSURE } from './recoveryPolicy';
import { type Tile, type TileSource, newTile } from './tile';
import { LOADING_HEALTH, type TileHealth, sameHealth } from './tileHealth';
import { type TileRecoveryOptions, TileRecovery } from './tileRecovery';

export type { TileSource } from './tile';

export interface TileManagerOptions extends Partial<TileRecoveryOptions> {
  createHls: HlsFactory;
  /** Overrides of `TILE_HLS_CONFIG` (the benchmark's lever variants). */
  hlsConfig?: Partial<TileHlsConfig>;
  devicePixelRatio?: () => number;
  /** Start-up is staggered: at most this many new players… */
  startsPerBatch?: number;
  /** …per this interval. */
  batchIntervalMs?: number;
  /** How often playback is checked and health pushed (at most this often per tile). */
  healthIntervalMs?: number;
  /** A hidden tile is paused at once and freed after this long. */
  freeHiddenAfterMs?: number;
  /** Calls back with whether the element is on screen; returns the unobserve function. */
  observeVisibility?: (video: TileVideo, onChange: (visible: boolean) => void) => () => void;
  /** Whether the whole page is hidden (`document.visibilityState`). */
  page?: { isHidden(): boolean; onChange(listener: () => void): () => void };
}

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
  private readonly options: Required<Omit<TileManagerOptions, 'observeVisibility' | 'page' | 'hlsConfig'>> & Pick<TileManagerOptions, 'observeVisibility' | 'page' | 'hlsConfig'>;
  private readonly recovery: TileRecovery;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private batchStartedAt = -Infinity;
  private startsInBatch = 0;
  private healthTimer: ReturnType<typeof setInterval> | null = null;
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
    this.recovery = new TileRecovery(this.options, {
      tiles: this.tiles,
      shouldPlay: (tile) => tile.source !== null && !this.offlineCameras.has(tile.source.cameraId) && this.visible(tile),
      getHealth: (tileId) => this.getHealth(tileId),
      setHealth: (tileId, health) => this.setHealth(tileId, health),
      free: (tile) => this.free(tile),
      reconcile: (tile) => this.reconcile(tile),
    });
    this.offPage = options.page?.onChange(() => this.tiles.forEach((tile) => this.reconcile(tile))) ?? (() => undefined);
  }

  attach(tileId: string, video: TileVideo, source: TileSource | null = null): void {
    this.detach(tileId);
    const tile = newTile(tileId, video, source);
    this.tiles.set(tileId, tile);
    tile.unobserve = this.options.observeVisibility?.(video, (visible) => {
      tile.onScreen = visible;
      this.reconcile(tile);
    }) ?? (() => undefined);
    this.healthTimer ??= setInterval(() => this.recovery.check(), this.options.healthIntervalMs);
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

  /** Players alive now, the level cap and seconds behind live of each (for tests, benchmarks and devtools). */
  stats(): { tiles: number; players: number; queued: number; recovering: number; caps: Record<string, number>; secondsBehindLive: Record<string, number | null> } {
    const caps: Record<string, number> = {};
    const secondsBehindLive: Record<string, number | null> = {};
    this.tiles.forEach((tile) => {
      if (!tile.hls) return;
      caps[tile.id] = tile.hls.autoLevelCapping;
      secondsBehindLive[tile.id] = this.recovery.secondsBehindLive(tile);
    });
    return { tiles: this.tiles.size, players: Object.keys(caps).length, queued: this.queue.length, recovering: this.recovery.load().troubled, caps, secondsBehindLive };
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
    const hls = this.options.createHls({ ...TILE_HLS_CONFIG, ...this.options.hlsConfig });
    tile.hls = hls;
    tile.phase = 'running';
    tile.levels = [];
    this.recovery.started(tile);
    hls.on(HLS_MANIFEST_PARSED, () => {
      if (tile.hls !== hls) return;
      tile.levels = hls.levels.map((level) => ({ width: level.width, height: level.height }));
      hls.startLevel = this.applyLevelCap(tile);
      hls.startLoad(-1);
      void Promise.resolve(tile.video.play()).catch(() => undefined);
    });
    hls.on(HLS_ERROR, (_event, data) => {
      if (tile.hls === hls) this.recovery.onError(tile, data);
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

  private setHealth(tileId: string, next: TileHealth): void {
    if (sameHealth(this.getHealth(tileId), next)) return;
    this.health.set(tileId, Object.freeze({ ...next }));
    this.listeners.get(tileId)?.forEach((listener) => listener());
  }
}
