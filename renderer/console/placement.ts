import { create } from 'zustand';
import type { WallBridge } from '../../shared/view/bridge';
import type { LayoutState } from '../../shared/wall/layoutState';
import { panelForCell } from './palette';
import type { WallItem } from './wallItem';

/** Where an item lands: a cell, and for a camera the slot of the camera cell (0-based). */
export interface DropTarget {
  cellId: string;
  slot?: number;
}

/** Whether `item` may land on `target` of this layout: cameras go into camera cells only. */
export function accepts(state: Pick<LayoutState, 'layout'>, item: Pick<WallItem, 'type'>, target: DropTarget): boolean {
  const cell = state.layout.cells.find((c) => c.id === target.cellId);
  if (!cell) return false;
  return item.type === 'panel' || cell.panel.kind === 'cameras';
}

/**
 * Puts the item on the wall through main: a panel replaces the cell's panel (a camera grid on
 * a camera cell keeps its cameras), a camera goes into the slot. Main checks control and
 * answers `conflict` when another desk holds a display the cell shows on.
 */
export async function placeItem(bridge: WallBridge, state: Pick<LayoutState, 'layout'>, item: WallItem, target: DropTarget): Promise<LayoutState> {
  const cell = state.layout.cells.find((c) => c.id === target.cellId);
  if (item.type === 'panel') return bridge.setCell(target.cellId, panelForCell(item.entry.panel, cell));
  return bridge.placeCamera(target.cellId, item.cameraId, target.slot);
}

export interface Announcement {
  text: string;
  kind: 'info' | 'error';
  /** Grows with every message, so the same words said twice are announced twice. */
  seq: number;
  /** A refusal is about who held what: it is shown only while control is still at this revision. */
  whileControl?: number;
}

/**
 * The keyboard path of every drag: an item picked (Enter/Space on it) waits here until Enter on
 * a cell or slot places it, or Escape drops it. Announcements go to one live region.
 */
export interface PlacementStore {
  picked: WallItem | null;
  /** The element the item was picked from: focus goes back there on Escape. */
  pickedFrom: HTMLElement | null;
  announcement: Announcement | null;
  pick(item: WallItem, from: HTMLElement | null): void;
  /** Forgets the picked item; returns the element it came from. */
  release(): HTMLElement | null;
  announce(text: string, kind?: Announcement['kind'], whileControl?: number): void;
}

export const usePlacement = create<PlacementStore>()((set, get) => ({
  picked: null,
  pickedFrom: null,
  announcement: null,
  pick: (item, from) => set({ picked: item, pickedFrom: from }),
  release: () => {
    const from = get().pickedFrom;
    set({ picked: null, pickedFrom: null });
    return from;
  },
  announce: (text, kind = 'info', whileControl) =>
    set((s) => ({ announcement: { text, kind, seq: (s.announcement?.seq ?? 0) + 1, ...(whileControl !== undefined ? { whileControl } : {}) } })),
}));

/** Drops the picked item (Escape, or the cancel button), says so, and puts focus back where it came from. */
export function cancelPick(message: string): void {
  const placement = usePlacement.getState();
  if (!placement.picked) return;
  const from = placement.release();
  placement.announce(message);
  from?.focus();
}
