/*
 * The scene's live layers: r3f components placed in ground metres (shared/geo/projection.ts),
 * each one draw call, plus the layer manager (DOM) and the per-level layer policy.
 */
export { IncidentMarkers, INCIDENT_MARKERS_ATTRIBUTE, type IncidentMarkersProps } from './IncidentMarkers';
export { TaskArcs, TASK_ARCS_ATTRIBUTE, type TaskArcsProps } from './TaskArcs';
export { CameraMarkers, type PointLayerProps } from './CameraMarkers';
export { RescueTeamMarkers } from './RescueTeamMarkers';
export { RiskPointMarkers } from './RiskPointMarkers';
export { LayerManager, type LayerManagerProps } from './LayerManager';
export { effectiveLayers, sceneLevelOf, LAYER_POLICY, RISK_LEVELS_SHOWN, type LayerVisibility, type SceneLevel } from './layerPolicy';
export { PULSE_FPS } from './pulseClock';
