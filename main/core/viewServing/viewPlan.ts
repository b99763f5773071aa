import type { ViewRole } from '../../../shared/view/viewChannel';
import type { DisplayBounds, WallDisplay } from './wallDisplays';

/** One window to open: which view, on which display, where. */
export interface ViewWindowSpec {
  viewId: string;
  role: ViewRole;
  displayId: string;
  bounds: DisplayBounds;
}

/** A view's id from its role and display: stable across reloads, so the core knows it again. */
export function viewIdFor(role: ViewRole, displayId: string): string {
  return role === 'console' ? 'console' : `wall-${displayId}`;
}

/**
 * A borderless wall window covering each wall display, and the console as an ordinary window
 * on the operator's display, centred at most 1600×1000.
 */
export function planViewWindows(wallDisplays: WallDisplay[], consoleDisplay: WallDisplay): ViewWindowSpec[] {
  const walls = wallDisplays.map((d) => ({ viewId: viewIdFor('wall', d.id), role: 'wall' as const, displayId: d.id, bounds: d.bounds }));
  const area = consoleDisplay.bounds;
  const width = Math.min(1600, area.width);
  const height = Math.min(1000, area.height);
  const consoleBounds = {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
  return [...walls, { viewId: viewIdFor('console', consoleDisplay.id), role: 'console', displayId: consoleDisplay.id, bounds: consoleBounds }];
}
