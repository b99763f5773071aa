import type { Command } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import type { WallBridge } from '../../shared/view/bridge';
import type { ControlState, DisplayThumbnail, HubQuery, LayoutExport, LayoutState, LinkStatus, OutboxItem, PlayerControl, PlayerInfo, PlayerUpdate, ViewHello } from '../../shared/view/viewChannel';
import type { PanelSpec } from '../../shared/wall/panels';
import type { DispatchProposal } from '../../shared/protocol/dispatch';
import type { Unit } from '../../shared/protocol/units';
import type { BuildingList, UnitArea } from '../../shared/protocol/map';
import { emptyWallState } from '../../shared/state/wallState';
import type { WallState } from '../../shared/state/wallState';

/** A `WallBridge` driven by hand: tests push updates and read what the view sent back. */
export class FakeBridge implements WallBridge {
  readonly shell = 'browser' as const;
  readonly acks: { viewId: string; pushId: number }[] = [];
  readonly submitted: Command[] = [];
  readonly helloCalls: (string | undefined)[] = [];
  /** The desk each hello said, in the same order as `helloCalls`. */
  readonly helloDesks: (string | undefined)[] = [];
  readonly controls: PlayerControl[] = [];
  onAck: (viewId: string, pushId: number) => void = () => {};
  helloState: WallState = emptyWallState();
  /** Replaces parts of the hello (a street console's `unit` and `user`, say). */
  helloOverrides: Partial<ViewHello> = {};
  private updateListeners = new Set<(u: PlayerUpdate) => void>();
  private linkListeners = new Set<(l: LinkStatus) => void>();
  private outboxListeners = new Set<(o: OutboxItem[]) => void>();

  hello(viewId?: string, desk?: string): Promise<ViewHello> {
    this.helloCalls.push(viewId);
    this.helloDesks.push(desk);
    const id = viewId ?? 'view-1';
    return Promise.resolve({
      ...helloWith(this.helloState, id),
      ...(this.layoutState ? { layout: this.layoutState } : {}),
      ...(this.controlState ? { control: this.controlState, desk: desk ?? id } : {}),
      ...this.helloOverrides,
    });
  }
  ackUpdate(viewId: string, pushId: number): Promise<void> {
    this.onAck(viewId, pushId);
    this.acks.push({ viewId, pushId });
    return Promise.resolve();
  }
  submitCommand(command: Command): Promise<OutboxItem> {
    this.submitted.push(command);
    return Promise.resolve({ id: command.id, command, status: 'sending', attempts: 1, queuedAt: '2024-05-01T08:00:00.000Z' });
  }
  listOutbox(): Promise<OutboxItem[]> {
    return Promise.resolve([]);
  }
  /** Catalog queries, in call order. */
  readonly queries: HubQuery[] = [];
  /**
   * Units the `unit` and `children` queries answer from (`withSampleUnits()` fills it); a code
   * it does not hold is answered null, as before.
   */
  units: Unit[] = [];
  /** What `dispatchProposal` answers per incident: a proposal, or an error to reject with (a `forbidden` refusal, say). */
  proposals: Record<string, DispatchProposal | Error> = {};
  /**
   * Records the query and answers from `units` and `proposals`, else null; a test that needs
   * other answers replaces this method.
   */
  query(query: HubQuery): Promise<unknown> {
    this.queries.push(query);
    switch (query.kind) {
      case 'unit':
        return Promise.resolve(this.units.find((u) => u.code === query.code) ?? null);
      case 'children': {
        if (!this.units.some((u) => u.code === query.code)) return Promise.resolve(null);
        return Promise.resolve(this.units.filter((u) => u.parent === query.code));
      }
      case 'mapAreas':
        return Promise.resolve(this.mapAreas[query.parent] ?? null);
      case 'mapBuildings':
        return Promise.resolve(this.buildingLists[query.unit] ?? null);
      case 'dispatchProposal': {
        const answer = this.proposals[query.incidentId];
        if (answer instanceof Error) return Promise.reject(answer);
        return Promise.resolve(answer ?? null);
      }
      default:
        return Promise.resolve(null);
    }
  }
  /** What `mapAreas` answers per parent code (`withSampleMap()` fills it); a parent it does not hold is answered null. */
  mapAreas: Record<string, UnitArea[]> = {};
  /** What `mapBuildings` answers per street code. */
  buildingLists: Record<string, BuildingList> = {};
  /** Fills `mapAreas` and `buildingLists` with SAMPLE_MAP: the city's two sample districts, 渝中区's two streets, 解放碑's buildings. */
  withSampleMap(): this {
    this.mapAreas = SAMPLE_MAP.areas;
    this.buildingLists = SAMPLE_MAP.buildings;
    return this;
  }
  /** Fills `units` with a small slice of the city: 渝中区 and two of its streets with communities. */
  withSampleUnits(): this {
    this.units = SAMPLE_UNITS;
    return this;
  }
  /** Records the control and answers like the live player would, without refusing. */
  controlPlayer(control: PlayerControl): Promise<PlayerInfo> {
    this.controls.push(control);
    return Promise.resolve(helloWith(this.helloState).player);
  }
  onUpdate(listener: (u: PlayerUpdate) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }
  onLinkStatus(listener: (l: LinkStatus) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }
  onOutbox(listener: (o: OutboxItem[]) => void): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  readonly layoutCalls: { call: 'apply' | 'revert' | 'import' | 'export'; arg?: string }[] = [];
  /** What the layout calls answer; set by a test that needs them. */
  layoutState: LayoutState | null = null;
  private layoutListeners = new Set<(s: LayoutState) => void>();
  private layoutAnswer(call: 'apply' | 'revert' | 'import', arg?: string): Promise<LayoutState> {
    this.layoutCalls.push({ call, ...(arg !== undefined ? { arg } : {}) });
    return this.layoutState ? Promise.resolve(this.layoutState) : Promise.reject(new Error('no layout in this fake'));
  }
  applyPreset(presetId: string): Promise<LayoutState> {
    return this.layoutAnswer('apply', presetId);
  }
  revertLayout(): Promise<LayoutState> {
    return this.layoutAnswer('revert');
  }
  importLayout(text: string): Promise<LayoutState> {
    return this.layoutAnswer('import', text);
  }
  exportLayout(): Promise<LayoutExport> {
    this.layoutCalls.push({ call: 'export' });
    return Promise.resolve({ text: JSON.stringify(this.layoutState?.layout ?? null), fileName: 'layout.json' });
  }
  onLayout(listener: (s: LayoutState) => void): () => void {
    this.layoutListeners.add(listener);
    return () => this.layoutListeners.delete(listener);
  }
  pushLayout(state: unknown): void {
    for (const listener of this.layoutListeners) listener(state as LayoutState);
  }

