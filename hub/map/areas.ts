// The areas of a unit's children for the 3D scene (`GET /api/v1/map/areas?parent=`):
// - the city's districts: their echarts outlines, simplified to 100 m (about the outline data's own
//   1/1024° quantisation) so the whole city is ~320 KB; 两江新区 and 西部科学城重庆高新区 have no
//   outline (they overlay parts of other districts) and are left out;
// - a district's streets: the Voronoi cells of the street positions (in ground metres) clipped to
//   the district's full-resolution outline, so they tile it;
// - a street's communities: the same inside the street's cell; a community whose generated position
//   lies outside that cell (positions were scattered round the street, not inside its cell) is
//   seeded at the point where the line from it to the cell's label point enters the cell.
// Nothing below the district has a published outline, so these are drawn, not surveyed. Every
// answer is computed once per parent and kept: the hierarchy never changes while the hub runs.
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import { CITY_CODE } from '../../shared/domain/units';
import type { LngLat } from '../../shared/protocol/common';
import type { UnitArea } from '../../shared/protocol/map';
import type { Hierarchy, UnitRecord } from '../hierarchy';
import {
  boxOf, cleanMultiPolygon, cleanRing, labelPoint, PlaneRegion, simplifyRing, toLngLat, toPlane,
  type PlaneMultiPolygon, type PlanePoint,
} from './planar';

/** Douglas–Peucker tolerance of the city answer's district outlines (metres). */
export const DISTRICT_SIMPLIFY_METRES = 100;

export type AreasAnswer = { ok: true; areas: UnitArea[] } | { ok: false; code: 'invalid' | 'not_found'; message: string };

interface Tile {
  unit: UnitRecord;
  region: PlaneRegion;
}

export class MapAreas {
  private readonly answers = new Map<string, UnitArea[]>();
  private readonly districtRegions = new Map<string, PlaneRegion>();
  private readonly tilesByParent = new Map<string, Map<string, Tile>>();

  constructor(private readonly hierarchy: Hierarchy) {
    for (const [code, rings] of hierarchy.districtBoundaries()) {
      // The union repairs the outline data's own flaws (开州区's ring crosses itself).
      const polygons = repaired(cleanMultiPolygon(rings.map((ring) => [ring.map((point) => toPlane(point))])));
      if (polygons.length) this.districtRegions.set(code, new PlaneRegion(polygons));
    }
  }

  /** The areas of `parent`'s children, or why there are none to give. */
  childrenOf(parent: string): AreasAnswer {
    const unit = this.hierarchy.get(parent);
    if (!unit) return { ok: false, code: 'not_found', message: `unit ${parent} does not exist` };
    if (unit.level !== 'city' && unit.level !== 'district' && unit.level !== 'street') {
      return { ok: false, code: 'invalid', message: `parent: areas go down to communities, so give the city, a district or a street (${parent} is a ${unit.level})` };
    }
    let areas = this.answers.get(parent);
    if (!areas) {
      areas = parent === CITY_CODE ? this.cityAreas() : [...this.tilesOf(parent).values()].map(({ unit: child, region }) => wireArea(child, region.polygons));
      this.answers.set(parent, areas);
    }
    return { ok: true, areas };
  }

  /** A street's cell in ground metres, or undefined for a code that is not a street with a cell. */
  streetRegion(code: string): PlaneRegion | undefined {
    const street = this.hierarchy.get(code);
    if (!street || street.level !== 'street' || !street.parent) return undefined;
    return this.tilesOf(street.parent).get(code)?.region;
  }

  /** The street whose cell holds the point; undefined outside every district outline. */
  streetAt(point: LngLat): string | undefined {
    const [, district, nearestStreet] = this.hierarchy.locate(point);
    const districtRegion = district ? this.districtRegions.get(district) : undefined;
    const plane = toPlane(point);
    if (!district || !districtRegion?.contains(plane)) return undefined;
    const holder = [...this.tilesOf(district).values()].find((tile) => tile.region.contains(plane));
    // On a seam the clipper rounded: the nearest street of the district.
    return holder ? holder.unit.code : nearestStreet;
  }

