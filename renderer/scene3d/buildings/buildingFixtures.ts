import { unproject } from '../../../shared/geo/projection';
import type { Building } from '../../../shared/protocol/map';

/*
 * Buildings laid out in scene metres, for tests: footprints go through unproject, so the code
 * under test projects them back exactly as it does the hub's.
 */

/** A ring given in scene metres (x east, z south), as [lng, lat] counter-clockwise. */
export function buildingFromMetres(id: string, ring: readonly [number, number][], heightM: number): Building {
  return { id, footprint: ring.map((p) => unproject([p[0], p[1]])), heightM };
}

/** A w × d rectangle centred on (x, z). */
export function boxBuilding(id: string, x: number, z: number, w: number, d: number, heightM: number): Building {
  // counter-clockwise in (lng, lat) is clockwise in (x, z)
  return buildingFromMetres(
    id,
    [
      [x - w / 2, z - d / 2],
      [x - w / 2, z + d / 2],
      [x + w / 2, z + d / 2],
      [x + w / 2, z - d / 2],
    ],
    heightM,
  );
}

/** `side` × `side` buildings every `spacing` metres from (x0, z0), heights cycling 10–100 m. */
export function buildingGrid(side: number, spacing: number, x0 = 0, z0 = 0, size = 20): Building[] {
  const out: Building[] = [];
  for (let row = 0; row < side; row += 1) {
    for (let col = 0; col < side; col += 1) {
      out.push(boxBuilding(`b-${col}-${row}`, x0 + col * spacing + spacing / 2, z0 + row * spacing + spacing / 2, size, size, 10 + ((col * 7 + row * 13) % 10) * 10));
    }
  }
  return out;
}
