import { z } from 'zod';
import { Command, CommandAck } from '../protocol/commands';
import type { HubEvent } from '../protocol/events';
import { SessionUser } from '../protocol/auth';
import { IsoTime } from '../protocol/common';
import { UnitRef } from '../protocol/units';
import type { WallState } from '../state/wallState';
import type { LayoutState } from '../wall/layoutState';
import { PanelSpecSchema } from '../wall/layout';
import { DeskName, type ControlState, type DisplayThumbnail } from '../wall/control';

/** Which screen a window shows. */
export const VIEW_ROLES = ['wall', 'console'] as const;
export const ViewRole = z.enum(VIEW_ROLES);
export type ViewRole = z.infer<typeof ViewRole>;

/** What a player can do, declared so views can offer the right controls. */
export type PlayerCapability = 'live' | 'seek' | 'speed' | 'pause';

export interface PlayerInfo {
  kind: 'live' | 'replay';
  capabilities: PlayerCapability[];
  speed: number;
  /** ISO time the player stands at: now for live, the replay clock for replay. */
  currentTime: string;
  seekGeneration: number;
}

/**
 * One push from the player to every view. The view folds `events` into its state (after
 * replacing it with `reset` when present, as after a seek), then acknowledges `pushId`: the
 * player sends nothing more until every view has (backpressure).
 */
export interface PlayerUpdate {
  pushId: number;
  events: HubEvent[];
  currentTime: string;
  speed: number;
  seekGeneration: number;
  reset?: WallState;
}

export type LinkState = 'connecting' | 'connected' | 'offline' | 'unauthorized';
export interface LinkStatus {
  state: LinkState;
  /** Last hub seq this wall has folded. */
  lastSeq: number;
  hubUrl: string;
  /** Why the link is down, when it is. */
  detail?: string;
  since: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'acknowledged' | 'rejected';
export interface OutboxItem {
  id: string;
  command: Command;
  status: OutboxStatus;
  attempts: number;
  queuedAt: string;
  ack?: CommandAck;
}

/** What a view gets when it (re)starts: everything it needs to draw at once. */
export interface ViewHello {
  viewId: string;
  role: ViewRole;
  displayId: string;
  user: z.infer<typeof SessionUser> | null;
  unit: z.infer<typeof UnitRef> | null;
  hubUrl: string;
  state: WallState;
  player: PlayerInfo;
  link: LinkStatus;
  outbox: OutboxItem[];
  /** The wall's layout and canvas; absent where no layout service runs (then views show the overview). */
  layout?: LayoutState;
  /** Who controls each display; absent where no layout service runs. */
  control?: ControlState;
  /** This view's desk name (consoles): how other desks see it in control and handover. */
  desk?: string;
}

// ---- calls: view → main, each with a validated argument and a typed result ----

export const HubQuery = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), code: z.string().max(15) }),
  z.strictObject({ kind: z.literal('children'), code: z.string().max(15) }),
  z.strictObject({
    kind: z.literal('cameras'),
    unit: z.string().max(15).optional(),
    near: z.tuple([z.number(), z.number()]).optional(),
    /** Part of the camera's name (or id), any case. */
    q: z.string().trim().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({ kind: z.literal('indicators') }),
  /** Whom to dispatch an incident to, for the caller's centre. */
  z.strictObject({ kind: z.literal('dispatchProposal'), incidentId: z.string().min(1).max(64) }),
  /** The 3D scene's geometry and markers (shared/protocol/map.ts). */
  z.strictObject({ kind: z.literal('mapAreas'), parent: z.string().max(15) }),
  z.strictObject({ kind: z.literal('mapBuildings'), unit: z.string().max(15) }),
  z.strictObject({ kind: z.literal('riskPoints'), unit: z.string().max(15).optional() }),
  z.strictObject({ kind: z.literal('rescueTeams'), unit: z.string().max(15).optional() }),
]);
export type HubQuery = z.infer<typeof HubQuery>;

/** A replay control from a view; a player that does not declare the capability refuses it. */
export const PlayerControl = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('seek'), at: IsoTime }),
  z.strictObject({ action: z.literal('speed'), speed: z.number().min(0.1).max(1000) }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
]);
export type PlayerControl = z.infer<typeof PlayerControl>;

