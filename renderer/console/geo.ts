import { LngLat } from '../../shared/protocol/common';

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two [lng, lat] points (haversine). */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = toRadians(b[1] - a[1]);
  const dLng = toRadians(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a[1])) * Math.cos(toRadians(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A point typed by the officer: "lng,lat" (longitude first, as everywhere in the contract);
 * a Chinese comma or spaces are fine. Null when it is not two numbers in range.
 */
export function parseLngLat(text: string): [number, number] | null {
  const parts = text.trim().split(/\s*[,，\s]\s*/);
  if (parts.length !== 2 || parts.some((p) => p === '')) return null;
  const parsed = LngLat.safeParse(parts.map(Number));
  return parsed.success && parsed.data.every(Number.isFinite) ? parsed.data : null;
}
