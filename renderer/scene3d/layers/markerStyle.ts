import type { TaskState } from '../../../shared/domain/taskLifecycle';

/*
 * Colours and symbols of the scene's markers. The colours are the project's CSS tokens
 * (theme/tokens.css severities, panels/tasks/tasks.css task states), repeated here because WebGL
 * needs numbers, not variables; markerStyle.test.ts reads the CSS and fails when they drift.
 */

/** Severity 1–4: red, orange, yellow, blue (the national emergency colours, --sev-1…4). */
export const SEVERITY_COLOURS: Record<number, string> = { 1: '#ff4d4f', 2: '#ff8a1f', 3: '#ffd426', 4: '#3d9bff' };

/**
 * Pulses per second by severity: the graver, the faster. Ⅳ级 (一般) stays steady so a wall of
 * minor reports is calm and costs no frames. Each rate is a multiple of 1/600 Hz, so the wall
 * clock the shader reads can wrap every 10 minutes without a jump.
 */
export const PULSE_HZ: Record<number, number> = { 1: 2, 2: 1.25, 3: 0.8, 4: 0 };

/** The open task states an arc can be in, and their colours (tasks.css `.task-state--*`). */
export const ARC_STATES = ['dispatched', 'accepted', 'arrived', 'feedback', 'returned', 'escalated'] as const satisfies readonly TaskState[];
export type ArcState = (typeof ARC_STATES)[number];
export const TASK_STATE_COLOURS: Record<ArcState, string> = {
  dispatched: '#3ec7ff',
  accepted: '#6aa8ff',
  arrived: '#a98bff',
  feedback: '#3ddc97',
  returned: '#ff8a1f',
  escalated: '#ff5b5b',
};

/** Cameras in the accent colour, dimmed when the hub reports them offline (--accent, --text-faint). */
export const CAMERA_COLOURS = { online: '#3ec7ff', offline: '#6f84a6' } as const;
/** Rescue teams in the "ready" green (--ok). */
export const TEAM_COLOUR = '#3ddc97';
/** Risk points by their level, in violets so they never read as an incident's severity. */
export const RISK_LEVEL_COLOURS: Record<string, string> = { 重大: '#ff5bd1', 较大: '#c58bff', 一般: '#8f86ff' };
export const RISK_LEVELS = ['重大', '较大', '一般'] as const;

/**
 * The shapes the marker shader draws (its `aShape` attribute). Incidents keep the severity
 * badge's shapes (panels/incidents/SeverityBadge.tsx), so severity never rests on colour alone.
 */
export const MARKER_SHAPES = { circle: 0, octagon: 1, triangle: 2, diamond: 3, square: 4, cross: 5, hexagon: 6 } as const;
export type MarkerShape = keyof typeof MARKER_SHAPES;

export const SEVERITY_SHAPES: Record<number, MarkerShape> = { 1: 'octagon', 2: 'triangle', 3: 'diamond', 4: 'circle' };
export const CAMERA_SHAPE: MarkerShape = 'square';
export const TEAM_SHAPE: MarkerShape = 'cross';
export const RISK_SHAPE: MarkerShape = 'hexagon';

/** The same shapes as SVG paths in a 20×20 box, for the legend. */
export const SHAPE_PATHS: Record<MarkerShape, string> = {
  circle: 'M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18z',
  octagon: 'M7 1h6l6 6v6l-6 6H7l-6-6V7z',
  triangle: 'M10 1.5 19 18H1z',
  diamond: 'M10 1 19 10 10 19 1 10z',
  square: 'M2 2h16v16H2z',
  cross: 'M7 1h6v6h6v6h-6v6H7v-6H1V7h6z',
  hexagon: 'M10 1l8 4.5v9L10 19l-8-4.5v-9z',
};

export function severityColour(severity: number): string {
  return SEVERITY_COLOURS[severity] ?? SEVERITY_COLOURS[4]!;
}

export function riskColour(level: string): string {
  return RISK_LEVEL_COLOURS[level] ?? RISK_LEVEL_COLOURS['一般']!;
}
