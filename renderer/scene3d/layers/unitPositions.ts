import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { project } from '../../../shared/geo/projection';
import { Unit } from '../../../shared/protocol/units';
import type { WallBridge } from '../../../shared/view/bridge';
import { parseAtEdge } from '../../../shared/validation';
import { useBridge } from '../../bridge/BridgeContext';

type GroundPoint = [number, number];

/**
 * Where each unit sits on the ground (its centroid, projected), looked up once per code through
 * `bridge.query({kind:'unit'})` and kept for the window's life: units do not move, and a busy
 * wall's tasks mention a few hundred of them at most. A failed lookup is asked again on the next
 * request; a malformed answer is logged and not asked again.
 */
export class UnitPositions {
  private readonly known = new Map<string, GroundPoint>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    private readonly bridge: Pick<WallBridge, 'query'>,
    private readonly log: (message: string) => void = console.warn,
  ) {}

  positionOf = (code: string): GroundPoint | undefined => this.known.get(code);

  /** Grows whenever a position arrives: what hooks re-render on. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  request(codes: Iterable<string>): void {
    for (const code of codes) {
      if (this.asked.has(code)) continue;
      this.asked.add(code);
      this.bridge
        .query({ kind: 'unit', code })
        .then((raw) => {
          const parsed = parseAtEdge(Unit, raw);
          if (!parsed.ok) {
            this.log(`[scene3d] rejected unit ${code}: ${parsed.message}`);
            return;
          }
          this.known.set(code, project(parsed.value.centroid));
          this.version += 1;
          for (const listener of this.listeners) listener();
        })
        .catch((error: unknown) => {
          this.asked.delete(code);
          this.log(`[scene3d] lookup of unit ${code} failed: ${String(error)}`);
        });
    }
  }
}

const perBridge = new WeakMap<object, UnitPositions>();

/** The window's one cache of unit positions (per bridge, so tests with their own fake start afresh). */
export function unitPositionsOf(bridge: WallBridge): UnitPositions {
  let positions = perBridge.get(bridge);
  if (!positions) {
    positions = new UnitPositions(bridge);
    perBridge.set(bridge, positions);
  }
  return positions;
}

/**
 * Asks for the positions of `codes` and returns a lookup plus a version that grows as answers
 * come in (put it in the dependencies of whatever is built from the lookup).
 */
export function useUnitPositions(codes: readonly string[]): { positionOf: (code: string) => GroundPoint | undefined; version: number } {
  const positions = unitPositionsOf(useBridge());
  const key = codes.join(',');
  useEffect(() => {
    if (key !== '') positions.request(key.split(','));
  }, [positions, key]);
  const version = useSyncExternalStore(positions.subscribe, positions.getVersion);
  const positionOf = useCallback((code: string) => positions.positionOf(code), [positions]);
  return { positionOf, version };
}
