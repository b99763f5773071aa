import { describe, expect, it, vi } from 'vitest';
import { project } from '../../../shared/geo/projection';
import type { HubQuery } from '../../../shared/view/viewChannel';
import { UnitPositions } from './unitPositions';

const unit = (code: string, centroid: [number, number]) => ({ code, level: 'district', name: code, parent: '500000', centroid });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('UnitPositions', () => {
  it('looks each unit up once, projects its centroid and tells listeners', async () => {
    const query = vi.fn((q: HubQuery) => Promise.resolve(q.kind === 'unit' ? unit(q.code, [106.58, 29.56]) : null));
    const positions = new UnitPositions({ query });
    const listener = vi.fn();
    positions.subscribe(listener);
    positions.request(['500103', '500112']);
    positions.request(['500103']);
    await flush();
    expect(query).toHaveBeenCalledTimes(2);
    expect(positions.positionOf('500103')).toEqual(project([106.58, 29.56]));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(positions.getVersion()).toBe(2);
  });

  it('asks again after a failed lookup, and logs a malformed answer with its field', async () => {
    const log = vi.fn();
    let fail = true;
    const query = vi.fn((q: HubQuery) => (fail ? Promise.reject(new Error('socket closed')) : Promise.resolve(unit((q as { code: string }).code, [106.5, 29.5]))));
    const positions = new UnitPositions({ query }, log);
    positions.request(['500103']);
    await flush();
    expect(positions.positionOf('500103')).toBeUndefined();
    fail = false;
    positions.request(['500103']);
    await flush();
    expect(positions.positionOf('500103')).toEqual(project([106.5, 29.5]));

    const bad = new UnitPositions({ query: () => Promise.resolve({ code: '500105', name: 'x' }) }, log);
    bad.request(['500105']);
    await flush();
    expect(bad.positionOf('500105')).toBeUndefined();
    expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/rejected unit 500105: level/));
  });
});
