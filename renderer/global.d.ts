import type { WallBridge } from '../shared/view/bridge';

declare global {
  interface Window {
    /** Defined by the Electron preload; absent in the browser shell (see `bridge/getBridge`). */
    wall?: WallBridge;
  }
}

export {};
