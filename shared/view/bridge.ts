import type { Command } from '../protocol/commands';
import type { PanelSpec } from '../wall/panels';
import type { BridgePushes, ControlState, DisplayThumbnail, HubQuery, LayoutExport, LayoutState, OutboxItem, PlayerControl, PlayerInfo, PlayerUpdate, ViewHello } from './viewChannel';

/**
 * `window.wall`: the only way a view reaches the main process. The Electron preload implements
 * it over IPC; in the browser shell the renderer implements it over a WebSocket. Same calls,
 * same checks on the main side.
 */
export interface WallBridge {
  /** Which transport carries the bridge (for the status line). */
  readonly shell: 'electron' | 'browser';
  /** `desk`: a console's desk name, shown to other desks in control and handover. */
  hello(viewId?: string, desk?: string): Promise<ViewHello>;
  /** Acknowledge a player push once its events are folded (backpressure). */
  ackUpdate(viewId: string, pushId: number): Promise<void>;
  submitCommand(command: Command): Promise<OutboxItem>;
  listOutbox(): Promise<OutboxItem[]>;
  query(query: HubQuery): Promise<unknown>;
  /** Seek, speed, pause, resume: a replay player's controls; the live player refuses them (`forbidden`). */
  controlPlayer(control: PlayerControl): Promise<PlayerInfo>;
  onUpdate(listener: (update: PlayerUpdate) => void): () => void;
  onLinkStatus(listener: (status: BridgePushes['link:status']) => void): () => void;
  onOutbox(listener: (items: OutboxItem[]) => void): () => void;
  /** Switch every view to a built-in preset. */
  applyPreset(presetId: string): Promise<LayoutState>;
  /** Leave a focus layout for the one before it. */
  revertLayout(): Promise<LayoutState>;
  /** Replace the layout with a file's; `invalid` naming the field when it does not validate. */
  importLayout(text: string): Promise<LayoutState>;
  exportLayout(): Promise<LayoutExport>;
  onLayout(listener: (state: LayoutState) => void): () => void;
  /** Put a panel in a cell; `conflict` when a display it shows on is controlled by another desk. */
  setCell(cellId: string, panel: PanelSpec): Promise<LayoutState>;
  /** Put a camera in a camera cell (slot 0-based, default the first). */
  placeCamera(cellId: string, cameraId: string, slot?: number): Promise<LayoutState>;
  /** Show an incident's focus layout (its nearest cameras, board indicators, tasks). */
  focusIncident(incidentId: string): Promise<LayoutState>;
  takeControl(displayIds: string[]): Promise<ControlState>;
  releaseControl(displayIds: string[]): Promise<ControlState>;
  requestControl(displayIds: string[]): Promise<ControlState>;
  answerHandover(grant: boolean): Promise<ControlState>;
  onControl(listener: (state: ControlState) => void): () => void;
  /** Consoles: a fresh picture of a wall display every few seconds. */
  onThumbnail(listener: (thumbnail: DisplayThumbnail) => void): () => void;
}
