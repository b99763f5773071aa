// A deterministic, city-like set of buildings for bench:city3d and tests: street blocks on grids
// turned per 3 km district, cut into lots, a building in the lots the density picks (a dense core
// around the scene origin plus a few sub-centres, thinning outwards), footprints 10–60 m
// (rectangles, L shapes, polygonal towers), heights 6–250 m, tallest in the core.
import { unproject } from '../../shared/geo/projection';
import type { LngLat } from '../../shared/protocol/common';
import type { Building } from '../../shared/protocol/map';

export interface SyntheticCityOptions {
  count: number;
  seed?: number;
}

const DISTRICT_M = 3000;
const BLOCK_M = 160;
const STREET_M = 18;
const SUB_CENTRES: readonly [number, number, number][] = [
  // x, z, weight
  [6500, -4000, 0.55],
  [-7000, 2500, 0.45],
  [3000, 8000, 0.4],
  [-4000, -9000, 0.35],
  [11000, 5000, 0.3],
];

/** mulberry32: small, fast, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0 (open country) – 1 (the core): how built-up the ground is at (x, z). */
export function coreness(x: number, z: number, scale: number): number {
  let w = Math.exp(-Math.hypot(x, z) / (2200 * scale));
  for (const [cx, cz, weight] of SUB_CENTRES) w += weight * Math.exp(-Math.hypot(x - cx * scale, z - cz * scale) / (1300 * scale));
  return Math.min(1, w);
}

interface Lot {
  x: number;
  z: number;
  /** Lot axes: u along the district grid, v across. */
  angle: number;
  sizeU: number;
  sizeV: number;
  core: number;
  key: number;
}

/** Cuts a block into lots by splitting its longer side until lots are small enough for the place. */
function splitBlock(u0: number, v0: number, su: number, sv: number, maxLot: number, random: () => number, out: [number, number, number, number][]): void {
  if (su <= maxLot && sv <= maxLot) {
    out.push([u0, v0, su, sv]);
    return;
  }
  const alongU = su >= sv;
  const side = alongU ? su : sv;
  const cut = side * (0.35 + 0.3 * random());
  if (alongU) {
    splitBlock(u0, v0, cut, sv, maxLot, random, out);
    splitBlock(u0 + cut, v0, su - cut, sv, maxLot, random, out);
  } else {
    splitBlock(u0, v0, su, cut, maxLot, random, out);
    splitBlock(u0, v0 + cut, su, sv - cut, maxLot, random, out);
  }
}

function candidateLots(radius: number, scale: number, random: () => number): Lot[] {
  const lots: Lot[] = [];
  const districts = Math.ceil(radius / DISTRICT_M);
  const parts: [number, number, number, number][] = [];
  for (let dz = -districts; dz <= districts; dz += 1) {
    for (let dx = -districts; dx <= districts; dx += 1) {
      // a district centred on the origin, not four meeting there
      const x0 = (dx - 0.5) * DISTRICT_M;
      const z0 = (dz - 0.5) * DISTRICT_M;
      const angle = (random() - 0.5) * 0.9;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const cx = x0 + DISTRICT_M / 2;
      const cz = z0 + DISTRICT_M / 2;
      // blocks over the district's square in its own turned frame; lots that leave the square are dropped
      const reach = DISTRICT_M * 0.75;
      for (let bv = -reach; bv < reach; bv += BLOCK_M) {
        for (let bu = -reach; bu < reach; bu += BLOCK_M) {
          const core = coreness(cx + bu * cos - bv * sin, cz + bu * sin + bv * cos, scale);
          if (core < 0.02) continue;
          parts.length = 0;
          splitBlock(bu + STREET_M / 2, bv + STREET_M / 2, BLOCK_M - STREET_M, BLOCK_M - STREET_M, 32 + 14 * core, random, parts);
          for (const [u, v, su, sv] of parts) {
            const mu = u + su / 2;
            const mv = v + sv / 2;
            const x = cx + mu * cos - mv * sin;
            const z = cz + mu * sin + mv * cos;
            const half = Math.hypot(su, sv) / 2;
            if (x - half < x0 || x + half > x0 + DISTRICT_M || z - half < z0 || z + half > z0 + DISTRICT_M) continue;
            if (Math.hypot(x, z) > radius) continue;
            const lotCore = coreness(x, z, scale);
            // weighted sampling without replacement (Efraimidis–Spirakis): the largest keys win
            lots.push({ x, z, angle, sizeU: su, sizeV: sv, core: lotCore, key: Math.log(random()) / (lotCore * lotCore) });
          }
        }
      }
    }
  }
  return lots;
}

