import { z } from 'zod';
import { LngLat } from './common';
import { UnitCode, UnitLevel } from './units';

/*
 * Map geometry for the 3D city scene (extensions of the wire contract). Coordinates are
 * [lng, lat] in WGS-84 degrees, as everywhere on the wire; the scene projects them with
 * shared/geo/projection.ts.
 */

/** A closed ring (first point not repeated); outer rings counter-clockwise, holes clockwise. */
export const Ring = z.array(LngLat).min(3).max(20_000);
/** A polygon: its outer ring, then holes. */
export const Polygon = z.array(Ring).min(1).max(100);

/**
 * `GET /api/v1/map/areas?parent=<code>`: the areas of a unit's children. Districts are their real
 * outlines (echarts' Chongqing map); streets, which have no published outlines, are the Voronoi
 * cells of their positions clipped to their district, so they tile it.
 */
export const UnitArea = z.object({
  code: UnitCode,
  name: z.string().min(1),
  level: UnitLevel,
  /** A point inside the area, where its label goes. */
  centroid: LngLat,
  /** MultiPolygon: one or more polygons. */
  polygons: z.array(Polygon).min(1),
});
export type UnitArea = z.infer<typeof UnitArea>;
export const UnitAreaList = z.array(UnitArea);

/** A building's footprint and height: generated inside its street, or from an imported GeoJSON file. */
export const Building = z.object({
  /** Unique across the city: what picking reports. */
  id: z.string().min(1).max(80),
  footprint: Ring,
  heightM: z.number().positive().max(1000),
});
export type Building = z.infer<typeof Building>;

/** `GET /api/v1/map/buildings?unit=<street code>`: the buildings of a street, and where they came from. */
export const BuildingList = z.object({
  unit: UnitCode,
  source: z.enum(['generated', 'imported']),
  buildings: z.array(Building),
});
export type BuildingList = z.infer<typeof BuildingList>;

export const RiskPoint = z.object({ id: z.string(), kind: z.string(), name: z.string(), level: z.string(), unit: UnitCode, location: LngLat });
export type RiskPoint = z.infer<typeof RiskPoint>;
export const RiskPointList = z.array(RiskPoint);

export const RescueTeam = z.object({ id: z.string(), kind: z.string(), name: z.string(), size: z.number().int().min(0), unit: UnitCode, base: LngLat });
export type RescueTeam = z.infer<typeof RescueTeam>;
export const RescueTeamList = z.array(RescueTeam);
