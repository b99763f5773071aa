// The unit model the hierarchy hands out; the same shape as the protocol's `Unit`.
import type { UnitLevel } from '../../shared/protocol/units';
import type { LngLat } from './geometry';

export type { UnitLevel };

export interface UnitRecord {
  code: string;
  level: UnitLevel;
  name: string;
  parent: string | null;
  centroid: [number, number];
}

export interface Hierarchy {
  get(code: string): UnitRecord | undefined;
  children(code: string): UnitRecord[];
  all(): Iterable<UnitRecord>;
  count(level: UnitLevel): number;
  /** City first … the code itself; empty for an unknown code. */
  chain(code: string): string[];
  /** Containing unit chain for a point: city, district, street, community, grid. */
  locate(lngLat: LngLat): string[];
  /** District code → outer rings of its polygons as [lng, lat]. */
  districtBoundaries(): Map<string, [number, number][][]>;
}
