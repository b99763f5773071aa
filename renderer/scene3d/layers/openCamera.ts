import type { WallBridge } from '../../../shared/view/bridge';
import type { LayoutState } from '../../../shared/wall/layoutState';

/** The first camera cell of the layout (reading order, as the layout lists them), or null. */
export function firstCameraCellId(layout: LayoutState | null): string | null {
  return layout?.layout.cells.find((cell) => cell.panel.kind === 'cameras')?.id ?? null;
}

export type OpenCameraResult = { ok: true; cellId: string } | { ok: false; reason: 'noCameraCell' } | { ok: false; reason: 'refused'; message: string };

/**
 * A camera clicked in the scene opens in the wall's first camera cell, slot 0, through the same
 * `placeCamera` the console's drag uses: main checks who controls those displays, and the layout
 * push shows the feed on every window at once, with the camera wall's own health and retries.
 */
export async function openCameraOnWall(bridge: Pick<WallBridge, 'placeCamera'>, layout: LayoutState | null, cameraId: string): Promise<OpenCameraResult> {
  const cellId = firstCameraCellId(layout);
  if (cellId === null) return { ok: false, reason: 'noCameraCell' };
  try {
    await bridge.placeCamera(cellId, cameraId, 0);
    return { ok: true, cellId };
  } catch (error) {
    return { ok: false, reason: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
}
