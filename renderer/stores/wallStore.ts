import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { WallState } from '../../shared/state/wallState';
import type { SessionUser } from '../../shared/protocol/auth';
import type { UnitRef } from '../../shared/protocol/units';
import type { ControlState, DisplayThumbnail, LayoutState, LinkStatus, OutboxItem, PlayerInfo, PlayerUpdate, ViewHello, ViewRole } from '../../shared/view/viewChannel';
import type { TransportStatus } from '../bridge/webSocketBridge';

/*
 * One store, one slice per domain. Components select single values (`useWallStore(selectX)`);
 * fast data such as indicator values is read with `useWallStore.getState()` / `subscribe` by the
 * panels that draw it, never through React renders.
 */

/** The folded event stream and the player clock it came with. */
export interface WallSlice {
  wall: WallState;
  player: PlayerInfo | null;
  /** Pushes from main that failed validation (logged, then resynced). */
  rejectedUpdates: number;
  applyPlayerUpdate(update: PlayerUpdate): void;
  countRejectedUpdate(): void;
}

export interface LinkSlice {
  /** Main's link to the hub. */
  link: LinkStatus | null;
  /** This view's own socket to main (browser shell only; null under Electron IPC). */
  transport: TransportStatus | null;
  setLink(link: LinkStatus): void;
  setTransport(transport: TransportStatus): void;
}

export interface OutboxSlice {
  outbox: OutboxItem[];
  setOutbox(items: OutboxItem[]): void;
  upsertOutboxItem(item: OutboxItem): void;
}

export interface Session {
  viewId: string;
  role: ViewRole;
  displayId: string;
  user: SessionUser | null;
  unit: UnitRef | null;
  hubUrl: string;
  /** A console's desk name as main knows it (other desks see it in control and handover). */
  desk: string | null;
}

export interface SessionSlice {
  session: Session | null;
  /** True once the first hello is applied: everything needed to draw is here. */
  ready: boolean;
  applyHello(hello: ViewHello): void;
}

export interface UnitNameSlice {
  /** Unit code → display name, filled lazily by `connectUnitNames`. */
  unitNames: Record<string, string>;
  rememberUnitName(code: string, name: string): void;
}

/** The wall's layout and canvas, as main last said (null: no layout service, show the overview). */
export interface LayoutSlice {
  layout: LayoutState | null;
  /** Takes a pushed layout unless it is older than the one shown (pushes can cross a hello). */
  setLayout(state: LayoutState): void;
}

/** Who controls each wall display (null: no layout service, nobody can hold anything). */
export interface ControlSlice {
  control: ControlState | null;
  /** Takes a pushed control state unless it is older than the one shown. */
  setControl(state: ControlState): void;
}

/** The latest picture of each wall display (consoles), by display id. */
export interface ThumbnailSlice {
  thumbnails: Record<string, DisplayThumbnail>;
  /** Keeps the newer of the shown and the pushed picture of its display. */
  setThumbnail(thumbnail: DisplayThumbnail): void;
}

export type WallStore = WallSlice & LinkSlice & OutboxSlice & SessionSlice & UnitNameSlice & LayoutSlice & ControlSlice & ThumbnailSlice;
type Slice<T> = StateCreator<WallStore, [], [], T>;

const createWallSlice: Slice<WallSlice> = (set) => ({
  wall: emptyWallState(),
  player: null,
  rejectedUpdates: 0,
  applyPlayerUpdate: (update) =>
    set((s) => ({
      wall: reduceEvents(update.reset ?? s.wall, update.events),
      player: s.player
        ? { ...s.player, currentTime: update.currentTime, speed: update.speed, seekGeneration: update.seekGeneration }
        : s.player,
    })),
  countRejectedUpdate: () => set((s) => ({ rejectedUpdates: s.rejectedUpdates + 1 })),
});

const createLinkSlice: Slice<LinkSlice> = (set) => ({
  link: null,
  transport: null,
  setLink: (link) => set({ link }),
  setTransport: (transport) => set({ transport }),
});

const createOutboxSlice: Slice<OutboxSlice> = (set) => ({
  outbox: [],
  setOutbox: (items) => set({ outbox: sortOutbox(items) }),
  upsertOutboxItem: (item) =>
    set((s) => ({ outbox: sortOutbox([...s.outbox.filter((i) => i.id !== item.id), item]) })),
});

const createSessionSlice: Slice<SessionSlice> = (set) => ({
  session: null,
  ready: false,
  applyHello: (hello) =>
    set({
      session: {
        viewId: hello.viewId,
        role: hello.role,
        displayId: hello.displayId,
        user: hello.user,
        unit: hello.unit,
        hubUrl: hello.hubUrl,
        desk: hello.desk ?? null,
      },
      wall: hello.state,
      player: hello.player,
      link: hello.link,
      outbox: sortOutbox(hello.outbox),
      layout: hello.layout ?? null,
      control: hello.control ?? null,
      ready: true,
    }),
});

const createUnitNameSlice: Slice<UnitNameSlice> = (set) => ({
  unitNames: {},
  rememberUnitName: (code, name) => set((s) => ({ unitNames: { ...s.unitNames, [code]: name } })),
});

const createLayoutSlice: Slice<LayoutSlice> = (set) => ({
  layout: null,
  setLayout: (state) => set((s) => (s.layout && state.revision < s.layout.revision ? s : { layout: state })),
});

const createControlSlice: Slice<ControlSlice> = (set) => ({
  control: null,
  setControl: (state) => set((s) => (s.control && state.revision < s.control.revision ? s : { control: state })),
});

const createThumbnailSlice: Slice<ThumbnailSlice> = (set) => ({
  thumbnails: {},
  setThumbnail: (thumbnail) =>
    set((s) => {
      const shown = s.thumbnails[thumbnail.displayId];
      if (shown && Date.parse(shown.at) > Date.parse(thumbnail.at)) return s;
      return { thumbnails: { ...s.thumbnails, [thumbnail.displayId]: thumbnail } };
    }),
});

function sortOutbox(items: OutboxItem[]): OutboxItem[] {
  return [...items].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export const wallStoreInitializer: Slice<WallStore> = (...a) => ({
  ...createWallSlice(...a),
  ...createLinkSlice(...a),
  ...createOutboxSlice(...a),
  ...createSessionSlice(...a),
  ...createUnitNameSlice(...a),
  ...createLayoutSlice(...a),
  ...createControlSlice(...a),
  ...createThumbnailSlice(...a),
});

/** The window's store. Tests build their own with `createStore(wallStoreInitializer)`. */
export const useWallStore = create<WallStore>()(wallStoreInitializer);

/** What the connector and helpers need of a store: the vanilla API, so tests run without React. */
export interface WallStoreApi {
  getState(): WallStore;
  subscribe(listener: (state: WallStore, previous: WallStore) => void): () => void;
}
