import { useCallback, useSyncExternalStore } from 'react';
import type { TileHealth } from './tileHealth';
import type { TileManager } from './tileManager';

/** A tile's health; the component re-renders only when the manager reports a change (≤ 1 Hz). */
export function useTileHealth(manager: TileManager, tileId: string): TileHealth {
  const subscribe = useCallback((listener: () => void) => manager.subscribe(tileId, listener), [manager, tileId]);
  const snapshot = useCallback(() => manager.getHealth(tileId), [manager, tileId]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
