import { z } from 'zod';
import { LngLat } from './common';

export const UNIT_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** National administrative codes: 6 digits (city, district), 9 (street), 12 (community), 15 (grid). */
export const UnitCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{3})?)?)?$/, 'a 6, 9, 12 or 15 digit unit code');
export type UnitCode = z.infer<typeof UnitCode>;

export const Unit = z.object({
  code: UnitCode,
  level: UnitLevel,
  name: z.string().min(1),
  parent: UnitCode.nullable(),
  centroid: LngLat,
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.array(Unit);

/** The short form carried by login and user records. */
export const UnitRef = Unit.pick({ code: true, level: true, name: true });
export type UnitRef = z.infer<typeof UnitRef>;
