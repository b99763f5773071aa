// Seeded catalogues the hub serves and the simulator drives: indicators, cameras, map layers.
export { INDICATOR_COUNT, loadIndicators, publicIndicator, type IndicatorDefinition } from './indicators';
export type { DailyRhythm } from './indicatorTemplates';
export { CAMERA_CLIP_COUNT, CAMERA_COUNT, loadCameras, type CameraCatalog, type CameraDefinition } from './cameras';
export {
  loadMapData, RESCUE_KINDS, RESCUE_TEAM_COUNT, RISK_KINDS, RISK_POINT_COUNT,
  type MapData, type RescueKind, type RescueTeam, type RiskKind, type RiskLevel, type RiskPoint,
} from './mapData';
export { CORE_DISTRICTS, MAIN_CITY_DISTRICTS } from './placement';
