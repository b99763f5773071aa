import { z } from 'zod';
import { Command, CommandAck } from '../protocol/commands';
import type { HubEvent } from '../protocol/events';
import { SessionUser } from '../protocol/auth';
import { IsoTime } from '../protocol/common';
import { UnitRef } from '../protocol/units';
import type { WallState } from '../state/wallState';
import type { LayoutState } from '../wall/layoutState';

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
}

// ---- calls: view → main, each with a validated argument and a typed result ----

export const HubQuery = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), code: z.string().max(15) }),
  z.strictObject({ kind: z.literal('children'), code: z.string().max(15) }),
  z.strictObject({
    kind: z.literal('cameras'),
    unit: z.string().max(15).optional(),
    near: z.tuple([z.number(), z.number()]).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({ kind: z.literal('indicators') }),
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
  'view:hello': z.strictObject({ viewId: z.string().max(64).optional() }),
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
}
export type BridgePush = keyof BridgePushes;
export const BRIDGE_PUSHES: readonly BridgePush[] = ['player:update', 'link:status', 'outbox:changed', 'layout:changed'];

export { CommandAck };
export type { LayoutState };
