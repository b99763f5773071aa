// The wall state at any instant, fast: a live state folded from every delivered event, plus a
// checkpoint of it in the database whenever the events since the last one would cost about
// `checkpointEvery` units to fold (an event is 1 unit, plus 1 per 20 indicator samples it carries,
// so the simulator's second-by-second 1,500-sample batches checkpoint about once a minute).
// A snapshot at time T starts from the last checkpoint at or before T's seq and folds the rest.
import { isInSubtree, CITY_CODE } from '../../shared/domain/units';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import type { Store } from '../store/store';
import type { CatalogUnits, EventScope } from './eventScope';

const FOLD_PAGE = 2000;

export class Snapshots {
  private live: WallState = emptyWallState();
  private sinceCheckpoint = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly scope: EventScope,
    private readonly catalog: CatalogUnits,
    private readonly checkpointEvery = 5000,
  ) {}

  /** Rebuilds the live state from the latest checkpoint and the events after it. */
  async load(upTo: number): Promise<void> {
    this.live = await this.stateAtSeq(upTo);
  }

  /** The whole state as of the last delivered event. */
  get current(): WallState {
    return this.live;
  }

  /** Feed listener: folds delivered events and checkpoints now and then. */
  readonly onEvents = (events: Parameters<typeof reduceEvents>[1]): void => {
    const fresh = events.filter((e) => e.seq > this.live.seq);
    this.live = reduceEvents(this.live, fresh);
    for (const e of fresh) this.sinceCheckpoint += 1 + (e.type === 'indicator.samples' ? e.samples.length / 20 : 0);
    if (this.sinceCheckpoint >= this.checkpointEvery) {
      this.sinceCheckpoint = 0;
      const state = this.live;
      const tsMs = state.time ? Date.parse(state.time) : 0;
      this.writing = this.writing.then(() => this.store.putCheckpoint(state.seq, tsMs, JSON.stringify(state)).catch(() => undefined));
    }
  };

  /** The whole (unscoped) state at `atMs`. */
  async stateAt(atMs: number): Promise<WallState> {
    const seq = await this.store.lastSeqAt(atMs);
    return this.stateAtSeq(seq);
  }

  /** `state` as `unit` may see it. */
  scoped(state: WallState, unit: string): WallState {
    if (unit === CITY_CODE) return state;
    const incidents = Object.fromEntries(Object.entries(state.incidents).filter(([, i]) => i.units.includes(unit)));
    const tasks = Object.fromEntries(Object.entries(state.tasks).filter(([id, t]) => this.scope.taskVisibleTo(id, t.incidentId, unit)));
    const indicators = Object.fromEntries(Object.entries(state.indicators).filter(([id]) => isInSubtree(this.catalog.indicatorUnit(id) ?? CITY_CODE, unit)));
    const cameras = Object.fromEntries(Object.entries(state.cameras).filter(([id]) => isInSubtree(this.catalog.cameraUnit(id) ?? CITY_CODE, unit)));
    return { ...state, incidents, tasks, indicators, cameras };
  }

  async flush(): Promise<void> {
    await this.writing;
  }

  private async stateAtSeq(seq: number): Promise<WallState> {
    if (seq === this.live.seq) return this.live;
    let state = emptyWallState();
    const checkpoint = await this.store.checkpointAtOrBefore(seq);
    if (checkpoint) state = JSON.parse(checkpoint.state) as WallState;
    if (this.live.seq > state.seq && this.live.seq <= seq) state = this.live;
    for (;;) {
      const page = await this.store.eventsAfter(state.seq, FOLD_PAGE, seq);
      if (page.length === 0) break;
      const next = reduceEvents(state, page.map((s) => s.event));
      // reduceEvents keeps seq at the last folded event: advance past events it had nothing to fold
      state = { ...next, seq: page[page.length - 1]!.event.seq };
      if (page.length < FOLD_PAGE) break;
    }
    return state;
  }
}
