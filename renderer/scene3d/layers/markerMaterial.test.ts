import { describe, expect, it } from 'vitest';
import { createMarkerMaterial, createMarkerMesh, wallClockSeconds } from './markerMaterial';
import { writeMarkerInstances } from './markerInstances';

describe('createMarkerMesh', () => {
  it('is one InstancedMesh whose per-instance attributes are the marker buffers', () => {
    const material = createMarkerMaterial();
    const markers = createMarkerMesh(128, material);
    const geometry = markers.mesh.geometry;
    expect(markers.mesh.isInstancedMesh).toBe(true);
    expect(markers.mesh.instanceMatrix.array).toBe(markers.buffers.matrices);
    expect(geometry.getAttribute('aColour').array).toBe(markers.buffers.colours);
    expect(geometry.getAttribute('aShape').array).toBe(markers.buffers.shapes);
    expect(geometry.getAttribute('aPulseHz').array).toBe(markers.buffers.pulseHz);
    expect(geometry.getAttribute('aEmphasis').array).toBe(markers.buffers.emphasis);
    expect(markers.mesh.count).toBe(0);

    const written = writeMarkerInstances([{ id: 'a', x: 1, z: 2, colour: '#ffffff', shape: 'square', pulseHz: 0 }], markers.buffers);
    const before = markers.mesh.instanceMatrix.version;
    markers.uploaded(written.count);
    expect(markers.mesh.count).toBe(1);
    expect(markers.mesh.instanceMatrix.version).toBe(before + 1);
    markers.dispose();
    material.dispose();
  });

  it('draws over the city, untouched by tone mapping', () => {
    const material = createMarkerMaterial();
    expect(material.depthTest).toBe(false);
    expect(material.depthWrite).toBe(false);
    expect(material.toneMapped).toBe(false);
    expect(material.fragmentShader).toContain('#include <colorspace_fragment>');
  });
});

describe('wallClockSeconds', () => {
  it('is the wall clock wrapped every 10 minutes, so every window pulses in step', () => {
    expect(wallClockSeconds(1_700_000_123_456)).toBeCloseTo(((1_700_000_123_456 % 600_000) / 1000), 9);
    expect(wallClockSeconds(600_000)).toBe(0);
    expect(wallClockSeconds(599_999)).toBeLessThan(600);
  });
});
