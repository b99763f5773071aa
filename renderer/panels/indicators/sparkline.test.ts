import { describe, expect, it } from 'vitest';
import { SampleRing } from './sampleRing';
import { drawSparkline, SPARKLINE_COLOURS, type SparklineContext } from './sparkline';

/** A context that records the path it is given. */
function recorder() {
  const calls: string[] = [];
  const points: [number, number][] = [];
  const ctx: SparklineContext = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    clearRect: () => calls.push('clear'),
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => points.push([x, y]),
    lineTo: (x, y) => points.push([x, y]),
    stroke: () => calls.push('stroke'),
    fillRect: () => calls.push('dot'),
  };
  return { ctx, calls, points };
}

describe('drawSparkline', () => {
  it('only clears when there is no history', () => {
    const r = recorder();
    drawSparkline(r.ctx, new SampleRing(10), 200, 40, 'normal');
    expect(r.calls).toEqual(['clear']);
  });

  it('ends at the right edge, higher values higher up, in the colour of the state', () => {
    const ring = new SampleRing(10);
    for (const v of [1, 5, 3]) ring.push(v);
    const r = recorder();
    drawSparkline(r.ctx, ring, 200, 40, 'alarm');
    expect(r.points).toHaveLength(3);
    const [first, peak, last] = r.points as [[number, number], [number, number], [number, number]];
    expect(last[0]).toBeCloseTo(197);
    expect(first[0]).toBeLessThan(peak[0]);
    expect(peak[1]).toBeLessThan(last[1]); // 5 above 3 (canvas y grows downward)
    expect(last[1]).toBeLessThan(first[1]); // 3 above 1
    expect(r.ctx.strokeStyle).toBe(SPARKLINE_COLOURS.alarm);
    expect(r.calls).toEqual(['clear', 'begin', 'stroke', 'dot']);
  });

  it('draws a flat series across the middle', () => {
    const ring = new SampleRing(4);
    for (let i = 0; i < 4; i++) ring.push(7);
    const r = recorder();
    drawSparkline(r.ctx, ring, 100, 40, 'normal');
    expect(r.points.every(([, y]) => y === 20)).toBe(true);
    expect(r.points[0]![0]).toBeCloseTo(3);
  });
});
