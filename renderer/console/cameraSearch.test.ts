import { describe, expect, it } from 'vitest';
import { HubQuery } from '../../shared/view/viewChannel';
import { buildCameraQuery, SEARCH_LIMIT, type CameraSearchForm } from './CameraSearch';

const empty: CameraSearchForm = { name: '', district: '', street: '', near: '', typedPoint: '' };
const incidentAt = (id: string): [number, number] | undefined => (id === 'inc-1' ? [106.57, 29.55] : undefined);

describe('buildCameraQuery', () => {
  it('asks by name, by the narrowest unit picked, and near an incident or a typed point — a query main accepts', () => {
    const cases: [Partial<CameraSearchForm>, object][] = [
      [{}, { kind: 'cameras', limit: SEARCH_LIMIT }],
      [{ name: '  解放碑 ' }, { kind: 'cameras', limit: SEARCH_LIMIT, q: '解放碑' }],
      [{ district: '500103' }, { kind: 'cameras', limit: SEARCH_LIMIT, unit: '500103' }],
      [{ district: '500103', street: '500103001' }, { kind: 'cameras', limit: SEARCH_LIMIT, unit: '500103001' }],
      [{ near: 'inc-1' }, { kind: 'cameras', limit: SEARCH_LIMIT, near: [106.57, 29.55] }],
      [{ near: 'typed', typedPoint: '106.5,29.6', name: 'x' }, { kind: 'cameras', limit: SEARCH_LIMIT, q: 'x', near: [106.5, 29.6] }],
    ];
    for (const [form, query] of cases) {
      const built = buildCameraQuery({ ...empty, ...form }, incidentAt);
      expect(built.ok && built.query, JSON.stringify(form)).toEqual(query);
      expect(HubQuery.safeParse(built.ok && built.query).success).toBe(true);
    }
  });

  it('refuses a typed point it cannot read instead of searching everywhere', () => {
    expect(buildCameraQuery({ ...empty, near: 'typed', typedPoint: '29.6' }, incidentAt)).toEqual({ ok: false });
  });
});
