import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildingList } from '../../shared/protocol/map';
import { loadHierarchy } from '../hierarchy';
import { MapAreas } from './areas';
import { BuildingCatalog, centroidOf, readBuildingsFile } from './buildingCatalog';
import { toPlane } from './planar';

const sampleFile = path.join(import.meta.dirname, '../../resources/sample-buildings.geojson');
const hierarchy = loadHierarchy();
const areas = new MapAreas(hierarchy);
const files = mkdtempSync(path.join(tmpdir(), 'hub-buildings-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe('building catalog', () => {
  it('puts each imported footprint on the street whose cell holds it; other streets stay generated', () => {
    const sample = readBuildingsFile(sampleFile);
    const catalog = new BuildingCatalog(hierarchy, areas);
    const imported = catalog.replaceImported(sample);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.summary.buildings).toBe(sample.length);
    expect(imported.summary.outside).toBe(0);
    const streets = [...new Set(sample.map((b) => areas.streetAt(centroidOf(b.footprint))!))];
    expect(imported.summary.streets).toBe(streets.length);
    let seen = 0;
    for (const street of streets) {
      const list = BuildingList.parse(catalog.buildingsOf(street));
      expect(list.source).toBe('imported');
      for (const building of list.buildings) expect(areas.streetRegion(street)!.contains(toPlane(centroidOf(building.footprint)))).toBe(true);
      seen += list.buildings.length;
    }
    expect(seen).toBe(sample.length);
    const elsewhere = catalog.buildingsOf('500105001');
    expect(elsewhere.source).toBe('generated');
    expect(elsewhere.buildings.length).toBeGreaterThan(100);
  });

  it('refuses, changing nothing, a set with no building inside the districts; leaves out the ones outside', () => {
    const catalog = new BuildingCatalog(hierarchy, areas);
    const sample = readBuildingsFile(sampleFile);
    catalog.replaceImported(sample);
    // Within Chongqing's bounding box but in Sichuan (west of 荣昌/大足 … 105.2°E is outside).
    const sichuan = { id: 'sc-1', heightM: 10, footprint: [[105.2, 28.2], [105.201, 28.2], [105.201, 28.201]] as [number, number][] };
    expect(catalog.replaceImported([sichuan])).toEqual({ ok: false, message: 'features: none of the 1 buildings lies inside Chongqing’s district outlines' });
    expect(catalog.buildingsOf(areas.streetAt(centroidOf(sample[0]!.footprint))!).source).toBe('imported');
    const mixed = catalog.replaceImported([sichuan, sample[0]!]);
    expect(mixed).toMatchObject({ ok: true, summary: { buildings: 1, streets: 1, outside: 1 } });
  });

  it('a bad file throws naming the file and each field at fault; a missing file says it cannot be read', () => {
    const bad = path.join(files, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { height: -5 }, geometry: { type: 'Polygon', coordinates: [[[106.5, 29.5], [106.51, 29.5]]] } }] }));
    expect(() => readBuildingsFile(bad)).toThrow(
      `HUB_BUILDINGS_FILE ${bad}: features[0].properties.height: -5 is not a positive number; features[0].geometry.coordinates[0]: ring has 2 points (needs ≥ 3)`,
    );
    expect(() => readBuildingsFile(path.join(files, 'missing.geojson'))).toThrow(/^HUB_BUILDINGS_FILE .*missing\.geojson: cannot read it/);
  });
});
