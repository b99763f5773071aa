import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Raycaster, Intersection } from 'three';
import { capacityFor, writeMarkerInstances, type MarkerPoint } from './markerInstances';
import { createMarkerMaterial, createMarkerMesh, wallClockSeconds } from './markerMaterial';
import { asIntersections, pickMarkers } from './markerPicking';
import { usePulseFrames } from './usePulseFrames';

export interface MarkerLayerProps {
  /** Three.js object name (what a debugger or a test finds it by). */
  name: string;
  points: readonly MarkerPoint[];
  visible: boolean;
  /** A marker's icon size in metres (the scene picks one per level). */
  scale: number;
  /** Height of the ground under the markers, metres (an extruded district's top, say). */
  elevation?: number;
  /** Among marker layers, higher draws later (on top). */
  renderOrder?: number;
  onPick?(id: string): void;
  /** After each upload: the ids drawn, in instance order (none while hidden). */
  onDrawn?(ids: readonly string[]): void;
}

/** One InstancedMesh of camera-facing markers: the shared body of every point layer. */
export function MarkerLayer({ name, points, visible, scale, elevation = 0, renderOrder = 10, onPick, onDrawn }: MarkerLayerProps) {
  const invalidate = useThree((s) => s.invalidate);
  const material = useMemo(() => createMarkerMaterial(), []);
  useEffect(() => () => material.dispose(), [material]);
  const capacity = capacityFor(points.length);
  const markers = useMemo(() => createMarkerMesh(capacity, material), [capacity, material]);
  useEffect(() => () => markers.dispose(), [markers]);
  const ids = useRef<string[]>([]);
  const pulsing = useMemo(() => points.some((p) => p.pulseHz > 0), [points]);

  useLayoutEffect(() => {
    const written = writeMarkerInstances(points, markers.buffers);
    markers.uploaded(written.count);
    ids.current = written.ids;
    invalidate();
  }, [points, markers, invalidate]);

  useLayoutEffect(() => {
    markers.mesh.visible = visible;
    markers.mesh.renderOrder = renderOrder;
    material.uniforms.uSize.value = scale;
    material.uniforms.uElevation.value = elevation;
    invalidate();
  }, [markers, material, visible, scale, elevation, renderOrder, invalidate]);

  useLayoutEffect(() => {
    onDrawn?.(visible ? ids.current : []);
  }, [points, markers, visible, onDrawn]);

  // Frames only while something pulses on screen, paced by what they cost; else the canvas sleeps.
  usePulseFrames(visible && pulsing);
  useFrame(() => {
    material.uniforms.uTime.value = wallClockSeconds();
  });

  useLayoutEffect(() => {
    const { mesh, buffers } = markers;
    mesh.raycast = (raycaster: Raycaster, intersects: Intersection[]) => {
      if (!mesh.visible || !onPick) return;
      const hits = pickMarkers(raycaster.ray, mesh.matrixWorld, buffers.matrices, mesh.count, scale * 0.6, elevation + scale * 0.5);
      intersects.push(...asIntersections(hits, mesh));
    };
  }, [markers, scale, elevation, onPick]);

  const handleClick = onPick
    ? (event: ThreeEvent<MouseEvent>) => {
        const id = event.instanceId === undefined ? undefined : ids.current[event.instanceId];
        if (id === undefined) return;
        event.stopPropagation();
        onPick(id);
      }
    : undefined;

  return <primitive object={markers.mesh} name={name} onClick={handleClick} />;
}
