import { z } from 'zod';

/*
 * Who may change what a wall display shows. A console takes control of displays; while it holds
 * one, another console's layout changes touching that display are refused (`conflict`, naming the
 * holder). Another desk asks for a handover: the holder grants or keeps it, and an unanswered
 * request is granted by itself after HANDOVER_GRANT_SECONDS (the holder may have left the desk).
 * A display nobody holds is open to every console. Alarm focus layouts ignore control: an alarm
 * is shown at once, and the officer who holds the wall reverts it.
 */

/** An unanswered handover request is granted after this long. */
export const HANDOVER_GRANT_SECONDS = 20;
/** A holder's view that went away keeps its displays this long (a reload comes back sooner). */
export const CONTROL_RELEASE_AFTER_DETACH_SECONDS = 15;

/** The name a console shows for itself and for other desks: the `desk` it was started with (`?desk=席位 1`), else its view id. */
export const DeskName = z.string().trim().min(1).max(40);

export interface ControlHolder {
  viewId: string;
  desk: string;
  since: string;
}

export interface HandoverRequest {
  viewId: string;
  desk: string;
  at: string;
  /** When the request is granted if the holder does not answer. */
  grantsAt: string;
}

export interface DisplayControl {
  displayId: string;
  holder: ControlHolder | null;
  request: HandoverRequest | null;
}

/** Every display of the wall canvas and who controls it; `revision` only grows. */
export interface ControlState {
  revision: number;
  displays: DisplayControl[];
}

const ControlHolderSchema: z.ZodType<ControlHolder> = z.object({ viewId: z.string(), desk: z.string(), since: z.string() });
const HandoverRequestSchema: z.ZodType<HandoverRequest> = z.object({ viewId: z.string(), desk: z.string(), at: z.string(), grantsAt: z.string() });

export const ControlStateSchema: z.ZodType<ControlState> = z.object({
  revision: z.number().int().min(0),
  displays: z.array(z.object({ displayId: z.string(), holder: ControlHolderSchema.nullable(), request: HandoverRequestSchema.nullable() })),
});

/** The displays of `displayIds` held by a console other than `viewId`, with their holders. */
export function heldByOthers(state: ControlState, viewId: string, displayIds: readonly string[]): DisplayControl[] {
  return state.displays.filter((d) => displayIds.includes(d.displayId) && d.holder !== null && d.holder.viewId !== viewId);
}

/** A small JPEG of one wall display, for the console's live miniature. */
export interface DisplayThumbnail {
  displayId: string;
  /** `data:image/jpeg;base64,…` */
  dataUrl: string;
  /** When it was captured (ISO). */
  at: string;
  width: number;
  height: number;
}

export const DisplayThumbnailSchema: z.ZodType<DisplayThumbnail> = z.object({
  displayId: z.string(),
  dataUrl: z.string().startsWith('data:image/jpeg;base64,').max(60_000),
  at: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
