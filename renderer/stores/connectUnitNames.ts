import { Unit } from '../../shared/protocol/units';
import type { WallBridge } from '../../shared/view/bridge';
import { parseAtEdge } from '../../shared/validation';
import type { WallStoreApi } from './wallStore';

/**
 * Incidents carry unit codes; people read names. Looks up each district and street code the
 * incidents mention, once, through `hub:query`, and keeps the names in the store.
 */
export function connectUnitNames(bridge: WallBridge, store: WallStoreApi, log: (m: string) => void = console.warn): () => void {
  const asked = new Set<string>();

  function lookUp(code: string): void {
    asked.add(code);
    bridge
      .query({ kind: 'unit', code })
      .then((raw) => {
        const parsed = parseAtEdge(Unit, raw);
        if (parsed.ok) store.getState().rememberUnitName(code, parsed.value.name);
        else log(`[unit-names] rejected unit ${code}: ${parsed.message}`);
      })
      .catch((error: unknown) => {
        asked.delete(code); // a dropped socket: try again on the next change
        log(`[unit-names] lookup of ${code} failed: ${String(error)}`);
      });
  }

  function scan(incidents: ReturnType<WallStoreApi['getState']>['wall']['incidents']): void {
    for (const incident of Object.values(incidents)) {
      for (const code of incident.units.slice(1, 3)) if (!asked.has(code)) lookUp(code);
    }
  }

  scan(store.getState().wall.incidents);
  return store.subscribe((state, previous) => {
    if (state.wall.incidents !== previous.wall.incidents) scan(state.wall.incidents);
  });
}

const lookupsInFlight = new Set<string>();

/** Looks up the names of `codes` the store does not know yet (camera search results, say), once each. */
export function lookUpUnitNames(bridge: WallBridge, store: WallStoreApi, codes: Iterable<string>, log: (m: string) => void = console.warn): void {
  for (const code of new Set(codes)) {
    if (store.getState().unitNames[code] !== undefined || lookupsInFlight.has(code)) continue;
    lookupsInFlight.add(code);
    bridge
      .query({ kind: 'unit', code })
      .then((raw) => {
        const parsed = parseAtEdge(Unit, raw);
        if (parsed.ok) store.getState().rememberUnitName(code, parsed.value.name);
        else log(`[unit-names] rejected unit ${code}: ${parsed.message}`);
      })
      .catch((error: unknown) => log(`[unit-names] lookup of ${code} failed: ${String(error)}`))
      .finally(() => lookupsInFlight.delete(code));
  }
}
