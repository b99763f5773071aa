// Procedural buildings inside a street's cell, deterministic from the street's code: a rotated
// grid of plots round the street's position (its urban centre), each holding at most one
// footprint (a rectangle or an L) that stays inside its plot's circle, so no two ever overlap.
// The nine core districts are dense and tall (20–250 m, towers near the centre); elsewhere plots
// are wider, fewer and low (6–40 m).
import type { Building } from '../../shared/protocol/map';
import { Random } from '../hierarchy';
import { toLngLat, type PlanePoint, type PlaneRegion } from './planar';

export interface StreetSite {
  code: string;
  /** The street's position in ground metres. */
  position: PlanePoint;
  /** In one of the nine core districts. */
  core: boolean;
  /** A 街道 (urban) rather than a 镇/乡. */
  urban: boolean;
}

interface Profile {
  /** Plot pitch, metres. */
  pitch: number;
  /** Share of plots built on near the centre. */
  fill: number;
  /** At most this many buildings. */
  cap: number;
  minHeight: number;
  maxHeight: number;
  /** Height = min + span × u^exponent: larger exponents keep most buildings low. */
  exponent: number;
}

const PROFILES = {
  coreUrban: { pitch: 26, fill: 0.92, cap: 2000, minHeight: 20, maxHeight: 250, exponent: 3 },
  coreTown: { pitch: 34, fill: 0.6, cap: 800, minHeight: 20, maxHeight: 160, exponent: 3.5 },
  urban: { pitch: 50, fill: 0.55, cap: 600, minHeight: 6, maxHeight: 40, exponent: 2 },
  town: { pitch: 55, fill: 0.45, cap: 250, minHeight: 6, maxHeight: 40, exponent: 3 },
} satisfies Record<string, Profile>;

export function profileOf(site: StreetSite): Profile {
  if (site.core) return site.urban ? PROFILES.coreUrban : PROFILES.coreTown;
  return site.urban ? PROFILES.urban : PROFILES.town;
}

/** Space kept free round each plot's footprint (metres): half the gap between neighbours. */
const HALF_GAP = 1.2;

export function generateBuildings(site: StreetSite, region: PlaneRegion): Building[] {
  const random = new Random(`buildings:${site.code}`);
  const profile = profileOf(site);
  const { pitch, fill, cap } = profile;
  const angle = random.range(0, Math.PI / 2);
  const along: PlanePoint = [Math.cos(angle), Math.sin(angle)];
  const across: PlanePoint = [-along[1], along[0]];
  // Plots fill a disc that would hold `cap` at full fill, feathered beyond it.
  const radius = pitch * Math.sqrt(cap / (fill * Math.PI));
  const reach = Math.ceil((2 * radius) / pitch);
  const candidates: { centre: PlanePoint; distance: number; roll: number }[] = [];
  for (let u = -reach; u <= reach; u++) {
    for (let v = -reach; v <= reach; v++) {
      const centre: PlanePoint = [site.position[0] + (u * along[0] + v * across[0]) * pitch, site.position[1] + (u * along[1] + v * across[1]) * pitch];
      const distance = Math.hypot(u, v) * pitch;
      const roll = random.next();
      if (distance > 2 * radius) continue;
      const density = distance < radius ? fill : fill * Math.exp(-(((distance - radius) / (0.35 * radius)) ** 2));
      if (roll < density && region.contains(centre)) candidates.push({ centre, distance, roll });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || a.roll - b.roll);
  const buildings: Building[] = [];
  for (const { centre, distance } of candidates) {
    if (buildings.length >= cap) break;
    const closeness = Math.exp(-((distance / radius) ** 2));
    const heightM = heightOf(profile, random, closeness);
    const footprint = footprintOf(profile, random, heightM, centre, angle);
    if (!footprint.every((corner) => region.contains(corner))) continue;
    buildings.push({ id: `${site.code}-g${String(buildings.length + 1).padStart(4, '0')}`, footprint: footprint.map(toLngLat), heightM });
  }
  return buildings;
}

function heightOf(profile: Profile, random: Random, closeness: number): number {
  // Near the centre the exponent drops, so towers gather there.
  const exponent = Math.max(1, profile.exponent - 1.2 * closeness);
  const height = profile.minHeight + (profile.maxHeight - profile.minHeight) * random.next() ** exponent;
  return Math.round(height * 10) / 10;
}

/**
 * A counter-clockwise footprint round `centre`: a square-ish tower when tall, else a slab or an L;
 * turned a little off the grid and shifted within its plot, never reaching past the plot's circle.
 */
function footprintOf(profile: Profile, random: Random, heightM: number, centre: PlanePoint, gridAngle: number): PlanePoint[] {
  const limit = profile.pitch / 2 - HALF_GAP;
  const tower = heightM > 60;
  const width = tower ? random.range(0.55, 0.7) * 2 * limit : random.range(0.6, 0.95) * 2 * limit;
  const depth = tower ? width * random.range(0.8, 1) : width * random.range(0.35, 0.6);
  const shape = !tower && random.chance(0.3) ? lShape(width, depth * 1.5, random) : rectangle(width, depth);
  // Scale down to the plot's circle, then use what room is left to shift it.
  const reach = Math.max(...shape.map(([x, y]) => Math.hypot(x, y)));
  const scale = Math.min(1, limit / reach);
  const slack = limit - reach * scale;
  const shift = random.range(0, slack);
  const shiftAngle = random.range(0, 2 * Math.PI);
  const turn = gridAngle + random.range(-0.14, 0.14);
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  return shape.map(([x, y]) => [
    centre[0] + Math.cos(shiftAngle) * shift + (x * cos - y * sin) * scale,
    centre[1] + Math.sin(shiftAngle) * shift + (x * sin + y * cos) * scale,
  ]);
}

function rectangle(width: number, depth: number): PlanePoint[] {
  const w = width / 2;
  const d = depth / 2;
  return [[-w, -d], [w, -d], [w, d], [-w, d]];
}

/** An L: the w × d box less one corner, centred on the box. */
function lShape(width: number, depth: number, random: Random): PlanePoint[] {
  const w = width / 2;
  const d = depth / 2;
  const cutX = width * random.range(0.4, 0.6);
  const cutY = depth * random.range(0.4, 0.6);
  return [[-w, -d], [w, -d], [w, d - cutY], [w - cutX, d - cutY], [w - cutX, d], [-w, d]];
}
