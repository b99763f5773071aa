import {
  CONTROL_RELEASE_AFTER_DETACH_SECONDS,
  HANDOVER_GRANT_SECONDS,
  heldByOthers,
  type ControlHolder,
  type ControlState,
  type DisplayControl,
  type HandoverRequest,
} from '../../../shared/wall/control';
import { CoreError } from '../coreError';
import { silentLogger, type Logger } from '../logger';
import { realClock, type ReplayClock } from '../replayPlayer';

/** Why control changed: what the journal records beside the new state. */
export interface ControlChange {
  what: 'take' | 'release' | 'request' | 'grant' | 'keep' | 'auto-grant' | 'detach-expired' | 'displays';
  displayIds: string[];
  /** The console that acted (absent for the clock and the displays). */
  viewId?: string;
  desk?: string;
}

export interface ControlLocksOptions {
  /** `now` stamps holders and requests; `setTimeout` runs handover and detach timeouts. */
  clock?: ReplayClock;
  onChange?: (state: ControlState, change: ControlChange) => void;
  logger?: Logger;
}

/** Who is asking: the console's view id and the desk name others see. */
export interface Desk {
  viewId: string;
  desk: string;
}

interface Entry {
  holder: ControlHolder | null;
  request: HandoverRequest | null;
  /** Cancels the request's self-grant. */
  cancelGrant: (() => void) | null;
}

/**
 * Who controls each display of the wall canvas. A console takes free displays; another desk asks
 * for a handover, which the holder grants or keeps, and which grants itself after
 * HANDOVER_GRANT_SECONDS. A holder whose view goes away keeps its displays for
 * CONTROL_RELEASE_AFTER_DETACH_SECONDS (a reload says hello again sooner). Every change gets a
 * new revision and is reported through `onChange`.
 */
export class ControlLocks {
  private readonly displays = new Map<string, Entry>();
  private revision = 0;
  private readonly detached = new Map<string, () => void>();
  private readonly clock: ReplayClock;
  private readonly logger: Logger;

  constructor(
    displayIds: readonly string[],
    private readonly options: ControlLocksOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.logger = (options.logger ?? silentLogger).child({ component: 'control' });
    for (const id of displayIds) this.displays.set(id, freeEntry());
  }

  state(): ControlState {
    return {
      revision: this.revision,
      displays: [...this.displays].map(([displayId, e]): DisplayControl => ({ displayId, holder: e.holder, request: e.request })),
    };
  }

  /** Takes displays nobody else holds: all of them or none (`conflict` naming the holder's desk). */
  take(who: Desk, displayIds: readonly string[]): ControlState {
    const entries = this.known(displayIds);
    const held = this.heldByOthers(who.viewId, displayIds);
    if (held.length > 0) throw controlConflict(held);
    const taking = entries.filter(([, e]) => e.holder === null);
    if (taking.length === 0) return this.state();
    for (const [, e] of taking) e.holder = this.holder(who);
    return this.changed({ what: 'take', displayIds: taking.map(([id]) => id), ...who });
  }

  /** Lets go of the caller's displays among these; one with a handover request goes to the desk that asked. */
  release(who: Desk, displayIds: readonly string[]): ControlState {
    const releasing = this.known(displayIds).filter(([, e]) => e.holder?.viewId === who.viewId);
    if (releasing.length === 0) return this.state();
    for (const [, e] of releasing) this.letGo(e);
    return this.changed({ what: 'release', displayIds: releasing.map(([id]) => id), ...who });
  }

  /**
   * Asks the holders of these displays to hand them over; free ones are taken at once, the
   * caller's own are left as they are. `conflict` when another desk already asked for one.
   */
  request(who: Desk, displayIds: readonly string[]): ControlState {
    const entries = this.known(displayIds);
    const asked = entries.find(([, e]) => e.request !== null && e.request.viewId !== who.viewId && e.holder?.viewId !== who.viewId);
    if (asked) throw new CoreError('conflict', `display ${asked[0]}: ${asked[1].request!.desk} has already asked for it`, 'displayIds');
    const free = entries.filter(([, e]) => e.holder === null);
    const asking = entries.filter(([, e]) => e.holder !== null && e.holder.viewId !== who.viewId && e.request === null);
    if (free.length === 0 && asking.length === 0) return this.state();
    for (const [, e] of free) e.holder = this.holder(who);
    const at = this.clock.now();
    for (const [id, e] of asking) {
      e.request = { ...who, at: iso(at), grantsAt: iso(at + HANDOVER_GRANT_SECONDS * 1000) };
      e.cancelGrant = this.clock.setTimeout(() => this.grantUnanswered(id), HANDOVER_GRANT_SECONDS * 1000);
    }
    const what = asking.length > 0 ? 'request' : 'take';
    return this.changed({ what, displayIds: [...free, ...asking].map(([id]) => id), ...who });
  }

