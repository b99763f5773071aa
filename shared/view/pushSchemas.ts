import { z } from 'zod';
import { SessionUser } from '../protocol/auth';
import { Command, CommandAck } from '../protocol/commands';
import { HubEvent } from '../protocol/events';
import { UnitRef } from '../protocol/units';
import { WallState } from '../state/wallState';
import { LayoutStateSchema } from '../wall/layoutState';
import { ControlStateSchema, DisplayThumbnailSchema } from '../wall/control';
import type { LinkStatus, OutboxItem, PlayerInfo, PlayerUpdate, ViewHello } from './viewChannel';
import { VIEW_ROLES } from './viewChannel';

/**
 * Schemas for what main sends a view, typed against the interfaces of viewChannel.ts so the two
 * cannot drift. Views parse every push with them; a bad one is logged with its field.
 */

const CommandOnWire = Command as unknown as z.ZodType<OutboxItem['command']>;

export const OutboxItemSchema: z.ZodType<OutboxItem> = z.object({
  id: z.string(),
  command: CommandOnWire,
  status: z.enum(['pending', 'sending', 'acknowledged', 'rejected']),
  attempts: z.number().int().min(0),
  queuedAt: z.string(),
  ack: CommandAck.optional(),
});
export const OutboxListSchema = z.array(OutboxItemSchema);

export const LinkStatusSchema: z.ZodType<LinkStatus> = z.object({
  state: z.enum(['connecting', 'connected', 'offline', 'unauthorized']),
  lastSeq: z.number().int().min(0),
  hubUrl: z.string(),
  detail: z.string().optional(),
  since: z.string(),
});

export const PlayerUpdateSchema: z.ZodType<PlayerUpdate> = z.object({
  pushId: z.number().int().min(0),
  events: z.array(HubEvent),
  currentTime: z.string(),
  speed: z.number(),
  seekGeneration: z.number().int().min(0),
  reset: WallState.optional(),
});

/** What a view hears about the player: in its hello, and as the answer to `player:control`. */
export const PlayerInfoSchema: z.ZodType<PlayerInfo> = z.object({
  kind: z.enum(['live', 'replay']),
  capabilities: z.array(z.enum(['live', 'seek', 'speed', 'pause'])),
  speed: z.number(),
  currentTime: z.string(),
  seekGeneration: z.number().int().min(0),
});

export const ViewHelloSchema: z.ZodType<ViewHello> = z.object({
  viewId: z.string().min(1),
  role: z.enum(VIEW_ROLES),
  displayId: z.string(),
  user: SessionUser.nullable(),
  unit: UnitRef.nullable(),
  hubUrl: z.string(),
  state: WallState,
  player: PlayerInfoSchema,
  link: LinkStatusSchema,
  outbox: OutboxListSchema,
  layout: LayoutStateSchema.optional(),
  control: ControlStateSchema.optional(),
  desk: z.string().optional(),
});

export { LayoutStateSchema, ControlStateSchema, DisplayThumbnailSchema };
export const LayoutExportSchema = z.object({ text: z.string(), fileName: z.string() });
