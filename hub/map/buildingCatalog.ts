// The buildings each street answers: imported footprints where a GeoJSON file supplied some for
// that street (HUB_BUILDINGS_FILE at start, or `POST /api/v1/map/buildings` at run time), else the
// procedural ones. An imported building belongs to the street whose cell holds its footprint's
// centroid; one outside every district outline (a file cut by a bounding box reaches into
// Sichuan or Guizhou) is left out and counted.
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_LIMITS, describeProblems, parseBuildingsGeoJson, type BuildingsGeoJsonLimits } from '../../shared/geo/buildingsGeoJson';
import type { LngLat } from '../../shared/protocol/common';
import type { Building, BuildingList } from '../../shared/protocol/map';
import { CORE_DISTRICTS } from '../catalog';
import type { Hierarchy } from '../hierarchy';
import type { MapAreas } from './areas';
import { generateBuildings } from './buildings';
import { toPlane } from './planar';

/** The environment variable naming the footprint file; load errors start with it. */
export const BUILDINGS_FILE_ENV = 'HUB_BUILDINGS_FILE';
/** Generated streets kept ready (each is 1–15 ms to make). */
const GENERATED_CACHE = 64;

export interface ImportSummary {
  /** Buildings now imported (a MultiPolygon feature counts once per polygon). */
  buildings: number;
  /** Streets that now answer `imported`. */
  streets: number;
  /** Buildings left out: outside every district outline. */
  outside: number;
}

export class BuildingCatalog {
  private imported = new Map<string, Building[]>();
  private readonly generated = new Map<string, Building[]>();

  constructor(private readonly hierarchy: Hierarchy, private readonly areas: MapAreas) {}

  /** The buildings of a street (a known street code; the caller checks). */
  buildingsOf(street: string): BuildingList {
    const imported = this.imported.get(street);
    if (imported) return { unit: street, source: 'imported', buildings: imported };
    return { unit: street, source: 'generated', buildings: this.generatedOf(street) };
  }

  /**
   * Replaces the imported set, all at once (a street never mixes two files); refuses, changing
   * nothing, when none of the buildings lies inside a district.
   */
  replaceImported(buildings: readonly Building[]): { ok: true; summary: ImportSummary } | { ok: false; message: string } {
    const byStreet = new Map<string, Building[]>();
    let outside = 0;
    for (const building of buildings) {
      const street = this.areas.streetAt(centroidOf(building.footprint));
      if (!street) {
        outside++;
        continue;
      }
      const list = byStreet.get(street);
      if (list) list.push(building);
      else byStreet.set(street, [building]);
    }
    if (byStreet.size === 0) {
      return { ok: false, message: `features: none of the ${buildings.length} buildings lies inside Chongqing’s district outlines` };
    }
    this.imported = byStreet;
    return { ok: true, summary: { buildings: buildings.length - outside, streets: byStreet.size, outside } };
  }

  private generatedOf(street: string): Building[] {
    const cached = this.generated.get(street);
    if (cached) {
      // Most recently used last: the Map's order is the eviction order.
      this.generated.delete(street);
      this.generated.set(street, cached);
      return cached;
    }
    const unit = this.hierarchy.get(street);
    const region = this.areas.streetRegion(street);
    const buildings =
      unit && region
        ? generateBuildings({ code: street, position: toPlane(unit.centroid), core: CORE_DISTRICTS.has(street.slice(0, 6)), urban: unit.name.endsWith('街道') }, region)
        : [];
    this.generated.set(street, buildings);
    if (this.generated.size > GENERATED_CACHE) this.generated.delete(this.generated.keys().next().value as string);
    return buildings;
  }
}

/** Area-weighted centroid of a footprint (its first point when it has no area). */
export function centroidOf(ring: readonly LngLat[]): LngLat {
  const [x0, y0] = ring[0] as LngLat;
  let twice = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = (ring[i] as LngLat)[0] - x0, yi = (ring[i] as LngLat)[1] - y0;
    const xj = (ring[j] as LngLat)[0] - x0, yj = (ring[j] as LngLat)[1] - y0;
    const cross = xj * yi - xi * yj;
    twice += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  return twice === 0 ? [x0, y0] : [x0 + cx / (3 * twice), y0 + cy / (3 * twice)];
}

/**
 * The buildings of a GeoJSON text, or an Error whose message starts with `label` and lists the
 * problems with where they are (the importer's own words).
 */
export function parseBuildingsText(text: string, label: string, limits?: Partial<BuildingsGeoJsonLimits>): Building[] {
  const result = parseBuildingsGeoJson(text, limits);
  if (!result.ok) throw new Error(`${label}: ${describeProblems(result)}`);
  return result.buildings;
}

/** Reads and checks a footprint file; throws an Error naming the file and every problem's place. */
export function readBuildingsFile(filePath: string): Building[] {
  let text: string;
  try {
    const bytes = statSync(filePath).size;
    if (bytes > DEFAULT_LIMITS.maxChars) {
      throw new Error(`${BUILDINGS_FILE_ENV} ${filePath}: ${Math.round(bytes / 2 ** 20)} MiB; at most ${DEFAULT_LIMITS.maxChars / 2 ** 20} MiB are accepted (split the file)`);
    }
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as Error).message.startsWith(BUILDINGS_FILE_ENV)) throw error;
    throw new Error(`${BUILDINGS_FILE_ENV} ${filePath}: cannot read it (${(error as Error).message})`);
  }
  return parseBuildingsText(text, `${BUILDINGS_FILE_ENV} ${filePath}`);
}