  /** The holder's answer to every request on its displays: grant hands them over, keep clears the requests. */
  answer(who: Desk, grant: boolean): ControlState {
    const pending = [...this.displays].filter(([, e]) => e.holder?.viewId === who.viewId && e.request !== null);
    if (pending.length === 0) return this.state();
    for (const [, e] of pending) {
      if (grant) this.handOver(e);
      else this.clearRequest(e);
    }
    return this.changed({ what: grant ? 'grant' : 'keep', displayIds: pending.map(([id]) => id), ...who });
  }

  /** The displays of `displayIds` held by a console other than `viewId`. */
  heldByOthers(viewId: string, displayIds: readonly string[]): DisplayControl[] {
    return heldByOthers(this.state(), viewId, displayIds);
  }

  /** A view went away: what it holds is freed after the grace period unless it says hello again. */
  viewDetached(viewId: string): void {
    if (this.detached.has(viewId) || !this.involves(viewId)) return;
    const cancel = this.clock.setTimeout(() => this.expireDetached(viewId), CONTROL_RELEASE_AFTER_DETACH_SECONDS * 1000);
    this.detached.set(viewId, cancel);
    this.logger.info('holder detached; displays kept for now', { viewId, seconds: CONTROL_RELEASE_AFTER_DETACH_SECONDS });
  }

  /** A view said hello (again): a reload keeps its displays. */
  viewReturned(viewId: string): void {
    const cancel = this.detached.get(viewId);
    if (!cancel) return;
    cancel();
    this.detached.delete(viewId);
  }

  /** The canvas changed (hot-plug): displays gone are dropped with their holders and requests, new ones start free. */
  setDisplays(displayIds: readonly string[]): ControlState {
    const next = new Set(displayIds);
    const removed = [...this.displays.keys()].filter((id) => !next.has(id));
    const added = displayIds.filter((id) => !this.displays.has(id));
    if (removed.length === 0 && added.length === 0) return this.state();
    const entries = new Map<string, Entry>();
    for (const id of removed) this.displays.get(id)!.cancelGrant?.();
    for (const id of displayIds) entries.set(id, this.displays.get(id) ?? freeEntry());
    this.displays.clear();
    for (const [id, e] of entries) this.displays.set(id, e);
    return this.changed({ what: 'displays', displayIds: [...removed, ...added] });
  }

  /** Cancels every timer (the core stopping). */
  dispose(): void {
    for (const e of this.displays.values()) e.cancelGrant?.();
    for (const cancel of this.detached.values()) cancel();
    this.detached.clear();
  }

  private known(displayIds: readonly string[]): [string, Entry][] {
    return [...new Set(displayIds)].map((id) => {
      const entry = this.displays.get(id);
      if (!entry) throw new CoreError('not_found', `displayIds: no display "${id}" on the wall (displays: ${[...this.displays.keys()].join(', ')})`, 'displayIds');
      return [id, entry];
    });
  }

  private holder(who: Desk): ControlHolder {
    return { viewId: who.viewId, desk: who.desk, since: iso(this.clock.now()) };
  }

  private grantUnanswered(displayId: string): void {
    const entry = this.displays.get(displayId);
    if (!entry?.request) return;
    entry.cancelGrant = null; // this timer has fired
    const { viewId, desk } = entry.request;
    this.handOver(entry);
    this.logger.info('handover granted unanswered', { displayId, to: desk });
    this.changed({ what: 'auto-grant', displayIds: [displayId], viewId, desk });
  }

  private expireDetached(viewId: string): void {
    this.detached.delete(viewId);
    const touched: string[] = [];
    for (const [id, e] of this.displays) {
      if (e.holder?.viewId === viewId) {
        this.letGo(e);
        touched.push(id);
      } else if (e.request?.viewId === viewId) {
        this.clearRequest(e);
        touched.push(id);
      }
    }
    if (touched.length > 0) this.changed({ what: 'detach-expired', displayIds: touched, viewId });
  }

  private involves(viewId: string): boolean {
    return [...this.displays.values()].some((e) => e.holder?.viewId === viewId || e.request?.viewId === viewId);
  }

  /** Frees a display, or hands it to the desk waiting for it. */
  private letGo(entry: Entry): void {
    if (entry.request) this.handOver(entry);
    else entry.holder = null;
  }

  private handOver(entry: Entry): void {
    const request = entry.request!;
    this.clearRequest(entry);
    entry.holder = this.holder({ viewId: request.viewId, desk: request.desk });
  }

  private clearRequest(entry: Entry): void {
    entry.cancelGrant?.();
    entry.cancelGrant = null;
    entry.request = null;
  }

  private changed(change: ControlChange): ControlState {
    this.revision += 1;
    const state = this.state();
    this.logger.info('control changed', { ...change, revision: this.revision });
    this.options.onChange?.(state, change);
    return state;
  }
}

function freeEntry(): Entry {
  return { holder: null, request: null, cancelGrant: null };
}

/** `conflict` naming each display another desk holds and that desk: what a refused console shows. */
export function controlConflict(held: readonly DisplayControl[]): CoreError {
  const named = held.map(({ displayId, holder }) => `display ${displayId} is controlled by ${holder?.desk ?? 'nobody'}`).join('; ');
  return new CoreError('conflict', named, 'displayIds');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
