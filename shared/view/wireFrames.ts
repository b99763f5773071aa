import { z } from 'zod';

/**
 * Frames of the browser shell's view socket (WebSocket, JSON text frames). Electron carries the
 * same calls and pushes over IPC instead; the channel names and argument schemas are shared
 * (`BRIDGE_CALLS`, `BridgePushes`).
 */
export const ViewFrameIn = z.strictObject({
  t: z.literal('call'),
  id: z.number().int().min(0),
  channel: z.string().max(64),
  args: z.unknown(),
});
export type ViewFrameIn = z.infer<typeof ViewFrameIn>;

export type ViewFrameOut =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: { code: string; message: string } }
  | { t: 'push'; channel: string; payload: unknown };

/** Biggest frame a view may send; the shell closes a socket that sends more. */
export const MAX_VIEW_FRAME_BYTES = 64 * 1024;