function footprintIn(lot: Lot, random: () => number): [number, number][] {
  const setback = 2 + 3 * random();
  const su = Math.max(10, Math.min(60, lot.sizeU - setback * 2));
  const sv = Math.max(10, Math.min(60, lot.sizeV - setback * 2));
  const shape = random();
  let local: [number, number][];
  if (shape < 0.1 + 0.15 * lot.core) {
    // a tower: a regular polygon in the lot, even-sided so it is as wide as its circle
    const sides = 6 + 2 * Math.floor(random() * 4);
    const r = Math.min(su, sv) / 2;
    local = Array.from({ length: sides }, (_, i) => {
      const a = (i / sides) * Math.PI * 2;
      return [Math.cos(a) * r, Math.sin(a) * r];
    });
  } else if (shape < 0.35 + 0.1 * lot.core && su > 16 && sv > 16) {
    // an L: the rectangle with one corner cut away
    const cu = su * (0.35 + 0.3 * random());
    const cv = sv * (0.35 + 0.3 * random());
    local = [
      [-su / 2, -sv / 2],
      [su / 2, -sv / 2],
      [su / 2, sv / 2 - cv],
      [su / 2 - cu, sv / 2 - cv],
      [su / 2 - cu, sv / 2],
      [-su / 2, sv / 2],
    ];
  } else {
    local = [
      [-su / 2, -sv / 2],
      [su / 2, -sv / 2],
      [su / 2, sv / 2],
      [-su / 2, sv / 2],
    ];
  }
  const cos = Math.cos(lot.angle);
  const sin = Math.sin(lot.angle);
  return local.map(([u, v]) => [lot.x + u * cos - v * sin, lot.z + u * sin + v * cos]);
}

function heightFor(core: number, random: () => number): number {
  // log-normal around a median that climbs from ~10 m in the country to ~150 m in the core
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const median = 8 + 150 * core ** 1.4;
  return Math.round(Math.min(250, Math.max(6, median * Math.exp(0.6 * gauss))) * 10) / 10;
}

/** `count` buildings, the same for the same count and seed. */
export function syntheticCity({ count, seed = 7 }: SyntheticCityOptions): Building[] {
  // the city grows with the count, so density stays city-like (200k: ~18 km radius)
  const scale = Math.max(0.1, Math.sqrt(count / 200_000));
  let radius = 18_000 * scale;
  let lots: Lot[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    lots = candidateLots(radius, scale, seededRandom(seed));
    if (lots.length >= count * 1.5) break;
    radius *= 1.25;
  }
  lots.sort((a, b) => b.key - a.key);
  const random = seededRandom(seed ^ 0x5bd1e995);
  return lots.slice(0, count).map((lot, i) => {
    // counter-clockwise in (lng, lat), as the wire contract has outer rings: (x, z) flips the sense
    const ring = footprintIn(lot, random).reverse();
    const footprint = ring.map((p) => roundLngLat(unproject(p)));
    return { id: `syn-${i}`, footprint, heightM: heightFor(lot.core, random) };
  });
}

function roundLngLat([lng, lat]: LngLat): LngLat {
  // ~1 cm: what real footprint files carry, and shorter JSON
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
