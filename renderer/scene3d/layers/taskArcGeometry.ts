import { Color } from 'three';
import { isOpenTaskState } from '../../../shared/domain/taskLifecycle';
import { isInSubtree } from '../../../shared/domain/units';
import type { WallState } from '../../../shared/state/wallState';
import { TASK_STATE_COLOURS, type ArcState } from './markerStyle';

/** A task in flight as the scene draws it: from the unit that sent it to the unit holding it. */
export interface TaskArc {
  taskId: string;
  state: ArcState;
  fromUnit: string;
  toUnit: string;
}

/** An arc's height is this share of its length: long hauls rise high, neighbours stay low. */
export const ARC_RISE = 0.25;
/** Straight pieces per arc: smooth at wall size, few enough for hundreds of arcs. */
export const ARC_SEGMENTS = 24;
/** Arcs to the same pair of units rise this much higher each, so they do not hide one another. */
const STACK_STEP = 0.15;
/** The arc brightens from this share of its colour at the sender to full at the holder: the direction of travel. */
export const ARC_SOURCE_SHADE = 0.35;

/**
 * Tasks in an open state whose sender or holder lies in `unit`'s subtree (a task coming in from
 * above or going out counts), sorted by id. A task held by its own sender has no arc.
 */
export function openTaskArcsWithin(tasks: WallState['tasks'], unit: string): TaskArc[] {
  const arcs: TaskArc[] = [];
  for (const task of Object.values(tasks)) {
    if (!isOpenTaskState(task.state) || task.fromUnit === task.toUnit) continue;
    if (!isInSubtree(task.fromUnit, unit) && !isInSubtree(task.toUnit, unit)) continue;
    arcs.push({ taskId: task.taskId, state: task.state as ArcState, fromUnit: task.fromUnit, toUnit: task.toUnit });
  }
  return arcs.sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
}

/**
 * Points along a parabolic arc from `from` to `to` (ground [x, z]), `segments + 1` of them, as
 * x, y, z triples: y rises from `baseY` to `baseY + rise × distance` half way.
 */
export function arcPoints(from: [number, number], to: [number, number], segments = ARC_SEGMENTS, baseY = 0, rise = ARC_RISE): Float32Array {
  const distance = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const height = rise * distance;
  const points = new Float32Array((segments + 1) * 3);
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    points[i * 3] = from[0] + (to[0] - from[0]) * t;
    points[i * 3 + 1] = baseY + 4 * height * t * (1 - t);
    points[i * 3 + 2] = from[1] + (to[1] - from[1]) * t;
  }
  return points;
}

/** Line-segment pairs and their vertex colours for every arc whose two ends are known: one draw call. */
export interface ArcSegments {
  /** 6 floats per segment (start x y z, end x y z). */
  positions: Float32Array;
  /** 6 floats per segment, linear RGB at each end. */
  colours: Float32Array;
  /** The task ids drawn, in order (arcs whose unit positions are not known yet are left out). */
  taskIds: string[];
}

export function buildArcSegments(arcs: readonly TaskArc[], positionOf: (unit: string) => [number, number] | undefined, baseY = 0): ArcSegments {
  const drawable = arcs.flatMap((arc) => {
    const from = positionOf(arc.fromUnit);
    const to = positionOf(arc.toUnit);
    return from && to && (from[0] !== to[0] || from[1] !== to[1]) ? [{ arc, from, to }] : [];
  });
  const floatsPerArc = ARC_SEGMENTS * 6;
  const positions = new Float32Array(drawable.length * floatsPerArc);
  const colours = new Float32Array(drawable.length * floatsPerArc);
  const stacked = new Map<string, number>();
  const colour = new Color();
  drawable.forEach(({ arc, from, to }, n) => {
    const pair = `${arc.fromUnit}>${arc.toUnit}`;
    const layer = stacked.get(pair) ?? 0;
    stacked.set(pair, layer + 1);
    const points = arcPoints(from, to, ARC_SEGMENTS, baseY, ARC_RISE * (1 + STACK_STEP * layer));
    colour.set(TASK_STATE_COLOURS[arc.state]);
    for (let s = 0; s < ARC_SEGMENTS; s++) {
      const out = n * floatsPerArc + s * 6;
      positions.set(points.subarray(s * 3, s * 3 + 6), out);
      for (let end = 0; end < 2; end++) {
        const shade = ARC_SOURCE_SHADE + (1 - ARC_SOURCE_SHADE) * ((s + end) / ARC_SEGMENTS);
        colours[out + end * 3] = colour.r * shade;
        colours[out + end * 3 + 1] = colour.g * shade;
        colours[out + end * 3 + 2] = colour.b * shade;
      }
    }
  });
  return { positions, colours, taskIds: drawable.map((d) => d.arc.taskId) };
}
