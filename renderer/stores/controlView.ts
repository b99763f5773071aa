import type { ControlState, DisplayControl } from '../../shared/wall/control';

/* Pure readings of the control state from one console's side (its view id). */

export type Holding = 'free' | 'mine' | 'other';

export function holdingOf(display: DisplayControl, viewId: string | undefined): Holding {
  if (display.holder === null) return 'free';
  return display.holder.viewId === viewId ? 'mine' : 'other';
}

/** The displays this console holds. */
export function heldByMe(state: ControlState | null, viewId: string | undefined): string[] {
  return (state?.displays ?? []).filter((d) => holdingOf(d, viewId) === 'mine').map((d) => d.displayId);
}

/** The displays nobody holds. */
export function freeDisplays(state: ControlState | null): string[] {
  return (state?.displays ?? []).filter((d) => d.holder === null).map((d) => d.displayId);
}

export interface IncomingRequest {
  /** The requesting console. */
  viewId: string;
  desk: string;
  displayIds: string[];
  /** The earliest time one of them is granted by itself. */
  grantsAt: string;
}

/** Handover requests on displays this console holds, one entry per requesting desk. */
export function requestsToMe(state: ControlState | null, viewId: string | undefined): IncomingRequest[] {
  const byRequester = new Map<string, IncomingRequest>();
  for (const display of state?.displays ?? []) {
    if (holdingOf(display, viewId) !== 'mine' || display.request === null) continue;
    const { request } = display;
    const entry = byRequester.get(request.viewId);
    if (!entry) byRequester.set(request.viewId, { viewId: request.viewId, desk: request.desk, displayIds: [display.displayId], grantsAt: request.grantsAt });
    else {
      entry.displayIds.push(display.displayId);
      if (Date.parse(request.grantsAt) < Date.parse(entry.grantsAt)) entry.grantsAt = request.grantsAt;
    }
  }
  return [...byRequester.values()];
}

/** Whole seconds left until an ISO time (0 once it passed). */
export function secondsUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}
