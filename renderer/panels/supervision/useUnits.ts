import { useEffect, useMemo, useState } from 'react';
import { UnitList } from '../../../shared/protocol/units';
import { parseAtEdge } from '../../../shared/validation';
import { useBridge } from '../../bridge/BridgeContext';
import { lookUpUnitNames } from '../../stores/connectUnitNames';
import { useWallStore } from '../../stores/wallStore';

const NONE: readonly string[] = [];

/**
 * The child units of `code` as the hub lists them (so quiet units show their zeros), their names
 * kept in the store. Empty until the answer comes, or when it fails: the board then shows the
 * children its tasks reach.
 */
export function useChildUnits(code: string): readonly string[] {
  const bridge = useBridge();
  const [answer, setAnswer] = useState<{ code: string; units: string[] } | null>(null);
  useEffect(() => {
    let current = true;
    bridge
      .query({ kind: 'children', code })
      .then((raw) => {
        const parsed = parseAtEdge(UnitList, raw);
        if (!parsed.ok) throw new Error(parsed.message);
        const store = useWallStore.getState();
        for (const unit of parsed.value) if (store.unitNames[unit.code] !== unit.name) store.rememberUnitName(unit.code, unit.name);
        if (current) setAnswer({ code, units: parsed.value.map((unit) => unit.code) });
      })
      .catch((error: unknown) => console.warn(`[supervision] children of ${code}: ${String(error)}`));
    return () => {
      current = false;
    };
  }, [bridge, code]);
  return useMemo(() => (answer && answer.code === code ? answer.units : NONE), [answer, code]);
}

/** Looks up the names of `codes` the store does not know yet (once each). */
export function useUnitNameLookups(codes: readonly string[]): void {
  const bridge = useBridge();
  const key = codes.join(',');
  useEffect(() => {
    if (key === '') return;
    lookUpUnitNames(bridge, useWallStore, key.split(','));
  }, [bridge, key]);
}
