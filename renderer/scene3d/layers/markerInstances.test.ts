import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { allocateMarkerBuffers, capacityFor, writeMarkerInstances, type MarkerPoint } from './markerInstances';
import { MARKER_SHAPES } from './markerStyle';

const point = (id: string, x: number, z: number, fields: Partial<MarkerPoint> = {}): MarkerPoint => ({ id, x, z, colour: '#ff4d4f', shape: 'octagon', pulseHz: 2, ...fields });

describe('capacityFor', () => {
  it('grows in powers of two from 64, so a growing layer reallocates rarely', () => {
    expect(capacityFor(0)).toBe(64);
    expect(capacityFor(64)).toBe(64);
    expect(capacityFor(65)).toBe(128);
    expect(capacityFor(32_000)).toBe(32_768);
  });
});

describe('writeMarkerInstances', () => {
  it('writes a translation matrix, linear colour, shape, pulse and emphasis per instance', () => {
    const buffers = allocateMarkerBuffers(64);
    const written = writeMarkerInstances([point('a', 10, -20), point('b', 5, 7, { colour: '#3d9bff', shape: 'circle', pulseHz: 0, emphasis: true })], buffers);
    expect(written).toEqual({ count: 2, ids: ['a', 'b'], pulsing: true });
    // column-major: identity with the translation in elements 12–14, on the ground (y 0)
    expect([...buffers.matrices.subarray(0, 16)]).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 10, 0, -20, 1]);
    expect([...buffers.matrices.subarray(28, 31)]).toEqual([5, 0, 7]);
    const blue = new Color('#3d9bff'); // linear working space, as three's instance colours are
    expect(buffers.colours[3]).toBeCloseTo(blue.r, 6);
    expect(buffers.colours[5]).toBeCloseTo(blue.b, 6);
    expect(buffers.colours[3]).toBeLessThan(0x3d / 255 / 2); // linear, not the sRGB 0.24
    expect([...buffers.shapes.subarray(0, 2)]).toEqual([MARKER_SHAPES.octagon, MARKER_SHAPES.circle]);
    expect([...buffers.pulseHz.subarray(0, 2)]).toEqual([2, 0]);
    expect([...buffers.emphasis.subarray(0, 2)]).toEqual([0, 1]);
  });

  it('says nothing pulses when every marker is steady', () => {
    expect(writeMarkerInstances([point('a', 0, 0, { pulseHz: 0 })], allocateMarkerBuffers(64)).pulsing).toBe(false);
  });

  it('reuses the buffers: a rewrite with fewer markers leaves no stale instance counted', () => {
    const buffers = allocateMarkerBuffers(64);
    writeMarkerInstances([point('a', 1, 1), point('b', 2, 2), point('c', 3, 3)], buffers);
    const written = writeMarkerInstances([point('c', 3, 3)], buffers);
    expect(written.count).toBe(1);
    expect(written.ids).toEqual(['c']);
    expect(buffers.matrices[12]).toBe(3);
  });

  it('refuses more markers than the buffers hold', () => {
    const many = Array.from({ length: 65 }, (_, i) => point(String(i), i, i));
    expect(() => writeMarkerInstances(many, allocateMarkerBuffers(64))).toThrow(/capacity of 64/);
  });
});
