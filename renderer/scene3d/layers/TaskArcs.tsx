import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { selectTasks } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { buildArcSegments, openTaskArcsWithin } from './taskArcGeometry';
import { useUnitPositions } from './unitPositions';

/** Arc width in display pixels: a hairline vanishes at 5 m, a thick line hides the city. */
export const ARC_WIDTH_PX = 5;

/** The canvas attribute listing the task ids drawn as arcs (sorted): for browser tests. */
export const TASK_ARCS_ATTRIBUTE = 'data-task-arcs';

export interface TaskArcsProps {
  /** The unit shown: tasks sent from or held in its subtree are drawn. */
  unit: string;
  visible: boolean;
  /** Height of the ground the arcs start from, metres. */
  elevation?: number;
}

/**
 * Tasks in flight as arcs from the unit that sent each (its centroid) to the unit holding it,
 * coloured by state and brightening towards the holder: all of them one batched line geometry
 * with vertex colours, so one draw call whatever the mix of states.
 */
export function TaskArcs({ unit, visible, elevation = 0 }: TaskArcsProps) {
  const tasks = useWallStore(selectTasks);
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const canvas = useThree((s) => s.gl.domElement);
  const arcs = useMemo(() => openTaskArcsWithin(tasks, unit), [tasks, unit]);
  const units = useMemo(() => [...new Set(arcs.flatMap((a) => [a.fromUnit, a.toUnit]))].sort(), [arcs]);
  const { positionOf, version } = useUnitPositions(units);
  // `version` grows as unit positions arrive: rebuild with the arcs that became drawable.
  const segments = useMemo(() => buildArcSegments(arcs, positionOf, elevation), [arcs, positionOf, elevation, version]);

  const material = useMemo(
    () => new LineMaterial({ vertexColors: true, linewidth: ARC_WIDTH_PX, worldUnits: false, transparent: true, depthTest: false, depthWrite: false, toneMapped: false }),
    [],
  );
  useEffect(() => () => material.dispose(), [material]);
  const line = useMemo(() => {
    const geometry = new LineSegmentsGeometry();
    if (segments.taskIds.length > 0) {
      geometry.setPositions(segments.positions);
      geometry.setColors(segments.colours);
    }
    const object = new LineSegments2(geometry, material);
    object.frustumCulled = false;
    object.renderOrder = 9;
    return object;
  }, [segments, material]);
  useEffect(() => () => line.geometry.dispose(), [line]);

  useLayoutEffect(() => {
    material.resolution.set(size.width, size.height);
    line.visible = visible && segments.taskIds.length > 0;
    canvas.setAttribute(TASK_ARCS_ATTRIBUTE, visible ? segments.taskIds.join(',') : '');
    invalidate();
  }, [material, line, size, visible, segments, canvas, invalidate]);
  useEffect(() => () => canvas.removeAttribute(TASK_ARCS_ATTRIBUTE), [canvas]);

  return <primitive object={line} name="task-arcs" />;
}