  private cityAreas(): UnitArea[] {
    // Districts without an outline (the two new areas) are left out: they have no shape of their own.
    return this.hierarchy.children(CITY_CODE).flatMap((district) => {
      const region = this.districtRegions.get(district.code);
      if (!region) return [];
      const simplified = repaired(cleanMultiPolygon(region.polygons.map((polygon) => polygon.map((ring) => simplifyRing(ring, DISTRICT_SIMPLIFY_METRES)))));
      return [wireArea(district, simplified.length ? simplified : region.polygons)];
    });
  }

  /** The children of a district or street as cells tiling its area (cached per parent). */
  private tilesOf(parent: string): Map<string, Tile> {
    let tiles = this.tilesByParent.get(parent);
    if (tiles) return tiles;
    tiles = new Map();
    const unit = this.hierarchy.get(parent);
    const region = unit?.level === 'district' ? this.districtRegions.get(parent) : unit?.level === 'street' ? this.streetRegion(parent) : undefined;
    const children = this.hierarchy.children(parent);
    if (region && children.length) {
      const sites = children.map((child) => seedInside(region, toPlane(child.centroid)));
      voronoiTiles(sites, region.polygons).forEach((polygons, i) => {
        const child = children[i] as UnitRecord;
        if (polygons.length) tiles!.set(child.code, { unit: child, region: new PlaneRegion(polygons) });
      });
    }
    this.tilesByParent.set(parent, tiles);
    return tiles;
  }
}

/** The same area as valid polygons: no ring crossing itself or another. */
function repaired(polygons: PlaneMultiPolygon): PlaneMultiPolygon {
  return polygons.length ? cleanMultiPolygon(polygonClipping.union(polygons)) : polygons;
}

function wireArea(unit: UnitRecord, polygons: PlaneMultiPolygon): UnitArea {
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    centroid: toLngLat(labelPoint(polygons)),
    polygons: polygons.map((polygon) => polygon.map((ring) => ring.map(toLngLat))),
  };
}

/**
 * The site itself when inside `region`, else where the segment from it to the region's label
 * point enters the region, nudged 5 % further in.
 */
function seedInside(region: PlaneRegion, site: PlanePoint): PlanePoint {
  if (region.contains(site)) return site;
  const target = labelPoint(region.polygons);
  const at = (t: number): PlanePoint => [site[0] + (target[0] - site[0]) * t, site[1] + (target[1] - site[1]) * t];
  let outside = 0;
  let inside = 1;
  for (let step = 0; step < 30; step++) {
    const mid = (outside + inside) / 2;
    if (region.contains(at(mid))) inside = mid;
    else outside = mid;
  }
  const nudged = at(inside + 0.05 * (1 - inside));
  return region.contains(nudged) ? nudged : at(inside);
}

/**
 * The Voronoi cell of each site clipped to `region` (same order; an empty list where nothing is
 * left). Coincident sites are spread 1 m apart first: Voronoi gives a repeated site no cell.
 */
export function voronoiTiles(sites: readonly PlanePoint[], region: PlaneMultiPolygon): PlaneMultiPolygon[] {
  if (sites.length === 1) return [region];
  const seen = new Map<string, number>();
  const spread = sites.map(([x, y]): PlanePoint => {
    const key = `${x.toFixed(2)},${y.toFixed(2)}`;
    const repeats = seen.get(key) ?? 0;
    seen.set(key, repeats + 1);
    const angle = repeats * 2.399963; // the golden angle: repeats fan out without lining up
    return repeats ? [x + Math.cos(angle) * repeats, y + Math.sin(angle) * repeats] : [x, y];
  });
  const box = boxOf([...region.flatMap((polygon) => polygon[0] ?? []), ...spread]);
  const margin = 1000;
  const voronoi = Delaunay.from(spread).voronoi([box.minX - margin, box.minY - margin, box.maxX + margin, box.maxY + margin]);
  return spread.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as PlanePoint[] | null;
    const ring = cell && cleanRing(cell);
    if (!ring) return [];
    return cleanMultiPolygon(polygonClipping.intersection(region, [ring]));
  });
}
