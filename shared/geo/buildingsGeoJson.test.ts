import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Building } from '../protocol/map';
import { describeProblems, parseBuildingsGeoJson, type BuildingsImport } from './buildingsGeoJson';

const sample = readFileSync(path.join(import.meta.dirname, '../../resources/sample-buildings.geojson'), 'utf8');

/** A small square footprint near 解放碑, closed as GeoJSON wants. */
const square = (lng = 106.5775, lat = 29.5575, size = 0.0002): number[][] => [
  [lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat],
];
const feature = (extra: Record<string, unknown> = {}, properties: Record<string, unknown> | null = { height: 30 }) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [square()] },
  ...extra,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function problemsOf(result: BuildingsImport): string[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
}

describe('parseBuildingsGeoJson: good files', () => {
  it('reads the sample file: every feature a building, ids kept, heights from height or levels', () => {
    const result = parseBuildingsGeoJson(sample);
    if (!result.ok) throw new Error(describeProblems(result));
    expect(result.features).toBe(107);
    // 106 polygons + one MultiPolygon of two towers
    expect(result.buildings).toHaveLength(108);
    for (const building of result.buildings) Building.parse(building);
    const ids = result.buildings.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('jfb-0001');
    expect(ids).toEqual(expect.arrayContaining(['jfb-twin#1', 'jfb-twin#2']));
    expect(result.buildings.find((b) => b.id === 'jfb-0001')).toMatchObject({ heightM: 20.3 });
  });

  it('takes height in metres (number or "45 m"), else levels or building:levels × 3 m', () => {
    const result = parseBuildingsGeoJson(
      collection(
        feature({ id: 'a' }, { height: 45.25 }),
        feature({ id: 'b' }, { height: '12 m' }),
        feature({ id: 'c' }, { levels: 10 }),
        feature({ id: 'd' }, { 'building:levels': '7' }),
      ),
    );
    expect(result.ok && result.buildings.map((b) => [b.id, b.heightM])).toEqual([['a', 45.3], ['b', 12], ['c', 30], ['d', 21]]);
  });

  it('ids: the feature id, else properties.id, else geojson-<n>; numbers become strings', () => {
    const result = parseBuildingsGeoJson(collection(feature({ id: 42 }), feature({}, { id: 'osm-7', height: 9 }), feature()));
    expect(result.ok && result.buildings.map((b) => b.id)).toEqual(['42', 'osm-7', 'geojson-3']);
  });

  it('drops the closing point, re-winds clockwise rings counter-clockwise, ignores holes and altitude', () => {
    const clockwise = [...square()].reverse().map(([lng, lat]) => [lng, lat, 250]);
    const hole = square(106.57755, 29.55755, 0.00005);
    const result = parseBuildingsGeoJson(collection(feature({ geometry: { type: 'Polygon', coordinates: [clockwise, hole] } })));
    if (!result.ok) throw new Error(describeProblems(result));
    const [building] = result.buildings;
    expect(building!.footprint).toHaveLength(4);
    const [a, b, c] = building!.footprint as [[number, number], [number, number], [number, number]];
    // counter-clockwise: the turn a→b→c is to the left
    expect((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])).toBeGreaterThan(0);
  });

  it('accepts a BOM, a WGS-84 crs member and unclosed rings', () => {
    const open = square().slice(0, 4);
    const text = `\uFEFF${JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [feature({ geometry: { type: 'Polygon', coordinates: [open] } })],
    })}`;
    expect(parseBuildingsGeoJson(text).ok).toBe(true);
  });
});

