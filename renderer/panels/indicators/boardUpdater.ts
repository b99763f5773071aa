import { thresholdState } from '../../../shared/protocol/indicators';
import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import type { IndicatorValue } from '../../../shared/state/wallState';
import { formatValue } from './formatValue';
import { SampleRing, SPARKLINE_SAMPLES } from './sampleRing';
import { sampleAgeMs, staleSeconds } from './staleness';

/** Where the updater writes: the DOM adapter in the app, a recorder in tests. */
export interface TileSink {
  writeValue(id: string, text: string): void;
  writeSparkline(id: string, ring: SampleRing, state: ThresholdState): void;
  /** Seconds since the newest sample, or null once fresh again. */
  writeStale(id: string, seconds: number | null): void;
}

export interface BoardUpdaterOptions {
  indicators: readonly Indicator[];
  sink: TileSink;
  /** One callback per frame (`requestAnimationFrame` in the app). */
  requestFrame(callback: () => void): unknown;
  /** Milliseconds on the clock samples are stamped against (the player's, for a replay). */
  now(): number;
  /** Called when a threshold state or the attention set changed: the rare event React renders for. */
  onStatesChanged?(snapshot: BoardSnapshot): void;
  capacity?: number;
  /** How long a tile stays in the attention band after it is back to normal (default 60 s). */
  attentionHoldMs?: number;
}

/** What React renders from: a new object only when something in it changed. */
export interface BoardSnapshot {
  states: ReadonlyMap<string, ThresholdState>;
  /**
   * Tiles needing attention: warning or alarm now, or within the hold. The hold keeps a value
   * flapping across its threshold from jumping between bands (and reflowing the board) each second.
   */
  attention: ReadonlySet<string>;
}

export const ATTENTION_HOLD_MS = 60_000;

interface Tile {
  readonly indicator: Indicator;
  readonly ring: SampleRing;
  at: string | null;
  receivedAtMs: number;
  value: number;
  state: ThresholdState;
  /** Wall-clock ms of the last sample past a threshold (-Infinity: never). */
  abnormalAtMs: number;
  visible: boolean;
  /** What the DOM shows now, so a frame writes only what differs (undefined: not known). */
  shownStale: number | null | undefined;
  valueDirty: boolean;
}

export interface BoardUpdaterStats {
  /** Frames that wrote something. */
  frames: number;
  /** Tile writes (value + sparkline) done in those frames. */
  tileWrites: number;
  /** Samples folded into rings. */
  samples: number;
  /** Time spent writing in frames, total and worst (ms). */
  writeMs: number;
  maxWriteMs: number;
}

/**
 * Fast data for one board, outside React: folds each new indicators map into per-tile rings and
 * threshold states, and writes values, sparklines and staleness badges in ONE frame per update,
 * only for tiles on screen. React hears of it only when a threshold state changes.
 */
export class BoardUpdater {
  private readonly tiles = new Map<string, Tile>();
  private readonly dirty = new Set<Tile>();
  private lastValues: Record<string, IndicatorValue> | null = null;
  private frameRequested = false;
  private disposed = false;
  private snapshot: BoardSnapshot;
  readonly stats: BoardUpdaterStats = { frames: 0, tileWrites: 0, samples: 0, writeMs: 0, maxWriteMs: 0 };

  constructor(private readonly options: BoardUpdaterOptions) {
    for (const indicator of options.indicators) {
      this.tiles.set(indicator.id, {
        indicator,
        ring: new SampleRing(options.capacity ?? SPARKLINE_SAMPLES),
        at: null,
        receivedAtMs: 0,
        value: NaN,
        state: 'normal',
        abnormalAtMs: -Infinity,
        visible: false,
        shownStale: null,
        valueDirty: false,
      });
    }
    this.snapshot = this.collectSnapshot(options.now());
  }

  /** Threshold states and the attention set; a new object only when one changed (a stable React snapshot). */
  current(): BoardSnapshot {
    return this.snapshot;
  }

  states(): ReadonlyMap<string, ThresholdState> {
    return this.snapshot.states;
  }

