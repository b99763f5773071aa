import { project } from '../../../shared/geo/projection';
import type { Camera, CameraStatus } from '../../../shared/protocol/cameras';
import type { RescueTeam, RiskPoint } from '../../../shared/protocol/map';
import type { MarkerPoint } from './markerInstances';
import { CAMERA_COLOURS, CAMERA_SHAPE, RISK_SHAPE, TEAM_COLOUR, TEAM_SHAPE, riskColour } from './markerStyle';

/** Cameras as markers, dimmed when the hub last reported them offline. */
export function cameraMarkerPoints(cameras: readonly Camera[], statuses: Readonly<Record<string, CameraStatus>>): MarkerPoint[] {
  return cameras.map((camera) => {
    const [x, z] = project(camera.location);
    return { id: camera.id, x, z, colour: CAMERA_COLOURS[statuses[camera.id] === 'offline' ? 'offline' : 'online'], shape: CAMERA_SHAPE, pulseHz: 0 };
  });
}

/** Rescue teams at their bases. */
export function teamMarkerPoints(teams: readonly RescueTeam[]): MarkerPoint[] {
  return teams.map((team) => {
    const [x, z] = project(team.base);
    return { id: team.id, x, z, colour: TEAM_COLOUR, shape: TEAM_SHAPE, pulseHz: 0 };
  });
}

/** Risk points of the levels shown, coloured by level. */
export function riskMarkerPoints(points: readonly RiskPoint[], levels: readonly string[]): MarkerPoint[] {
  const shown = new Set(levels);
  return points.flatMap((point) => {
    if (!shown.has(point.level)) return [];
    const [x, z] = project(point.location);
    return [{ id: point.id, x, z, colour: riskColour(point.level), shape: RISK_SHAPE, pulseHz: 0 }];
  });
}