describe('parseBuildingsGeoJson: malformed files say what is wrong and where', () => {
  it('not JSON, not GeoJSON, a single Feature, a bare geometry, no features', () => {
    expect(problemsOf(parseBuildingsGeoJson('<kml></kml>'))[0]).toMatch(/^\(file\): not JSON, so not GeoJSON/);
    expect(problemsOf(parseBuildingsGeoJson('[1, 2]'))).toEqual(['(root): not GeoJSON: a FeatureCollection object is needed, this is an array']);
    expect(problemsOf(parseBuildingsGeoJson('{"name": "x"}'))).toEqual(['(root): not GeoJSON: type is missing (a FeatureCollection is needed)']);
    expect(problemsOf(parseBuildingsGeoJson(JSON.stringify(feature()))))
      .toEqual(['(root): a single Feature; wrap it in {"type": "FeatureCollection", "features": [...]}']);
    expect(problemsOf(parseBuildingsGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [square()] }))))
      .toEqual(['(root): a bare Polygon geometry; a FeatureCollection of building features (with heights) is needed']);
    expect(problemsOf(parseBuildingsGeoJson('{"type": "FeatureCollection", "features": {}}'))).toEqual(['features: must be an array of Features']);
    expect(problemsOf(parseBuildingsGeoJson(collection()))).toEqual(['features: the collection is empty: no buildings to import']);
  });

  it('rings with too few points, no area, or positions that are not numbers', () => {
    const twoPoints = [[106.5775, 29.5575], [106.5776, 29.5575], [106.5775, 29.5575]];
    const line = [[106.5775, 29.5575], [106.5776, 29.5575], [106.5777, 29.5575], [106.5775, 29.5575]];
    const problems = problemsOf(
      parseBuildingsGeoJson(
        collection(
          feature(),
          feature({ geometry: { type: 'Polygon', coordinates: [twoPoints] } }),
          feature({ geometry: { type: 'MultiPolygon', coordinates: [[square()], [line]] } }),
          feature({ geometry: { type: 'Polygon', coordinates: [[[106.5775, '29.5'], [1, 2]]] } }),
          feature({ geometry: { type: 'Polygon', coordinates: [] } }),
        ),
      ),
    );
    expect(problems).toEqual([
      'features[1].geometry.coordinates[0]: ring has 2 points (needs ≥ 3)',
      'features[2].geometry.coordinates[1][0]: ring has no area (its points are on one line)',
      'features[3].geometry.coordinates[0][0]: [106.5775,"29.5"] is not a position [lng, lat] of numbers',
      'features[4].geometry.coordinates: must be a non-empty array of rings',
    ]);
  });

  it('heights: negative, not a number, too tall, missing', () => {
    const problems = problemsOf(
      parseBuildingsGeoJson(
        collection(
          feature({}, { height: -5 }),
          feature({}, { height: 'tall' }),
          feature({}, { height: 1200 }),
          feature({}, { 'building:levels': 0 }),
          feature({}, { name: 'no height' }),
          feature({}, null),
        ),
      ),
    );
    expect(problems).toEqual([
      'features[0].properties.height: -5 is not a positive number',
      'features[1].properties.height: "tall" is not a number of metres',
      'features[2].properties.height: 1200 is above the limit of 1,000 metres',
      'features[3].properties["building:levels"]: 0 is not a positive number',
      'features[4].properties: no height: give height (metres), or levels / building:levels (× 3 m)',
      'features[5].properties: no height: give height (metres), or levels / building:levels (× 3 m)',
    ]);
  });

  it('coordinates outside Chongqing: projected metres and swapped [lat, lng] are named as such', () => {
    const projected = [[11864000, 3446000], [11864020, 3446000], [11864020, 3446020], [11864000, 3446000]];
    const swapped = square().map(([lng, lat]) => [lat, lng]);
    const beijing = square(116.4, 39.9);
    const problems = problemsOf(
      parseBuildingsGeoJson(
        collection(
          feature({ geometry: { type: 'Polygon', coordinates: [projected] } }),
          feature({ geometry: { type: 'Polygon', coordinates: [swapped] } }),
          feature({ geometry: { type: 'Polygon', coordinates: [beijing] } }),
        ),
      ),
    );
    expect(problems[0]).toBe(
      'features[0].geometry.coordinates[0][0]: 11864000, 3446000 is outside Chongqing (105.15–110.25°E, 28.1–32.3°N): these look like projected coordinates (metres), not WGS-84 degrees; reproject the file to EPSG:4326',
    );
    expect(problems[1]).toMatch(/^features\[1\]\.geometry\.coordinates\[0\]\[0\]: 29\.5575, 106\.5775 is outside Chongqing .*: it looks like \[lat, lng\]; GeoJSON positions are \[lng, lat\]$/);
    expect(problems[2]).toBe('features[2].geometry.coordinates[0][0]: 116.4, 39.9 is outside Chongqing (105.15–110.25°E, 28.1–32.3°N)');
  });

  it('a projected crs member is refused before any feature is read', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }, features: [feature()] });
    expect(problemsOf(parseBuildingsGeoJson(text))).toEqual(['crs: urn:ogc:def:crs:EPSG::3857 is not WGS-84: reproject the file to EPSG:4326 longitude/latitude degrees']);
  });

  it('feature structure: wrong type, missing or non-footprint geometry, duplicate and overlong ids', () => {
    const problems = problemsOf(
      parseBuildingsGeoJson(
        collection(
          { type: 'Feature', properties: { height: 3 } },
          feature({ type: 'feature' }),
          feature({ geometry: null }),
          feature({ geometry: { type: 'Point', coordinates: [106.5, 29.5] } }),
          feature({ id: 'w1' }),
          feature({}, { id: 'w1', height: 4 }),
          feature({ id: 'x'.repeat(81) }),
          'not a feature',
        ),
      ),
    );
    expect(problems).toEqual([
      'features[0].geometry: must be a Polygon or MultiPolygon object',
      'features[1].type: must be "Feature"',
      'features[2].geometry: missing: a Polygon or MultiPolygon footprint is needed',
      'features[3].geometry.type: Point is not a footprint (a Polygon or MultiPolygon is needed)',
      'features[5].properties.id: "w1" is already the id of features[4]',
      'features[6].id: is 81 characters long; at most 80',
      'features[7]: Invalid input: expected object, received string',
    ]);
  });

  it('size caps: characters and features; problems beyond the cap are counted', () => {
    expect(problemsOf(parseBuildingsGeoJson(collection(feature(), feature()), { maxChars: 100 }))[0]).toMatch(/^\(file\): \d+ characters; at most 100 are accepted/);
    expect(problemsOf(parseBuildingsGeoJson(collection(feature(), feature(), feature()), { maxFeatures: 2 }))).toEqual([
      'features: 3 features; at most 2 are accepted (split the file)',
    ]);
    const bad = Array.from({ length: 30 }, () => feature({}, { height: -1 }));
    const result = parseBuildingsGeoJson(collection(...bad), { maxProblems: 5 });
    expect(result).toMatchObject({ ok: false, more: 25 });
    expect(describeProblems(result as { problems: string[]; more: number }, 2)).toBe(
      'features[0].properties.height: -1 is not a positive number; features[1].properties.height: -1 is not a positive number (and 28 more)',
    );
  });
});
