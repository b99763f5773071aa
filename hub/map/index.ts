// Map geometry for the 3D scene: unit areas (district outlines, street and community cells) and
// buildings (procedural, or imported from a GeoJSON footprint file).
export { DISTRICT_SIMPLIFY_METRES, MapAreas, type AreasAnswer } from './areas';
export { BUILDINGS_FILE_ENV, BuildingCatalog, parseBuildingsText, readBuildingsFile, type ImportSummary } from './buildingCatalog';
