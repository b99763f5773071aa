import { z } from 'zod';
import { BOARDS, IsoTime, Severity } from '../protocol/common';
import { UnitCode } from '../protocol/units';

/*
 * Settings of every panel kind a layout cell can hold: the one source of truth. The panels in
 * renderer/panels/<kind>/settings.ts re-export these; layouts, presets and imports are
 * validated against them here, where main and the views both reach.
 */

export const CAMERA_GRIDS = [1, 4, 9, 16, 25] as const;
const CameraId = z.string().min(1).max(64);

export const CamerasPanelSettings = z.strictObject({
  grid: z.union(CAMERA_GRIDS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<4>, z.ZodLiteral<9>, z.ZodLiteral<16>, z.ZodLiteral<25>]),
  cameraIds: z.array(CameraId).max(25),
  /** Cycle through more cameras than the grid holds, one page every `intervalSeconds`. */
  tour: z.strictObject({ intervalSeconds: z.number().int().min(3).max(3600), cameraIds: z.array(CameraId).min(1).max(500) }).optional(),
});
export type CamerasPanelSettings = z.infer<typeof CamerasPanelSettings>;

export const IndicatorsPanelSettings = z.strictObject({
  board: z.enum([...BOARDS, 'all']),
  /** Only indicators of this unit's subtree. */
  unit: UnitCode.optional(),
  /** Exactly these indicators, in this order unless `sort` says otherwise. */
  ids: z.array(z.string().min(1).max(64)).max(1500).optional(),
  sort: z.enum(['severity', 'name']).optional(),
});
export type IndicatorsPanelSettings = z.infer<typeof IndicatorsPanelSettings>;

export const IncidentsPanelSettings = z.strictObject({
  view: z.enum(['list', 'ticker', 'summary']),
  severities: z.array(Severity).max(4).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  /** The incident a focus layout is about: shown first and marked. */
  focusIncidentId: z.string().min(1).max(64).optional(),
});
export type IncidentsPanelSettings = z.infer<typeof IncidentsPanelSettings>;

export const TasksPanelSettings = z.strictObject({
  view: z.enum(['feed', 'states']),
  /** Only the tasks of this incident. */
  incidentId: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export type TasksPanelSettings = z.infer<typeof TasksPanelSettings>;

export const StatusPanelSettings = z.strictObject({
  show: z.array(z.enum(['severity', 'boards', 'tasks'])).min(1).max(3),
});
export type StatusPanelSettings = z.infer<typeof StatusPanelSettings>;

export const SupervisionPanelSettings = z.strictObject({
  /** Whose subordinate units to show; the wall's own unit when absent. */
  unit: UnitCode.optional(),
});
export type SupervisionPanelSettings = z.infer<typeof SupervisionPanelSettings>;

export const ReviewPanelSettings = z.strictObject({
  /** The incident to review; when absent, the most recently closed severity-1/2 one, else the latest. */
  incidentId: z.string().min(1).max(64).optional(),
});
export type ReviewPanelSettings = z.infer<typeof ReviewPanelSettings>;

/** The 3D scene's layers, each switched on or off in the layer manager. */
export const CITY3D_LAYERS = ['areas', 'labels', 'buildings', 'incidents', 'tasks', 'cameras', 'teams', 'risks'] as const;
export type City3dLayer = (typeof CITY3D_LAYERS)[number];

const Metres = z.number().min(-2_000_000).max(2_000_000);

/**
 * Where the scene's camera looks, the same in every window: a ground point in metres
 * (shared/geo/projection.ts), how far away, from which side (0° looks north, 90° east), and how
 * steeply down (90° is straight down).
 */
export const SceneCameraView = z.strictObject({
  target: z.tuple([Metres, Metres]),
  distanceM: z.number().min(50).max(3_000_000),
  headingDeg: z.number().min(-360).max(360),
  pitchDeg: z.number().min(15).max(89),
});
export type SceneCameraView = z.infer<typeof SceneCameraView>;

export const City3dPanelSettings = z.strictObject({
  /** The unit shown: the city, a district or a street (its children's areas). Absent: the wall's own unit. */
  unit: UnitCode.refine((code) => code.length === 6 || code.length === 9, 'the city, a district or a street (6 or 9 digits)').optional(),
  /**
   * 'incidents': each area by its open incidents. Otherwise an indicator id (`500103.power-load`)
   * or metric (`power-load`): each area by its own indicator of that metric against its thresholds.
   */
  colorBy: z.union([z.literal('incidents'), z.string().regex(/^(\d{6,15}\.)?[a-z][a-z0-9-]{0,47}(\.\d{1,3})?$/, "'incidents', an indicator id or a metric")]),
  /** Layers switched on or off by an officer; the rest follow the level shown (buildings on a street, say). */
  layers: z
    .strictObject({
      areas: z.boolean().optional(),
      labels: z.boolean().optional(),
      buildings: z.boolean().optional(),
      incidents: z.boolean().optional(),
      tasks: z.boolean().optional(),
      cameras: z.boolean().optional(),
      teams: z.boolean().optional(),
      risks: z.boolean().optional(),
    })
    .optional(),
  /** The incident the camera flies to, marked. */
  focusIncidentId: z.string().min(1).max(64).optional(),
  /** Where an officer moved the camera; absent: framing the unit (or the focused incident). */
  view: SceneCameraView.optional(),
  /**
   * When the unit, focus or view last changed: every window flies from the old camera to the new
   * one over the same interval from this instant, so the displays move as one picture.
   */
  since: IsoTime.optional(),
});
export type City3dPanelSettings = z.infer<typeof City3dPanelSettings>;

export const PANEL_SETTINGS = {
  cameras: CamerasPanelSettings,
  indicators: IndicatorsPanelSettings,
  incidents: IncidentsPanelSettings,
  tasks: TasksPanelSettings,
  status: StatusPanelSettings,
  supervision: SupervisionPanelSettings,
  review: ReviewPanelSettings,
  city3d: City3dPanelSettings,
} as const;
export type PanelKind = keyof typeof PANEL_SETTINGS;
export const PANEL_KINDS = Object.keys(PANEL_SETTINGS) as PanelKind[];
export type PanelSettings<K extends PanelKind> = z.infer<(typeof PANEL_SETTINGS)[K]>;

/** A cell's content: a kind and settings valid for it. */
export type PanelSpec = { [K in PanelKind]: { kind: K; settings: PanelSettings<K> } }[PanelKind];