  /** Cell edits and incident focus, in call order. */
  readonly layoutEdits: ({ call: 'setCell'; cellId: string; panel: PanelSpec } | { call: 'placeCamera'; cellId: string; cameraId: string; slot?: number } | { call: 'focusIncident'; incidentId: string })[] = [];
  private refusal: Error | null = null;
  /** The next layout edit or control call rejects with `error` (a `conflict`, say) and records nothing else. */
  refuseNextCall(error: Error): void {
    this.refusal = error;
  }
  private takeRefusal(): Error | null {
    const refusal = this.refusal;
    this.refusal = null;
    return refusal;
  }
  private editAnswer(edit: FakeBridge['layoutEdits'][number]): Promise<LayoutState> {
    this.layoutEdits.push(edit);
    const refusal = this.takeRefusal();
    if (refusal) return Promise.reject(refusal);
    return this.layoutState ? Promise.resolve(this.layoutState) : Promise.reject(new Error('no layout in this fake'));
  }
  setCell(cellId: string, panel: PanelSpec): Promise<LayoutState> {
    return this.editAnswer({ call: 'setCell', cellId, panel });
  }
  placeCamera(cellId: string, cameraId: string, slot?: number): Promise<LayoutState> {
    return this.editAnswer({ call: 'placeCamera', cellId, cameraId, ...(slot !== undefined ? { slot } : {}) });
  }
  focusIncident(incidentId: string): Promise<LayoutState> {
    return this.editAnswer({ call: 'focusIncident', incidentId });
  }

  readonly controlCalls: ({ call: 'take' | 'release' | 'request'; displayIds: string[] } | { call: 'answer'; grant: boolean })[] = [];
  /** What the control calls answer, and what hello carries; set by a test that needs them. */
  controlState: ControlState | null = null;
  private controlListeners = new Set<(s: ControlState) => void>();
  private thumbnailListeners = new Set<(t: DisplayThumbnail) => void>();
  private controlAnswer(entry: FakeBridge['controlCalls'][number]): Promise<ControlState> {
    this.controlCalls.push(entry);
    const refusal = this.takeRefusal();
    if (refusal) return Promise.reject(refusal);
    return this.controlState ? Promise.resolve(this.controlState) : Promise.reject(new Error('no control state in this fake'));
  }
  takeControl(displayIds: string[]): Promise<ControlState> {
    return this.controlAnswer({ call: 'take', displayIds });
  }
  releaseControl(displayIds: string[]): Promise<ControlState> {
    return this.controlAnswer({ call: 'release', displayIds });
  }
  requestControl(displayIds: string[]): Promise<ControlState> {
    return this.controlAnswer({ call: 'request', displayIds });
  }
  answerHandover(grant: boolean): Promise<ControlState> {
    return this.controlAnswer({ call: 'answer', grant });
  }
  onControl(listener: (s: ControlState) => void): () => void {
    this.controlListeners.add(listener);
    return () => this.controlListeners.delete(listener);
  }
  /** Sends a `control:changed` push (any payload, as a misbehaving main could). */
  pushControl(state: unknown): void {
    for (const listener of this.controlListeners) listener(state as ControlState);
  }
  onThumbnail(listener: (t: DisplayThumbnail) => void): () => void {
    this.thumbnailListeners.add(listener);
    return () => this.thumbnailListeners.delete(listener);
  }
  /** Sends a `wall:thumbnail` push (any payload). */
  pushThumbnail(thumbnail: unknown): void {
    for (const listener of this.thumbnailListeners) listener(thumbnail as DisplayThumbnail);
  }

