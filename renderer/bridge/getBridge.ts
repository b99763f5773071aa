import type { WallBridge } from '../../shared/view/bridge';
import { createWebSocketBridge } from './webSocketBridge';

let bridge: WallBridge | null = null;

/** The one bridge of this window: the Electron preload's `window.wall`, else the browser shell's socket. */
export function getBridge(): WallBridge {
  bridge ??= window.wall ?? createWebSocketBridge(window.location);
  return bridge;
}
