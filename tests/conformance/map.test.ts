// PROTOCOL.md, Map geometry (extension): the areas of a unit's children (district outlines, street
// cells tiling their district), a street's buildings (procedural, or imported from a GeoJSON file
// given at start or posted at run time), and a hub that refuses a bad footprint file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hubOptionsFromEnv } from '../../hub/config';
import { project } from '../../shared/geo/projection';
import { ErrorResponse, type LngLat } from '../../shared/protocol/common';
import { BuildingList, UnitAreaList, type UnitArea } from '../../shared/protocol/map';
import { Unit } from '../../shared/protocol/units';
import { describeEachBackend, useHub, type HubFixture } from '../support/backends';
import { REPO_ROOT, runHubUntilExit, http, tempDir } from '../support/hub';
import { UNITS, USERS } from './fixtures';

const SAMPLE_FILE = path.join(REPO_ROOT, 'resources/sample-buildings.geojson');
const files = tempDir('map-buildings-');
afterAll(() => rmSync(files, { recursive: true, force: true }));

type Ring = LngLat[];

/** Even-odd test of a point against every ring of a polygon (outer and holes). */
function polygonContains(polygon: Ring[], [x, y]: LngLat): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
const areaContains = (area: UnitArea, point: LngLat) => area.polygons.some((polygon) => polygonContains(polygon, point));

/** Ground area in m² (outer rings minus holes). */
function groundArea(area: UnitArea): number {
  const ringArea = (ring: Ring) => {
    const points = ring.map(project);
    let twice = 0;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) twice += points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
    return Math.abs(twice / 2);
  };
  return area.polygons.reduce((sum, [outer, ...holes]) => sum + ringArea(outer!) - holes.reduce((h, ring) => h + ringArea(ring), 0), 0);
}

function centroidOf(ring: Ring): LngLat {
  const n = ring.length;
  return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
}

async function getAreas(fx: HubFixture, parent: string, user: string = USERS.city): Promise<UnitArea[]> {
  const res = await http(fx.hub.url, `/api/v1/map/areas?parent=${parent}`, { token: await fx.token(user) });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return UnitAreaList.parse(res.body);
}

async function getBuildings(fx: HubFixture, unit: string, user: string = USERS.city): Promise<BuildingList> {
  const res = await http(fx.hub.url, `/api/v1/map/buildings?unit=${unit}`, { token: await fx.token(user) });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return BuildingList.parse(res.body);
}

