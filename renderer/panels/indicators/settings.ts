// The schema lives once in shared/wall/panels.ts (main validates layouts with it); re-exported
// here so the panel's folder holds its whole surface.
export { IndicatorsPanelSettings } from '../../../shared/wall/panels';