/** Longest layout file a view may hand in (the view socket caps a frame at 64 KiB). */
export const MAX_LAYOUT_TEXT = 60_000;

export const BRIDGE_CALLS = {
  'view:hello': z.strictObject({ viewId: z.string().max(64).optional(), desk: DeskName.optional() }),
  'player:ack': z.strictObject({ viewId: z.string().max(64), pushId: z.number().int().min(0) }),
  'command:submit': z.strictObject({ command: Command }),
  'outbox:list': z.strictObject({}),
  'hub:query': z.strictObject({ query: HubQuery }),
  'player:control': PlayerControl,
  'layout:apply': z.strictObject({ presetId: z.string().min(1).max(64) }),
  'layout:revert': z.strictObject({}),
  /** A layout file's text (JSON), validated by main; a bad one changes nothing. */
  'layout:import': z.strictObject({ text: z.string().max(MAX_LAYOUT_TEXT) }),
  'layout:export': z.strictObject({}),
  /** Put a panel in a cell (the console's drag of a panel onto the miniature). */
  'layout:setCell': z.strictObject({ cellId: z.string().min(1).max(64), panel: PanelSpecSchema }),
  /** Put a camera in a camera cell's slot (0-based; absent: the first slot), growing the grid when the slot needs it. */
  'layout:placeCamera': z.strictObject({ cellId: z.string().min(1).max(64), cameraId: z.string().min(1).max(64), slot: z.number().int().min(0).max(24).optional() }),
  /** Compose and show the focus layout of an incident (a click in the incident feed). */
  'layout:focusIncident': z.strictObject({ incidentId: z.string().min(1).max(64) }),
  /** Take control of displays nobody else holds; `conflict` naming the holder otherwise. */
  'control:take': z.strictObject({ displayIds: z.array(z.string().min(1).max(64)).min(1).max(32) }),
  'control:release': z.strictObject({ displayIds: z.array(z.string().min(1).max(64)).min(1).max(32) }),
  /** Ask the holders of these displays to hand them over. */
  'control:request': z.strictObject({ displayIds: z.array(z.string().min(1).max(64)).min(1).max(32) }),
  /** The holder's answer to every request pending on its displays. */
  'control:answer': z.strictObject({ grant: z.boolean() }),
} as const;
export type BridgeCall = keyof typeof BRIDGE_CALLS;
export type BridgeArgs<C extends BridgeCall> = z.infer<(typeof BRIDGE_CALLS)[C]>;

export interface BridgeResults {
  'view:hello': ViewHello;
  'player:ack': { ok: true };
  'command:submit': OutboxItem;
  'outbox:list': OutboxItem[];
  'hub:query': unknown;
  'player:control': PlayerInfo;
  'layout:apply': LayoutState;
  'layout:revert': LayoutState;
  'layout:import': LayoutState;
  'layout:export': LayoutExport;
  'layout:setCell': LayoutState;
  'layout:placeCamera': LayoutState;
  'layout:focusIncident': LayoutState;
  'control:take': ControlState;
  'control:release': ControlState;
  'control:request': ControlState;
  'control:answer': ControlState;
}

/** The current layout as a file: pretty JSON a person can edit and import again. */
export interface LayoutExport {
  text: string;
  fileName: string;
}

// ---- pushes: main → view ----
export interface BridgePushes {
  'player:update': PlayerUpdate;
  'link:status': LinkStatus;
  'outbox:changed': OutboxItem[];
  /** The layout, its mode or the canvas changed: a preset applied, a focus begun or ended, a display plugged. */
  'layout:changed': LayoutState;
  /** Control of a display taken, released, requested or handed over. */
  'control:changed': ControlState;
  /** A fresh picture of one wall display, sent to consoles only, every few seconds while one is attached. */
  'wall:thumbnail': DisplayThumbnail;
}
export type BridgePush = keyof BridgePushes;
export const BRIDGE_PUSHES: readonly BridgePush[] = ['player:update', 'link:status', 'outbox:changed', 'layout:changed', 'control:changed', 'wall:thumbnail'];

export { CommandAck };
export type { LayoutState, ControlState, DisplayThumbnail };
