// The in-memory unit tree: lookups by code, parent/child walks, and point location.
import { buildUnits } from './buildUnits';
import { CITY_CODE } from '../../shared/domain/units';
import type { DistrictShape } from './districtShape';
import { squaredDistance, type LngLat } from './geometry';
import type { Hierarchy, UnitLevel, UnitRecord } from './units';

/** Cell size of the district lookup grid (degrees). */
const DISTRICT_CELL = 0.05;

class UnitHierarchy implements Hierarchy {
  private readonly byCode = new Map<string, UnitRecord>();
  private readonly childrenByCode = new Map<string, UnitRecord[]>();
  private readonly levelCounts = new Map<UnitLevel, number>();
  private readonly districtCells = new Map<number, DistrictShape[]>();
  private readonly boundaries = new Map<string, [number, number][][]>();
  private readonly geographicDistricts: UnitRecord[] = [];

  constructor(records: UnitRecord[], private readonly shapes: Map<string, DistrictShape>) {
    for (const record of records) {
      this.byCode.set(record.code, record);
      this.levelCounts.set(record.level, (this.levelCounts.get(record.level) ?? 0) + 1);
      if (record.parent === null) continue;
      const siblings = this.childrenByCode.get(record.parent);
      if (siblings) siblings.push(record);
      else this.childrenByCode.set(record.parent, [record]);
    }
    for (const siblings of this.childrenByCode.values()) siblings.sort((a, b) => a.code.localeCompare(b.code));
    for (const shape of shapes.values()) {
      this.boundaries.set(shape.code, shape.outerRings());
      const district = this.byCode.get(shape.code);
      if (district) this.geographicDistricts.push(district);
      this.indexDistrict(shape);
    }
  }

  get(code: string): UnitRecord | undefined {
    return this.byCode.get(code);
  }

  children(code: string): UnitRecord[] {
    return this.childrenByCode.get(code) ?? [];
  }

  all(): Iterable<UnitRecord> {
    return this.byCode.values();
  }

  count(level: UnitLevel): number {
    return this.levelCounts.get(level) ?? 0;
  }

  chain(code: string): string[] {
    const codes: string[] = [];
    for (let unit = this.byCode.get(code); unit; unit = unit.parent ? this.byCode.get(unit.parent) : undefined) {
      codes.push(unit.code);
    }
    return codes.reverse();
  }

  locate(point: LngLat): string[] {
    const district = this.districtContaining(point) ?? nearestOf(this.geographicDistricts, point);
    const codes = [CITY_CODE];
    // Below the district nothing has a boundary: descend to the nearest centroid within the parent.
    for (let unit = district; unit; unit = nearestOf(this.children(unit.code), point)) codes.push(unit.code);
    return codes;
  }

  districtBoundaries(): Map<string, [number, number][][]> {
    return new Map(this.boundaries);
  }

  private districtContaining(point: LngLat): UnitRecord | undefined {
    const candidates = this.districtCells.get(cellKey(Math.floor(point[0] / DISTRICT_CELL), Math.floor(point[1] / DISTRICT_CELL)));
    const shape = candidates?.find((candidate) => candidate.contains(point));
    return shape ? this.byCode.get(shape.code) : undefined;
  }

  private indexDistrict(shape: DistrictShape): void {
    const { minLng, minLat, maxLng, maxLat } = shape.bbox;
    for (let col = Math.floor(minLng / DISTRICT_CELL); col <= Math.floor(maxLng / DISTRICT_CELL); col++) {
      for (let row = Math.floor(minLat / DISTRICT_CELL); row <= Math.floor(maxLat / DISTRICT_CELL); row++) {
        const key = cellKey(col, row);
        const cell = this.districtCells.get(key);
        if (cell) cell.push(shape);
        else this.districtCells.set(key, [shape]);
      }
    }
  }
}

function cellKey(col: number, row: number): number {
  return col * 100_000 + row;
}

function nearestOf(units: UnitRecord[], point: LngLat): UnitRecord | undefined {
  let best: UnitRecord | undefined;
  let bestDistance = Infinity;
  for (const unit of units) {
    const distance = squaredDistance(unit.centroid, point);
    if (distance < bestDistance) {
      best = unit;
      bestDistance = distance;
    }
  }
  return best;
}

let cached: Hierarchy | undefined;

/** The Chongqing hierarchy, built once per process (a few hundred milliseconds). */
export function loadHierarchy(): Hierarchy {
  if (!cached) {
    const { records, shapes } = buildUnits();
    cached = new UnitHierarchy(records, shapes);
  }
  return cached;
}
