import { useEffect } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { lookUpUnitNames } from '../stores/connectUnitNames';
import { useUnitName } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';

/**
 * A unit's name, looked up once if nobody has yet: tasks reach communities and grids, which the
 * incident scan (districts and streets) never asks about. The code until the answer comes.
 */
export function useLookedUpUnitName(code: string | undefined): string {
  const bridge = useBridge();
  useEffect(() => {
    if (code !== undefined) lookUpUnitNames(bridge, useWallStore, [code]);
  }, [bridge, code]);
  return useUnitName(code);
}
