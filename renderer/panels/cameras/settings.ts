// The settings live once, in shared/wall/panels.ts, where main validates layouts and presets.
export { CAMERA_GRIDS, CamerasPanelSettings } from '../../../shared/wall/panels';
