import { createContext, useContext } from 'react';
import type { WallBridge } from '../../shared/view/bridge';

const BridgeContext = createContext<WallBridge | null>(null);

export const BridgeProvider = BridgeContext.Provider;

/** The window's bridge, for components that send commands (reads come from the store). */
export function useBridge(): WallBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeProvider>');
  return bridge;
}
