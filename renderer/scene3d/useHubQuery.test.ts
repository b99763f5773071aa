import { describe, expect, it } from 'vitest';
import { UnitAreaList } from '../../shared/protocol/map';
import { FakeBridge } from '../testing/fakeBridge';
import { KEEP_MS, queryOnce } from './useHubQuery';

describe('the scene’s catalog reads', () => {
  it('are validated, asked once while fresh, and asked again once stale', async () => {
    const bridge = new FakeBridge().withSampleMap();
    const first = await queryOnce(bridge, { kind: 'mapAreas', parent: '500000' }, UnitAreaList, 0);
    expect(first.map((a) => a.name)).toEqual(['渝中区', '沙坪坝区']);
    await queryOnce(bridge, { kind: 'mapAreas', parent: '500000' }, UnitAreaList, KEEP_MS - 1);
    expect(bridge.queries).toHaveLength(1);
    await queryOnce(bridge, { kind: 'mapAreas', parent: '500000' }, UnitAreaList, KEEP_MS + 1);
    expect(bridge.queries).toHaveLength(2);
  });

  it('refuse a malformed answer naming the field, and ask again next time', async () => {
    const bridge = new FakeBridge();
    bridge.mapAreas = { '500103': [{ code: '500103', name: '渝中区', level: 'district', centroid: [106.57, 29.55], polygons: [] }] };
    await expect(queryOnce(bridge, { kind: 'mapAreas', parent: '500103' }, UnitAreaList)).rejects.toThrow('mapAreas: rejected 0.polygons');
    await expect(queryOnce(bridge, { kind: 'mapAreas', parent: '500103' }, UnitAreaList)).rejects.toThrow();
    expect(bridge.queries).toHaveLength(2);
  });
});
