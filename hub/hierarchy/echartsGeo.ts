// Decoder for ECharts' compressed GeoJSON ("UTF8Encoding": true), the format of
// echarts@4.9.0's map/json files. Same algorithm as echarts' lib/coord/geo/parseGeoJson.js:
// each ring is a string of char pairs, zigzag-encoded deltas offset by 64, quantised by 1024.
import type { LngLat, Ring } from './geometry';

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
  encodeOffsets?: unknown[];
}

export interface EncodedFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: EncodedGeometry;
}

export interface EncodedFeatureCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EncodedFeature[];
}

export function decodeRing(encoded: string, offsets: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale] as LngLat);
  }
  return ring;
}

/** Returns the feature's polygons, each as [outer ring, ...holes]. */
export function decodeFeaturePolygons(feature: EncodedFeature, collection: EncodedFeatureCollection): Ring[][] {
  const { geometry } = feature;
  const scale = collection.UTF8Scale ?? 1024;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const polygonOffsets = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets;
  return (polygons as unknown[][]).map((rings, p) =>
    rings.map((ring, r) => {
      if (!collection.UTF8Encoding) return ring as Ring;
      const offsets = (polygonOffsets?.[p] as [number, number][] | undefined)?.[r];
      if (!offsets) throw new Error(`missing encodeOffsets for ${feature.properties.name} polygon ${p} ring ${r}`);
      return decodeRing(ring as string, offsets, scale);
    }),
  );
}
