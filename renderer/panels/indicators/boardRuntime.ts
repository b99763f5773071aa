import type { Indicator } from '../../../shared/protocol/indicators';
import type { WallStoreApi } from '../../stores/wallStore';
import { BoardUpdater, type BoardSnapshot } from './boardUpdater';
import { DomTileSink, type TileNodes } from './domTileSink';

/** Boards currently started (the benchmark reads their updaters' statistics). */
export const activeBoards = new Set<BoardRuntime>();

/** Milliseconds on the wall's clock: the replay clock in a replay, else this machine's. */
export function wallClockOf(store: WallStoreApi): () => number {
  return () => {
    const player = store.getState().player;
    return player?.kind === 'replay' ? Date.parse(player.currentTime) : Date.now();
  };
}

/**
 * One board's engine, built per indicator set: the updater, its DOM sink, and the observers that
 * feed it (store subscription, IntersectionObserver, the 1 s staleness tick). `start()` wires
 * them and returns the unwiring, so React's effects (run twice under StrictMode) can own it.
 */
export class BoardRuntime {
  readonly updater: BoardUpdater;
  private readonly sink: DomTileSink;
  private readonly roots = new Map<string, HTMLElement>();
  private readonly listeners = new Set<() => void>();
  private observer: IntersectionObserver | null = null;

  constructor(
    indicators: readonly Indicator[],
    private readonly store: WallStoreApi,
    staleLabel: (seconds: number) => string,
  ) {
    this.sink = new DomTileSink(staleLabel);
    this.updater = new BoardUpdater({
      indicators,
      sink: this.sink,
      requestFrame: (callback) => requestAnimationFrame(callback),
      now: wallClockOf(store),
      onStatesChanged: () => this.listeners.forEach((listener) => listener()),
    });
  }

  /** For `useSyncExternalStore`: states and attention, a new object only when one changed. */
  readonly getSnapshot = (): BoardSnapshot => this.updater.current();
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A tile's ref callback: its nodes join the sink and the observer; the returned cleanup leaves. */
  mountTile(id: string, nodes: TileNodes): () => void {
    this.sink.attach(id, nodes);
    this.roots.set(id, nodes.root);
    this.observer?.observe(nodes.root);
    return () => {
      this.observer?.unobserve(nodes.root);
      this.sink.detach(id, nodes.root);
      if (this.roots.get(id) === nodes.root) {
        this.roots.delete(id);
        this.updater.setVisible(id, false);
      }
    };
  }

  start(): () => void {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.indicatorId;
        if (id !== undefined && this.roots.get(id) === entry.target) this.updater.setVisible(id, entry.isIntersecting);
      }
    });
    this.observer = observer;
    for (const root of this.roots.values()) observer.observe(root);
    this.updater.ingest(this.store.getState().wall.indicators);
    const unsubscribe = this.store.subscribe((state, previous) => {
      if (state.wall.indicators !== previous.wall.indicators) this.updater.ingest(state.wall.indicators);
    });
    const staleness = setInterval(() => this.updater.tickStaleness(), 1000);
    activeBoards.add(this);
    return () => {
      activeBoards.delete(this);
      clearInterval(staleness);
      unsubscribe();
      observer.disconnect();
      this.observer = null;
      for (const id of this.roots.keys()) this.updater.setVisible(id, false);
    };
  }
}
