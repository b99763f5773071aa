import { z } from 'zod';
import { parseAtEdge } from '../../shared/validation';
import { findPaletteEntry, type PaletteEntry } from './palette';

/**
 * What the officer moves onto the miniature, by mouse (HTML5 drag and drop) or by keyboard
 * (pick, then place): a palette panel, or a camera from the search results.
 */
export type WallItem = { type: 'panel'; entry: PaletteEntry } | { type: 'camera'; cameraId: string; name: string };

export function sameItem(a: WallItem, b: WallItem): boolean {
  if (a.type === 'panel') return b.type === 'panel' && a.entry.id === b.entry.id;
  return b.type === 'camera' && a.cameraId === b.cameraId;
}

/** Drag data types: separate per item type, since a drop target may only read the types during dragover. */
export const DRAG_TYPES = { panel: 'application/x-wall-panel', camera: 'application/x-wall-camera' } as const;

const PanelDrag = z.strictObject({ entryId: z.string().min(1).max(64) });
const CameraDrag = z.strictObject({ cameraId: z.string().min(1).max(64), name: z.string().max(200) });

/** The part of `DataTransfer` drags use, so tests can hand in a plain object. */
export interface DragData {
  readonly types: readonly string[];
  setData(format: string, data: string): void;
  getData(format: string): string;
  effectAllowed?: string;
}

export function writeWallItem(data: DragData, item: WallItem): void {
  if (item.type === 'panel') data.setData(DRAG_TYPES.panel, JSON.stringify({ entryId: item.entry.id }));
  else data.setData(DRAG_TYPES.camera, JSON.stringify({ cameraId: item.cameraId, name: item.name }));
  data.setData('text/plain', item.type === 'panel' ? item.entry.id : item.cameraId);
  data.effectAllowed = 'copy';
}

/** Which item type a drag carries, from its types alone (all a dragover may see). */
export function draggedType(data: Pick<DragData, 'types'>): WallItem['type'] | null {
  if (data.types.includes(DRAG_TYPES.panel)) return 'panel';
  if (data.types.includes(DRAG_TYPES.camera)) return 'camera';
  return null;
}

/**
 * The item a drop carries, validated: drops can come from another page or application, so a
 * payload that does not parse (or names no palette entry) is refused with the reason.
 */
export function readWallItem(data: DragData): { ok: true; item: WallItem } | { ok: false; reason: string } {
  const type = draggedType(data);
  if (type === null) return { ok: false, reason: 'not a panel or a camera' };
  let json: unknown;
  try {
    json = JSON.parse(data.getData(DRAG_TYPES[type]));
  } catch {
    return { ok: false, reason: `${type}: not JSON` };
  }
  if (type === 'panel') {
    const parsed = parseAtEdge(PanelDrag, json);
    if (!parsed.ok) return { ok: false, reason: `panel.${parsed.field}: ${parsed.message}` };
    const entry = findPaletteEntry(parsed.value.entryId);
    return entry ? { ok: true, item: { type: 'panel', entry } } : { ok: false, reason: `panel.entryId: no palette entry "${parsed.value.entryId}"` };
  }
  const parsed = parseAtEdge(CameraDrag, json);
  if (!parsed.ok) return { ok: false, reason: `camera.${parsed.field}: ${parsed.message}` };
  return { ok: true, item: { type: 'camera', ...parsed.value } };
}
