import { InstancedBufferAttribute, InstancedMesh, PlaneGeometry, ShaderMaterial } from 'three';
import { allocateMarkerBuffers, type MarkerBuffers } from './markerInstances';

/*
 * Markers as instanced, camera-facing quads: one draw call per layer however many markers. The
 * fragment shader draws each marker's shape (a signed distance per shape id) with a dark rim, and
 * a ring that grows and fades at the marker's pulse rate. The pulse is driven by one uniform, the
 * wall clock, so every window of the wall pulses in step and nothing is re-uploaded per frame.
 */

const VERTEX = /* glsl */ `
attribute vec3 aColour;
attribute float aShape;
attribute float aPulseHz;
attribute float aEmphasis;
uniform float uTime;
uniform float uSize;
uniform float uElevation;
varying vec2 vUv;
varying vec3 vColour;
varying float vShape;
varying float vPulse;
varying float vEmphasis;

void main() {
  float size = uSize * (1.0 + 0.6 * aEmphasis);
  // The icon's radius is half the quad's; its centre floats one icon radius above the ground.
  vec4 centre = modelViewMatrix * instanceMatrix * vec4(0.0, uElevation + size * 0.5, 0.0, 1.0);
  centre.xy += position.xy * size;
  gl_Position = projectionMatrix * centre;
  vUv = position.xy;
  vColour = aColour;
  vShape = aShape;
  vPulse = aPulseHz > 0.0 ? fract(uTime * aPulseHz) : -1.0;
  vEmphasis = aEmphasis;
}
`;

const FRAGMENT = /* glsl */ `
varying vec2 vUv;
varying vec3 vColour;
varying float vShape;
varying float vPulse;
varying float vEmphasis;

float sdOctagon(vec2 p, float r) {
  const vec3 k = vec3(-0.9238795325, 0.3826834323, 0.4142135623);
  p = abs(p);
  p -= 2.0 * min(dot(vec2(k.x, k.y), p), 0.0) * vec2(k.x, k.y);
  p -= 2.0 * min(dot(vec2(-k.x, k.y), p), 0.0) * vec2(-k.x, k.y);
  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
  return length(p) * sign(p.y);
}

float sdTriangle(vec2 p, float r) {
  const float k = 1.7320508;
  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  return -length(p) * sign(p.y);
}

float sdHexagon(vec2 p, float r) {
  const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);
  p = abs(p);
  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
  return length(p) * sign(p.y);
}

float sdBox(vec2 p, float r) {
  vec2 d = abs(p) - vec2(r);
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

float sdCross(vec2 p, vec2 b) {
  p = abs(p);
  p = (p.y > p.x) ? p.yx : p.xy;
  vec2 q = p - b;
  float k = max(q.y, q.x);
  vec2 w = (k > 0.0) ? q : vec2(b.y - p.x, -k);
  return sign(k) * length(max(w, 0.0));
}

// Shape ids: markerStyle.ts MARKER_SHAPES. Each fits a circle of radius 0.5.
float sdShape(vec2 p, float shape) {
  if (shape < 0.5) return length(p) - 0.48;
  if (shape < 1.5) return sdOctagon(p, 0.46);
  if (shape < 2.5) return sdTriangle(p + vec2(0.0, 0.16), 0.55);
  if (shape < 3.5) return (abs(p.x) + abs(p.y) - 0.55) * 0.7071;
  if (shape < 4.5) return sdBox(p, 0.4);
  if (shape < 5.5) return sdCross(p, vec2(0.5, 0.17));
  return sdHexagon(p, 0.44);
}

void main() {
  vec2 p = vUv;
  float d = sdShape(p, vShape);
  float aa = fwidth(d) + 1e-4;
  float fill = 1.0 - smoothstep(-aa, aa, d);
  float rim = 1.0 - smoothstep(-aa, aa, d - 0.08);
  vec3 iconColour = mix(vec3(0.003, 0.006, 0.015), vColour, fill);
  float iconAlpha = max(fill, rim * 0.9);
  if (vEmphasis > 0.5) {
    float halo = 1.0 - smoothstep(0.0, 0.04 + aa, abs(length(p) - 0.7));
    iconColour = mix(vec3(1.0), iconColour, iconAlpha);
    iconAlpha = max(iconAlpha, halo);
  }
  vec3 colour = iconColour * iconAlpha;
  float alpha = iconAlpha;
  if (vPulse >= 0.0) {
    float ring = 1.0 - smoothstep(0.0, 0.05 + aa, abs(length(p) - (0.5 + 0.48 * vPulse)));
    float ringAlpha = ring * (1.0 - vPulse) * 0.9;
    colour += vColour * ringAlpha * (1.0 - alpha);
    alpha += ringAlpha * (1.0 - alpha);
  }
  if (alpha < 0.01) discard;
  gl_FragColor = vec4(colour / alpha, alpha);
  #include <colorspace_fragment>
}
`;

/** Seconds on the wall clock, wrapped every 10 minutes (float precision; pulse rates divide it). */
export function wallClockSeconds(nowMs: number = Date.now()): number {
  return (nowMs % 600_000) / 1000;
}

export type MarkerMaterial = ShaderMaterial & { uniforms: { uTime: { value: number }; uSize: { value: number }; uElevation: { value: number } } };

/**
 * Drawn over the city (no depth test): a marker behind a tower or inside an extruded district is
 * still the thing the hall must see. Not tone mapped: the colours are the project's tokens.
 */
export function createMarkerMaterial(): MarkerMaterial {
  return new ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    uniforms: { uTime: { value: wallClockSeconds() }, uSize: { value: 100 }, uElevation: { value: 0 } },
    transparent: true,
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
  }) as MarkerMaterial;
}

export interface MarkerMesh {
  mesh: InstancedMesh;
  buffers: MarkerBuffers;
  /** Marks every per-instance array for upload after `writeMarkerInstances`. */
  uploaded(count: number): void;
  dispose(): void;
}

/** An InstancedMesh of `capacity` markers whose per-instance arrays are `buffers`. */
export function createMarkerMesh(capacity: number, material: MarkerMaterial): MarkerMesh {
  const buffers = allocateMarkerBuffers(capacity);
  const geometry = new PlaneGeometry(2, 2);
  const attributes = {
    aColour: new InstancedBufferAttribute(buffers.colours, 3),
    aShape: new InstancedBufferAttribute(buffers.shapes, 1),
    aPulseHz: new InstancedBufferAttribute(buffers.pulseHz, 1),
    aEmphasis: new InstancedBufferAttribute(buffers.emphasis, 1),
  };
  for (const [name, attribute] of Object.entries(attributes)) geometry.setAttribute(name, attribute);
  const mesh = new InstancedMesh(geometry, material, capacity);
  mesh.instanceMatrix = new InstancedBufferAttribute(buffers.matrices, 16);
  mesh.count = 0;
  // Billboards reach past the instances' points, and the layer is cheap: never culled as a whole.
  mesh.frustumCulled = false;
  return {
    mesh,
    buffers,
    uploaded(count) {
      mesh.count = count;
      mesh.instanceMatrix.needsUpdate = true;
      for (const attribute of Object.values(attributes)) attribute.needsUpdate = true;
    },
    dispose() {
      geometry.dispose();
      mesh.dispose();
    },
  };
}
