// Seeded catalogues the hub serves and the simulator drives: indicators, cameras, map layers;
// and a real platform's cameras from a file, which replace the seeded ones.
export { INDICATOR_COUNT, loadIndicators, publicIndicator, type IndicatorDefinition } from './indicators';
export type { DailyRhythm } from './indicatorTemplates';
export {
  CAMERA_CLIP_COUNT, CAMERA_COUNT, cameraMatches, catalogOf, loadCameras,
  type CameraCatalog, type CameraDefinition, type ExternalCameraDefinition, type LoopCameraDefinition,
} from './cameras';
export { CAMERAS_FILE_ENV, parseCameraFile, readCameraFile } from './cameraFile';
export {
  loadMapData, RESCUE_KINDS, RESCUE_TEAM_COUNT, RISK_KINDS, RISK_POINT_COUNT,
  type MapData, type RescueKind, type RescueTeam, type RiskKind, type RiskLevel, type RiskPoint,
} from './mapData';
export { CORE_DISTRICTS, MAIN_CITY_DISTRICTS } from './placement';
