import type { Command } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import type { WallBridge } from '../../shared/view/bridge';
import type { LayoutExport, LayoutState, LinkStatus, OutboxItem, PlayerControl, PlayerInfo, PlayerUpdate, ViewHello } from '../../shared/view/viewChannel';
import { emptyWallState } from '../../shared/state/wallState';
import type { WallState } from '../../shared/state/wallState';

/** A `WallBridge` driven by hand: tests push updates and read what the view sent back. */
export class FakeBridge implements WallBridge {
  readonly shell = 'browser' as const;
  readonly acks: { viewId: string; pushId: number }[] = [];
  readonly submitted: Command[] = [];
  readonly helloCalls: (string | undefined)[] = [];
  readonly controls: PlayerControl[] = [];
  onAck: (viewId: string, pushId: number) => void = () => {};
  helloState: WallState = emptyWallState();
  private updateListeners = new Set<(u: PlayerUpdate) => void>();
  private linkListeners = new Set<(l: LinkStatus) => void>();
  private outboxListeners = new Set<(o: OutboxItem[]) => void>();

  hello(viewId?: string): Promise<ViewHello> {
    this.helloCalls.push(viewId);
    return Promise.resolve(helloWith(this.helloState, viewId ?? 'view-1'));
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
  query(): Promise<unknown> {
    return Promise.resolve(null);
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