  /** Folds the wall's indicator map; cheap when nothing changed (the store keeps it by reference). */
  ingest(values: Record<string, IndicatorValue>): void {
    if (this.disposed || values === this.lastValues) return;
    this.lastValues = values;
    const now = this.options.now();
    let statesChanged = false;
    for (const tile of this.tiles.values()) {
      const sample = values[tile.indicator.id];
      if (!sample || sample.at === tile.at) continue;
      tile.at = sample.at;
      tile.receivedAtMs = now;
      tile.value = sample.value;
      tile.ring.push(sample.value);
      this.stats.samples += 1;
      const state = thresholdState(sample.value, tile.indicator.thresholds);
      if (state !== 'normal') tile.abnormalAtMs = now;
      if (state !== tile.state) {
        tile.state = state;
        statesChanged = true;
      }
      if (tile.visible) this.markDirty(tile);
    }
    if (statesChanged) this.publish(now);
  }

  /** From the IntersectionObserver: only tiles on screen are drawn; one coming into view is brought up to date. */
  setVisible(id: string, visible: boolean): void {
    const tile = this.tiles.get(id);
    if (!tile || tile.visible === visible) return;
    tile.visible = visible;
    if (visible) {
      tile.shownStale = undefined; // the node may be new: write its badge either way
      this.markDirty(tile);
    }
  }

  /** Re-checks staleness of visible tiles and expires attention holds (call every second: a stopped stream sends no updates). */
  tickStaleness(): void {
    if (this.disposed) return;
    const now = this.options.now();
    const hold = this.options.attentionHoldMs ?? ATTENTION_HOLD_MS;
    for (const id of this.snapshot.attention) {
      const tile = this.tiles.get(id);
      if (tile && tile.state === 'normal' && now - tile.abnormalAtMs > hold) {
        this.publish(now);
        break;
      }
    }
    for (const tile of this.tiles.values()) {
      if (tile.visible && tile.at !== null && this.staleOf(tile, now) !== tile.shownStale) this.markStaleDirty(tile);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.dirty.clear();
  }

  private markDirty(tile: Tile): void {
    tile.valueDirty = true;
    this.markStaleDirty(tile);
  }

  private markStaleDirty(tile: Tile): void {
    this.dirty.add(tile);
    if (!this.frameRequested) {
      this.frameRequested = true;
      this.options.requestFrame(() => this.flush());
    }
  }

  /** The frame: writes only, never reads layout. */
  private flush(): void {
    this.frameRequested = false;
    if (this.disposed || this.dirty.size === 0) return;
    const { sink } = this.options;
    const now = this.options.now();
    const started = performance.now();
    this.stats.frames += 1;
    for (const tile of this.dirty) {
      if (!tile.visible) continue;
      const id = tile.indicator.id;
      if (tile.valueDirty && tile.at !== null) {
        sink.writeValue(id, formatValue(tile.value));
        sink.writeSparkline(id, tile.ring, tile.state);
        this.stats.tileWrites += 1;
      }
      tile.valueDirty = false;
      const stale = tile.at === null ? null : this.staleOf(tile, now);
      if (stale !== tile.shownStale) {
        sink.writeStale(id, stale);
        tile.shownStale = stale;
      }
    }
    this.dirty.clear();
    const took = performance.now() - started;
    this.stats.writeMs += took;
    this.stats.maxWriteMs = Math.max(this.stats.maxWriteMs, took);
  }

  private staleOf(tile: Tile, now: number): number | null {
    return staleSeconds(sampleAgeMs(tile.at as string, tile.receivedAtMs, now));
  }

  private publish(now: number): void {
    this.snapshot = this.collectSnapshot(now);
    this.options.onStatesChanged?.(this.snapshot);
  }

  private collectSnapshot(now: number): BoardSnapshot {
    const hold = this.options.attentionHoldMs ?? ATTENTION_HOLD_MS;
    const states = new Map<string, ThresholdState>();
    const attention = new Set<string>();
    for (const [id, tile] of this.tiles) {
      states.set(id, tile.state);
      if (tile.state !== 'normal' || now - tile.abnormalAtMs <= hold) attention.add(id);
    }
    return { states, attention };
  }
}
