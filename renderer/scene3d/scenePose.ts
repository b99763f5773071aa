import { CITY_CODE, isInSubtree, levelOfCode } from '../../shared/domain/units';
import { project } from '../../shared/geo/projection';
import type { LngLat } from '../../shared/protocol/common';
import type { City3dPanelSettings } from '../../shared/wall/panels';
import { boundsSpan, cameraAxes, poseForPoint, poseForPoints, SCENE_FOV_DEG, WHOLE_PICTURE, type CameraPose, type GroundBounds, type PictureWindow } from './cameraPose';
import type { SceneLevel } from './layers/layerPolicy';

/*
 * What the scene shows and from where, decided from the cell's settings alone: every window of
 * the wall reaches the same answer.
 */

/** How steeply each level looks down: low enough that the slabs read as 3D and a wide wall is filled, steep enough that the far side is not squashed. */
export const LEVEL_PITCH_DEG: Record<SceneLevel, number> = { city: 36, district: 42, street: 40 };
/** Headings tried when framing a unit: north stays within 45° of up. */
const FRAME_HEADINGS_DEG = [0, -15, 15, -30, 30, -45, 45];
/** A turned view must bring the unit this much closer than north-up to be worth turning the map. */
const TURN_GAIN = 0.85;
/** How far a focused incident is seen from, per level shown. */
export const FOCUS_DISTANCE_M: Record<SceneLevel, number> = { city: 18_000, district: 6_000, street: 1_400 };

/**
 * The unit a cell shows: its own setting, else the wall's own unit, else the city. A community
 * or grid wall shows its street (the deepest scene there is).
 */
export function sceneUnitOf(settingsUnit: string | undefined, wallUnit: string | undefined): string {
  if (settingsUnit) return settingsUnit;
  if (!wallUnit) return CITY_CODE;
  const level = levelOfCode(wallUnit);
  if (level === 'city' || level === 'district' || level === 'street') return wallUnit;
  return wallUnit.slice(0, 9);
}

/** The units from `root` (the wall's own, when the shown unit lies under it) down to `unit`: city › district › street. */
export function unitChain(unit: string, root: string = CITY_CODE): string[] {
  const chain = [...new Set([CITY_CODE, unit.slice(0, 6), unit.slice(0, 9)])];
  const from = isInSubtree(unit, root) ? chain.indexOf(root) : -1;
  return chain.slice(Math.max(0, from));
}

/** Height of the extruded areas at a level: a share of what is shown, so a district slab reads the same from 400 km as a street's from 20 km. */
export function areaHeightM(level: SceneLevel, bounds: GroundBounds | null): number {
  if (level === 'street') return 3;
  const span = bounds ? boundsSpan(bounds) : 10_000;
  return span * (level === 'city' ? 0.01 : 0.015);
}

/** How much taller a busier area stands: its rank (0–4) raises it by half its base height each. */
export function rankScale(level: SceneLevel, rank: number): number {
  return level === 'street' ? 1 : 1 + rank * 0.5;
}

/**
 * Picture pixels the scene's overlays hold: the layer manager's card at the right (its switches
 * and marker legend), the breadcrumb and area legend at the left. Units are framed between them,
 * not under them, when the picture is wide enough to spare them (a cell across two displays).
 */
export const LAYER_CARD_PX = 1300;
export const LEGEND_PX = 480;

/** The part of a picture `width` pixels wide that the scene frames into. */
export function framingWindow(width: number): PictureWindow {
  if (width - LAYER_CARD_PX - LEGEND_PX < width * 0.5) return WHOLE_PICTURE;
  return { ...WHOLE_PICTURE, left: -1 + (2 * LEGEND_PX) / width, right: 1 - (2 * LAYER_CARD_PX) / width };
}

export interface PoseInputs {
  level: SceneLevel;
  settings: Pick<City3dPanelSettings, 'view' | 'focusIncidentId'>;
  /** The shown unit's outline points on the ground (its children's areas, or its own outline); null until known. */
  frame: readonly (readonly [number, number])[] | null;
  /** The focused incident's location, when it is on the wall. */
  focusLocation: LngLat | null;
  /** The whole picture's width / height. */
  aspect: number;
  /** The part of the picture to frame into (framingWindow); the whole of it when absent. */
  window?: PictureWindow;
  areaHeightM: number;
}

/**
 * Where the camera should be: a view an officer set, else the focused incident close up, else the
 * unit framed. Null until there is something to frame.
 */
export function targetPose(input: PoseInputs): CameraPose | null {
  if (input.settings.view) return input.settings.view;
  const window = input.window ?? WHOLE_PICTURE;
  if (input.focusLocation) {
    // The incident in the middle of the framing window: on a two-display wall, clear of the bezel.
    const pose = poseForPoint(project(input.focusLocation), FOCUS_DISTANCE_M[input.level], 0, LEVEL_PITCH_DEG[input.level]);
    const across = ((window.left + window.right) / 2) * pose.distanceM * Math.tan((SCENE_FOV_DEG * Math.PI) / 360) * input.aspect;
    const { right } = cameraAxes(pose.headingDeg, pose.pitchDeg);
    return { ...pose, target: [pose.target[0] - across * right[0], pose.target[1] - across * right[2]] };
  }
  if (!input.frame || input.frame.length === 0) return null;
  const frame = input.frame;
  const options = { aspect: input.aspect, pitchDeg: LEVEL_PITCH_DEG[input.level], heightM: input.areaHeightM * rankScale(input.level, 4), window };
  // A long unit (the city runs south-west to north-east) fills a wide wall better turned along its length.
  const northUp = poseForPoints(frame, { ...options, headingDeg: 0 });
  let best = northUp;
  for (const headingDeg of FRAME_HEADINGS_DEG.slice(1)) {
    const turned = poseForPoints(frame, { ...options, headingDeg });
    if (turned.distanceM < best.distanceM) best = turned;
  }
  return best.distanceM < northUp.distanceM * TURN_GAIN ? best : northUp;
}

/**
 * Marker size in metres for a camera distance: about 35 px on a 1080-line display at every level
 * (a picture 2·d·tan(17.5°) metres tall over ~770 px), big enough to read and to click from a
 * step back.
 */
export function markerScaleM(distanceM: number): number {
  return distanceM * 0.028;
}

/** When the settings say the scene last changed, as epoch ms (null: not said, or unreadable). */
export function sinceMs(since: string | undefined): number | null {
  if (!since) return null;
  const ms = Date.parse(since);
  return Number.isFinite(ms) ? ms : null;
}
