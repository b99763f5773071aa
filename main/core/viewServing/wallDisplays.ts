import fs from 'node:fs';
import { z } from 'zod';
import { parseAtEdge } from '../../../shared/validation';
import { Bezel, type WallProfile } from '../../../shared/wall/profile';

/**
 * Which displays form the wall. A `WALL_PROFILE` JSON file may list display ids, or entries
 * `{id, bounds?, bezel?}` (bounds for the browser shell, which has no screens to ask; bezel
 * widths in px for both shells); without one every display but the primary is a wall display,
 * or the only display when there is just one. `toWallProfile` turns the choice into the
 * `WallProfile` the planner lays the canvas over.
 */
export const DisplayBounds = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type DisplayBounds = z.infer<typeof DisplayBounds>;

const DisplayId = z.union([z.string().min(1).max(64), z.number().int()]).transform(String);
export const WallProfileFile = z.object({
  displays: z
    .array(z.union([DisplayId, z.strictObject({ id: DisplayId, bounds: DisplayBounds.optional(), bezel: Bezel.optional() })]))
    .min(1)
    .max(64),
});
export type WallProfileFile = z.infer<typeof WallProfileFile>;

export interface WallDisplay {
  id: string;
  bounds: DisplayBounds;
  /** Frame widths from the profile file, when given. */
  bezel?: Bezel;
}
export interface ScreenDisplay extends WallDisplay {
  primary: boolean;
}

export const DEFAULT_DISPLAY_BOUNDS: DisplayBounds = { x: 0, y: 0, width: 1920, height: 1080 };

/** Reads and validates a profile file; a bad file is logged with its failing field and ignored. */
export function readWallProfile(file: string | undefined, log: (line: string) => void = console.warn): WallProfileFile | undefined {
  if (!file) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    log(`wall profile ${file} unreadable, using the default displays: ${(error as Error).message}`);
    return undefined;
  }
  const parsed = parseAtEdge(WallProfileFile, raw);
  if (!parsed.ok) {
    log(`wall profile ${file} rejected at ${parsed.field}, using the default displays: ${parsed.message}`);
    return undefined;
  }
  return parsed.value;
}

export function profileDisplayIds(profile: WallProfileFile): string[] {
  return profile.displays.map((d) => (typeof d === 'string' ? d : d.id));
}

/** The real screens that form the wall (Electron): profile order when given, else the default rule. */
export function chooseWallDisplays(screens: ScreenDisplay[], profile?: WallProfileFile): ScreenDisplay[] {
  if (profile) {
    const listed = profileDisplayIds(profile)
      .map((id) => screens.find((s) => s.id === id))
      .filter((s): s is ScreenDisplay => s !== undefined);
    if (listed.length > 0) return listed;
  }
  if (screens.length <= 1) return screens;
  return screens.filter((s) => !s.primary);
}

/** The wall's displays where there are no real screens to ask (browser shell). */
export function profileDisplays(profile?: WallProfileFile): WallDisplay[] {
  if (!profile) return [{ id: '1', bounds: DEFAULT_DISPLAY_BOUNDS }];
  return profile.displays.map((entry, index) => {
    const id = typeof entry === 'string' ? entry : entry.id;
    const given = typeof entry === 'string' ? undefined : entry.bounds;
    const bezel = typeof entry === 'string' ? undefined : entry.bezel;
    // Without bounds, lay displays out side by side like a row of screens.
    return { id, bounds: given ?? { ...DEFAULT_DISPLAY_BOUNDS, x: index * DEFAULT_DISPLAY_BOUNDS.width }, ...(bezel ? { bezel } : {}) };
  });
}

/**
 * The wall profile of the chosen displays: their real bounds, bezels from the profile file
 * (by display id) where it gives them.
 */
export function toWallProfile(displays: WallDisplay[], file?: WallProfileFile): WallProfile {
  const bezels = new Map<string, Bezel>();
  for (const entry of file?.displays ?? []) if (typeof entry !== 'string' && entry.bezel) bezels.set(entry.id, entry.bezel);
  return {
    displays: displays.map((d) => {
      const bezel = d.bezel ?? bezels.get(d.id);
      return { id: d.id, bounds: d.bounds, ...(bezel ? { bezel } : {}) };
    }),
  };
}
