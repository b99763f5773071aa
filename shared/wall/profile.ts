import { z } from 'zod';

/** A display's rectangle in the desktop's pixel coordinates. */
export const DisplayRect = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type DisplayRect = z.infer<typeof DisplayRect>;

/** Pixels of picture hidden behind a display's frame on each side. */
export const Bezel = z.strictObject({
  left: z.number().int().min(0).max(500),
  right: z.number().int().min(0).max(500),
  top: z.number().int().min(0).max(500),
  bottom: z.number().int().min(0).max(500),
});
export type Bezel = z.infer<typeof Bezel>;

export const WallProfileDisplay = z.strictObject({
  id: z.string().min(1).max(64),
  bounds: DisplayRect,
  bezel: Bezel.optional(),
});
export type WallProfileDisplay = z.infer<typeof WallProfileDisplay>;

/** Which displays form the wall, where they stand, and how wide their frames are. */
export const WallProfile = z.strictObject({
  displays: z
    .array(WallProfileDisplay)
    .min(1)
    .max(64)
    .refine((displays) => new Set(displays.map((d) => d.id)).size === displays.length, 'display ids must be unique'),
});
export type WallProfile = z.infer<typeof WallProfile>;

/** One display's part of the canvas, in canvas pixels. */
export interface CanvasSlice {
  displayId: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The one logical picture the wall shows: bezels count as hidden canvas, so a line crossing two
 * displays continues straight across the physical gap.
 */
export interface WallCanvas {
  width: number;
  height: number;
  slices: CanvasSlice[];
}

export const CanvasSliceSchema = z.object({
  displayId: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
export const WallCanvasSchema: z.ZodType<WallCanvas> = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  slices: z.array(CanvasSliceSchema),
});

/** A single 1920×1080 display: the canvas until a shell says otherwise. */
export const DEFAULT_CANVAS: WallCanvas = { width: 1920, height: 1080, slices: [{ displayId: '1', x: 0, y: 0, width: 1920, height: 1080 }] };