  /** Sends an arbitrary payload down the update channel, as a misbehaving main could. */
  pushRaw(payload: unknown): void {
    for (const listener of this.updateListeners) listener(payload as PlayerUpdate);
  }
  push(pushId: number, events: HubEvent[], reset?: WallState, seekGeneration = 0): void {
    this.pushRaw({ pushId, events, currentTime: '2024-05-01T08:00:00.000Z', speed: 1, seekGeneration, ...(reset ? { reset } : {}) });
  }
  pushLink(link: LinkStatus): void {
    for (const listener of this.linkListeners) listener(link);
  }
}

export function helloWith(state: WallState, viewId = 'view-1'): ViewHello {
  return {
    viewId,
    role: 'wall',
    displayId: 'd0',
    user: { username: 'duty01', roles: ['duty'] },
    unit: { code: '500000', level: 'city', name: '重庆市' },
    hubUrl: 'http://127.0.0.1:1',
    state,
    player: { kind: 'live', capabilities: ['live'], speed: 1, currentTime: '2024-05-01T08:00:00.000Z', seekGeneration: 0 },
    link: { state: 'connected', lastSeq: state.seq, hubUrl: 'http://127.0.0.1:1', since: '2024-05-01T08:00:00.000Z' },
    outbox: [],
  };
}

let minute = 0;
/** An `incident.reported` event in 渝中区 (district 500103). */
export function reported(seq: number, incidentId: string, severity = 2, title = `事件 ${incidentId}`): HubEvent {
  minute += 1;
  return {
    seq,
    ts: `2024-05-01T08:${String(minute % 60).padStart(2, '0')}:00.000+08:00`,
    type: 'incident.reported',
    incidentId,
    title,
    kind: 'fire',
    board: 'emergency',
    severity,
    location: [106.57, 29.55],
    units: ['500000', '500103', '500103001'],
  };
}

const unit = (code: string, level: Unit['level'], name: string, parent: string | null): Unit => ({ code, level, name, parent, centroid: [106.57, 29.55] });

/** The city, two districts, 渝中区's streets 解放碑 and 朝天门 with a community each. */
export const SAMPLE_UNITS: Unit[] = [
  unit('500000', 'city', '重庆市', null),
  unit('500103', 'district', '渝中区', '500000'),
  unit('500106', 'district', '沙坪坝区', '500000'),
  unit('500103001', 'street', '解放碑街道', '500103'),
  unit('500103002', 'street', '朝天门街道', '500103'),
  unit('500103001003', 'community', '民生路社区', '500103001'),
  unit('500103002001', 'community', '朝东路社区', '500103002'),
];

/** A task event for tests (`task.dispatched` carries the units; others only the new holder). */
export function taskEvent(seq: number, type: HubEvent['type'] & `task.${string}`, fields: Record<string, unknown>): HubEvent {
  minute += 1;
  return { seq, ts: `2024-05-01T09:${String(minute % 60).padStart(2, '0')}:00.000+08:00`, type, by: 'duty', ...fields } as HubEvent;
}

/** An axis-aligned box of [lng, lat] corners, counter-clockwise: a stand-in outline. */
function box(west: number, south: number, east: number, north: number): [number, number][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
}

const area = (code: string, name: string, level: UnitArea['level'], ring: [number, number][]): UnitArea => {
  const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
  const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  return { code, name, level, centroid: [lng, lat], polygons: [[ring]] };
};

/**
 * A small map matching SAMPLE_UNITS, in the shapes the hub answers `/api/v1/map/areas` and
 * `/api/v1/map/buildings` with: 渝中区 and 沙坪坝区 side by side under the city, 渝中区's two
 * streets splitting it, and a row of buildings in 解放碑.
 */
export const SAMPLE_MAP: { areas: Record<string, UnitArea[]>; buildings: Record<string, BuildingList> } = {
  areas: {
    '500000': [area('500103', '渝中区', 'district', box(106.53, 29.54, 106.59, 29.57)), area('500106', '沙坪坝区', 'district', box(106.4, 29.5, 106.53, 29.65))],
    '500103': [area('500103001', '解放碑街道', 'street', box(106.565, 29.54, 106.59, 29.57)), area('500103002', '朝天门街道', 'street', box(106.53, 29.54, 106.565, 29.57))],
    '500103001': [area('500103001003', '民生路社区', 'community', box(106.565, 29.54, 106.59, 29.57))],
  },
  buildings: {
    '500103001': {
      unit: '500103001',
      source: 'generated',
      buildings: Array.from({ length: 6 }, (_, i) => ({ id: `b-500103001-${i}`, footprint: box(106.57 + i * 0.002, 29.55, 106.571 + i * 0.002, 29.551), heightM: 30 + i * 20 })),
    },
  },
};
