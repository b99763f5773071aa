import { Color } from 'three';
import { MARKER_SHAPES, type MarkerShape } from './markerStyle';

/** One marker as a layer wants it drawn: a ground point (metres), a colour, a shape, a pulse. */
export interface MarkerPoint {
  id: string;
  x: number;
  z: number;
  /** "#rrggbb", sRGB. */
  colour: string;
  shape: MarkerShape;
  /** Pulses per second; 0 is steady. */
  pulseHz: number;
  /** Drawn larger with a white halo: the incident the scene is focused on. */
  emphasis?: boolean;
}

/**
 * The per-instance arrays of one InstancedMesh (one draw call for the whole layer). They are
 * sized to a capacity and reused; `count` says how many are live.
 */
export interface MarkerBuffers {
  capacity: number;
  /** 16 floats per instance: a translation to the marker's ground point. */
  matrices: Float32Array;
  /** 3 floats per instance, linear RGB (the renderer's working space). */
  colours: Float32Array;
  shapes: Float32Array;
  pulseHz: Float32Array;
  emphasis: Float32Array;
}

const MIN_CAPACITY = 64;

/** Capacity for `count` markers: powers of two, so a growing layer reallocates rarely. */
export function capacityFor(count: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity < count) capacity *= 2;
  return capacity;
}

export function allocateMarkerBuffers(capacity: number): MarkerBuffers {
  return {
    capacity,
    matrices: new Float32Array(capacity * 16),
    colours: new Float32Array(capacity * 3),
    shapes: new Float32Array(capacity),
    pulseHz: new Float32Array(capacity),
    emphasis: new Float32Array(capacity),
  };
}

export interface WrittenMarkers {
  count: number;
  /** Marker ids in instance order: `ids[instanceId]` is what a pick reports. */
  ids: string[];
  /** True when any marker pulses (the layer then asks for frames). */
  pulsing: boolean;
}

/** Writes `points` into `buffers` (which must hold them) and says what was written. */
export function writeMarkerInstances(points: readonly MarkerPoint[], buffers: MarkerBuffers): WrittenMarkers {
  if (points.length > buffers.capacity) throw new Error(`${points.length} markers exceed the buffers' capacity of ${buffers.capacity}`);
  const colour = new Color();
  let pulsing = false;
  points.forEach((point, i) => {
    const m = i * 16;
    buffers.matrices.fill(0, m, m + 16);
    buffers.matrices[m] = 1;
    buffers.matrices[m + 5] = 1;
    buffers.matrices[m + 10] = 1;
    buffers.matrices[m + 12] = point.x;
    buffers.matrices[m + 14] = point.z;
    buffers.matrices[m + 15] = 1;
    colour.set(point.colour);
    buffers.colours[i * 3] = colour.r;
    buffers.colours[i * 3 + 1] = colour.g;
    buffers.colours[i * 3 + 2] = colour.b;
    buffers.shapes[i] = MARKER_SHAPES[point.shape];
    buffers.pulseHz[i] = point.pulseHz;
    buffers.emphasis[i] = point.emphasis ? 1 : 0;
    if (point.pulseHz > 0) pulsing = true;
  });
  return { count: points.length, ids: points.map((p) => p.id), pulsing };
}
