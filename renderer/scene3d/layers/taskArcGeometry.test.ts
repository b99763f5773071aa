import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { ARC_RISE, ARC_SEGMENTS, ARC_SOURCE_SHADE, arcPoints, buildArcSegments, openTaskArcsWithin } from './taskArcGeometry';
import { TASK_STATE_COLOURS } from './markerStyle';
import { taskView } from './testViews';

const tasks = {
  t2: taskView('t2', { state: 'accepted', fromUnit: '500103', toUnit: '500103003' }),
  t1: taskView('t1', { state: 'dispatched', fromUnit: '500000', toUnit: '500103' }),
  closed: taskView('closed', { state: 'closed' }),
  evaluated: taskView('evaluated', { state: 'evaluated' }),
  self: taskView('self', { state: 'escalated', fromUnit: '500103', toUnit: '500103' }),
  elsewhere: taskView('elsewhere', { state: 'returned', fromUnit: '500112', toUnit: '500112002' }),
};

describe('openTaskArcsWithin', () => {
  it('draws tasks in open states only, sorted, and none held by their own sender', () => {
    expect(openTaskArcsWithin(tasks, '500000').map((a) => a.taskId)).toEqual(['elsewhere', 't1', 't2']);
  });

  it('keeps the tasks coming into or going out of the unit’s subtree', () => {
    expect(openTaskArcsWithin(tasks, '500103').map((a) => a.taskId)).toEqual(['t1', 't2']);
    expect(openTaskArcsWithin(tasks, '500103003').map((a) => a.taskId)).toEqual(['t2']);
    expect(openTaskArcsWithin(tasks, '500112')).toEqual([{ taskId: 'elsewhere', state: 'returned', fromUnit: '500112', toUnit: '500112002' }]);
  });
});

describe('arcPoints', () => {
  it('runs from end to end and rises to ARC_RISE × distance half way', () => {
    const points = arcPoints([0, 0], [3000, 4000], 4, 10);
    expect([...points.subarray(0, 3)]).toEqual([0, 10, 0]);
    expect([...points.subarray(12, 15)]).toEqual([3000, 10, 4000]);
    expect(points[6]).toBe(1500);
    expect(points[7]).toBeCloseTo(10 + ARC_RISE * 5000, 3);
    expect(points[8]).toBe(2000);
  });

  it('is higher for a longer haul', () => {
    const peak = (to: [number, number]) => arcPoints([0, 0], to, 2)[4]!;
    expect(peak([20_000, 0])).toBeCloseTo(2 * peak([10_000, 0]), 3);
  });
});

describe('buildArcSegments', () => {
  const positions: Record<string, [number, number]> = { '500000': [0, 0], '500103': [1000, 0], '500103003': [1000, 800] };
  const positionOf = (code: string) => positions[code];

  it('batches every drawable arc into one segment list with colours by state', () => {
    const arcs = openTaskArcsWithin(tasks, '500103');
    const segments = buildArcSegments(arcs, positionOf);
    expect(segments.taskIds).toEqual(['t1', 't2']);
    expect(segments.positions).toHaveLength(2 * ARC_SEGMENTS * 6);
    expect(segments.colours).toHaveLength(2 * ARC_SEGMENTS * 6);
    // segments join: each one starts where the previous ended
    for (let s = 1; s < ARC_SEGMENTS; s++) expect(segments.positions.subarray(s * 6, s * 6 + 3)).toEqual(segments.positions.subarray(s * 6 - 3, s * 6));
    // the first arc ends at its holder, the second starts at its sender
    expect([...segments.positions.subarray(ARC_SEGMENTS * 6 - 3, ARC_SEGMENTS * 6)]).toEqual([1000, 0, 0]);
    expect([...segments.positions.subarray(ARC_SEGMENTS * 6, ARC_SEGMENTS * 6 + 3)]).toEqual([1000, 0, 0]);
    // dim at the sender, the state's full colour at the holder (linear RGB)
    const dispatched = new Color(TASK_STATE_COLOURS.dispatched);
    const accepted = new Color(TASK_STATE_COLOURS.accepted);
    expect(segments.colours[2]).toBeCloseTo(dispatched.b * ARC_SOURCE_SHADE, 5);
    expect(segments.colours[ARC_SEGMENTS * 6 - 1]).toBeCloseTo(dispatched.b, 5);
    expect(segments.colours[2 * ARC_SEGMENTS * 6 - 3]).toBeCloseTo(accepted.r, 5);
  });

  it('leaves out arcs whose unit positions are not known yet', () => {
    const segments = buildArcSegments(openTaskArcsWithin(tasks, '500000'), positionOf);
    expect(segments.taskIds).toEqual(['t1', 't2']);
  });

  it('raises each further arc between the same two units so none hides another', () => {
    const pair = { a: taskView('a', { fromUnit: '500000', toUnit: '500103' }), b: taskView('b', { fromUnit: '500000', toUnit: '500103', state: 'arrived' }) };
    const segments = buildArcSegments(openTaskArcsWithin(pair, '500000'), positionOf);
    const middle = (arc: number) => segments.positions[arc * ARC_SEGMENTS * 6 + (ARC_SEGMENTS / 2) * 6 + 1]!;
    expect(middle(1)).toBeGreaterThan(middle(0) * 1.1);
  });
});
