import { describe, expect, it } from 'vitest';
import { project } from '../../shared/geo/projection';
import type { UnitArea } from '../../shared/protocol/map';
import { areaBounds, extrudeArea, groundArea, outlineGeometry } from './areaGeometry';

const square: UnitArea = {
  code: '500103',
  name: '渝中区',
  level: 'district',
  centroid: [106.57, 29.555],
  polygons: [
    [
      [
        [106.56, 29.55],
        [106.58, 29.55],
        [106.58, 29.56],
        [106.56, 29.56],
      ],
      [
        [106.565, 29.552],
        [106.565, 29.554],
        [106.567, 29.554],
        [106.567, 29.552],
      ],
    ],
  ],
};

describe('area geometry', () => {
  it('extrudes the projected rings up from the ground: its footprint is the area, its top at the height', () => {
    const geometry = extrudeArea(square, 300);
    geometry.computeBoundingBox();
    const box = geometry.boundingBox!;
    const [x0, z0] = project([106.56, 29.56]);
    const [x1, z1] = project([106.58, 29.55]);
    expect(box.min.x).toBeCloseTo(x0, 3);
    expect(box.max.x).toBeCloseTo(x1, 3);
    expect(box.min.z).toBeCloseTo(z0, 3);
    expect(box.max.z).toBeCloseTo(z1, 3);
    expect(box.min.y).toBeCloseTo(0, 6);
    expect(box.max.y).toBeCloseTo(300, 6);
  });

  it('faces outward: the top looks up', () => {
    const geometry = extrudeArea(square, 100);
    const normals = geometry.getAttribute('normal');
    const positions = geometry.getAttribute('position');
    let topUp = 0;
    for (let i = 0; i < positions.count; i++) if (Math.abs(positions.getY(i) - 100) < 1e-6 && normals.getY(i) > 0.99) topUp++;
    expect(topUp).toBeGreaterThan(0);
  });

  it('bounds areas and measures their size without the hole counted as land', () => {
    const b = areaBounds([square])!;
    expect(b.maxX - b.minX).toBeGreaterThan(1900);
    expect(groundArea(square)).toBeGreaterThan(0.9 * (b.maxX - b.minX) * (b.maxZ - b.minZ));
  });

  it('draws every ring edge as one segment', () => {
    expect(outlineGeometry([square], 10).getAttribute('position').count).toBe(2 * 8);
  });
});