async function expectError(fx: HubFixture, pathAndQuery: string, user: string | undefined, status: number, code: string, message?: string | RegExp) {
  const res = await http(fx.hub.url, pathAndQuery, user ? { token: await fx.token(user) } : {});
  expect(res.status, pathAndQuery).toBe(status);
  const { error } = ErrorResponse.parse(res.body);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

/** The street whose cell (from the hub's own areas) holds each sample footprint: street → ids. */
function sampleIdsByStreet(streets: UnitArea[]): Map<string, string[]> {
  const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { features: { id: string; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[] };
  const byStreet = new Map<string, string[]>();
  for (const feature of sample.features) {
    const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as number[][][][];
    polygons.forEach((polygon, k) => {
      const ring = polygon[0]!.slice(0, -1) as Ring;
      const street = streets.find((s) => areaContains(s, centroidOf(ring)));
      if (!street) throw new Error(`sample ${feature.id} lies in no street of 渝中区`);
      const id = polygons.length > 1 ? `${feature.id}#${k + 1}` : feature.id;
      byStreet.set(street.code, [...(byStreet.get(street.code) ?? []), id]);
    });
  }
  return byStreet;
}

describeEachBackend('map geometry', (backend) => {
  const fx = useHub(backend);

  it('GET /api/v1/map/areas?parent=<city>: the 38 districts with outlines, every polygon valid, every label inside', async () => {
    const res = await http(fx.hub.url, `/api/v1/map/areas?parent=${UNITS.city}`, { token: await fx.token(USERS.city) });
    expect(res.status).toBe(200);
    const bytes = Buffer.byteLength(JSON.stringify(res.body));
    expect(bytes).toBeLessThan(400_000);
    const districts = UnitAreaList.parse(res.body);
    expect(districts).toHaveLength(38);
    expect(districts.every((d) => d.level === 'district')).toBe(true);
    expect(districts.map((d) => d.code)).not.toContain('500190');
    for (const district of districts) {
      for (const polygon of district.polygons) for (const ring of polygon) expect(ring.length).toBeGreaterThanOrEqual(3);
      expect(areaContains(district, district.centroid), `${district.name} label`).toBe(true);
    }
    expect(districts.find((d) => d.code === UNITS.district)?.name).toBe('渝中区');
    // Without parent: the caller's own unit.
    const own = await http(fx.hub.url, '/api/v1/map/areas', { token: await fx.token(USERS.district) });
    expect(UnitAreaList.parse(own.body).map((a) => a.level)).toEqual(expect.arrayContaining(['street']));
  });

  it('a district’s streets tile it: areas add up to the district’s within 2 %, each street’s position inside its own cell', async () => {
    const district = (await getAreas(fx, UNITS.city)).find((d) => d.code === UNITS.district)!;
    const streets = await getAreas(fx, UNITS.district, USERS.district);
    const children = (await http(fx.hub.url, `/api/v1/units/${UNITS.district}/children`, { token: await fx.token(USERS.district) })).body as unknown[];
    const units = children.map((u) => Unit.parse(u));
    expect(streets.map((s) => s.code).sort()).toEqual(units.map((u) => u.code).sort());
    const total = streets.reduce((sum, s) => sum + groundArea(s), 0);
    expect(Math.abs(total / groundArea(district) - 1)).toBeLessThan(0.02);
    for (const street of streets) {
      const position = units.find((u) => u.code === street.code)!.centroid;
      expect(areaContains(street, position), `${street.name} holds its position`).toBe(true);
      expect(areaContains(street, street.centroid), `${street.name} label`).toBe(true);
    }
    // A street's communities, the same way.
    const communities = await getAreas(fx, UNITS.street, USERS.street);
    expect(communities.length).toBeGreaterThan(3);
    expect(communities.every((c) => c.level === 'community' && c.code.startsWith(UNITS.street))).toBe(true);
  });

  it('GET /api/v1/map/buildings?unit=<a 渝中区 street>: a few hundred to 2,000 generated buildings inside the street’s area', async () => {
    const street = (await getAreas(fx, UNITS.district)).find((s) => s.code === UNITS.otherStreet)!;
    const list = await getBuildings(fx, UNITS.otherStreet);
    expect(list).toMatchObject({ unit: UNITS.otherStreet, source: 'generated' });
    expect(list.buildings.length).toBeGreaterThanOrEqual(200);
    expect(list.buildings.length).toBeLessThanOrEqual(2000);
    expect(new Set(list.buildings.map((b) => b.id)).size).toBe(list.buildings.length);
    for (const building of list.buildings) {
      expect(building.heightM).toBeGreaterThanOrEqual(20);
      expect(building.heightM).toBeLessThanOrEqual(250);
      expect(building.footprint.every((corner) => areaContains(street, corner)), building.id).toBe(true);
    }
    expect(await getBuildings(fx, UNITS.otherStreet, USERS.district)).toEqual(list);
  });

  it('refuses outside the caller’s area, a bad or wrong-level code, an unknown unit, no token', async () => {
    await expectError(fx, `/api/v1/map/areas?parent=${UNITS.otherDistrict}`, USERS.district, 403, 'forbidden', new RegExp(UNITS.otherDistrict));
    await expectError(fx, `/api/v1/map/areas?parent=${UNITS.city}`, USERS.district, 403, 'forbidden');
    await expectError(fx, `/api/v1/map/areas?parent=${UNITS.community}`, USERS.city, 400, 'invalid', /^parent: areas go down to communities.*is a community/);
    await expectError(fx, '/api/v1/map/areas?parent=5001', USERS.city, 400, 'invalid', /^parent: /);
    await expectError(fx, '/api/v1/map/areas?parent=500199', USERS.city, 404, 'not_found', 'unit 500199 does not exist');
    await expectError(fx, `/api/v1/map/areas?parent=${UNITS.city}`, undefined, 401, 'unauthorized');

    await expectError(fx, '/api/v1/map/buildings', USERS.city, 400, 'invalid', /^unit: /);
    await expectError(fx, `/api/v1/map/buildings?unit=${UNITS.district}`, USERS.city, 400, 'invalid', /buildings are listed per street, and 500103 is a district/);
    await expectError(fx, '/api/v1/map/buildings?unit=500103999', USERS.city, 404, 'not_found', 'unit 500103999 does not exist');
    await expectError(fx, `/api/v1/map/buildings?unit=${UNITS.otherDistrict}002`, USERS.district, 403, 'forbidden', /500112002 is outside your area/); // 双龙湖街道, 渝北区
    await expectError(fx, `/api/v1/map/buildings?unit=${UNITS.otherStreet}`, undefined, 401, 'unauthorized');
  });

  it('POST /api/v1/map/buildings: admin or trainer only; a bad file is refused with the importer’s words and changes nothing; a good one replaces the imported set', async () => {
    const sample = readFileSync(SAMPLE_FILE, 'utf8');
    const streets = await getAreas(fx, UNITS.district);
    const byStreet = sampleIdsByStreet(streets);
    const [street, ids] = [...byStreet.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;

    const duty = await http(fx.hub.url, '/api/v1/map/buildings', { token: await fx.token(USERS.city), body: sample, headers: { 'content-type': 'application/geo+json' } });
    expect(duty.status).toBe(403);
    expect(ErrorResponse.parse(duty.body).error.message).toMatch(/admin or trainer/);

    const bad = JSON.parse(sample) as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
    bad.features[3]!.properties = { height: -5 };
    bad.features[12]!.geometry.coordinates = [[[106.5775, 29.5575], [106.5776, 29.5575]]];
    const refused = await http(fx.hub.url, '/api/v1/map/buildings', { token: await fx.token(USERS.trainer), json: bad });
    expect(refused.status).toBe(400);
    expect(ErrorResponse.parse(refused.body).error).toEqual({
      code: 'invalid',
      message: 'features[3].properties.height: -5 is not a positive number; features[12].geometry.coordinates[0]: ring has 2 points (needs ≥ 3)',
    });
    const notGeoJson = await http(fx.hub.url, '/api/v1/map/buildings', { token: await fx.token(USERS.trainer), body: 'id,height\n1,20', headers: { 'content-type': 'text/csv' } });
    expect(notGeoJson.status).toBe(400);
    expect(ErrorResponse.parse(notGeoJson.body).error.message).toMatch(/^\(file\): not JSON, so not GeoJSON/);
    expect((await getBuildings(fx, street)).source).toBe('generated');

    const accepted = await http(fx.hub.url, '/api/v1/map/buildings', { token: await fx.token(USERS.trainer), body: sample, headers: { 'content-type': 'application/geo+json' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ buildings: 108, streets: byStreet.size, outside: 0 });
    const imported = await getBuildings(fx, street);
    expect(imported.source).toBe('imported');
    expect(imported.buildings.map((b) => b.id).sort()).toEqual([...ids].sort());
    expect((await getBuildings(fx, streets.find((s) => !byStreet.has(s.code))!.code)).source).toBe('generated');
  });
});

describeEachBackend('map under a footprint file (HUB_BUILDINGS_FILE)', (backend) => {
  const { buildingsFile } = hubOptionsFromEnv({ HUB_BUILDINGS_FILE: SAMPLE_FILE });
  const fx = useHub(backend, buildingsFile ? { buildingsFile } : {});

  it('streets holding the file’s footprints answer them (source imported, the file’s ids); the others stay generated', async () => {
    expect(buildingsFile).toBe(SAMPLE_FILE);
    const streets = await getAreas(fx, UNITS.district);
    const byStreet = sampleIdsByStreet(streets);
    expect([...byStreet.values()].flat()).toHaveLength(108);
    for (const [street, ids] of byStreet) {
      const list = await getBuildings(fx, street);
      expect(list.source).toBe('imported');
      expect(list.buildings.map((b) => b.id).sort()).toEqual([...ids].sort());
      const area = streets.find((s) => s.code === street)!;
      expect(list.buildings.every((b) => areaContains(area, centroidOf(b.footprint)))).toBe(true);
    }
    const other = streets.find((s) => !byStreet.has(s.code))!;
    expect((await getBuildings(fx, other.code)).source).toBe('generated');
  });
});

describe('a hub given a bad footprint file', () => {
  it('exits at start with a message naming the file and the field', async () => {
    const bad = path.join(files, 'bad.geojson');
    const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
    sample.features[5]!.geometry.coordinates = [[[11864000, 3446000], [11864020, 3446000], [11864020, 3446020], [11864000, 3446000]]];
    writeFileSync(bad, JSON.stringify(sample));
    const { code, output } = await runHubUntilExit(path.join(files, 'hub'), { HUB_BUILDINGS_FILE: bad });
    expect(code, output).toBe(1);
    expect(output).toContain(
      `hub: HUB_BUILDINGS_FILE ${bad}: features[5].geometry.coordinates[0][0]: 11864000, 3446000 is outside Chongqing (105.15–110.25°E, 28.1–32.3°N): these look like projected coordinates (metres), not WGS-84 degrees`,
    );
  }, 60_000);
});
