export { Buildings, type BuildingsProps } from './Buildings';
export { TiledBuildings, type TiledBuildingsOptions, type TiledBuildingsStats, DEFAULT_TILED_BUILDINGS } from './TiledBuildings';
