// Chongqing's unit tree (city → 40 district centres → 1,031 streets → 11,270 communities →
// ~63,500 generated grids) with real codes and names, district outlines and stable positions.
export { loadHierarchy } from './hierarchy';
export type { Hierarchy, UnitLevel, UnitRecord } from './units';
export { NEW_AREAS } from './buildUnits';
export { CHONGQING_BBOX, squaredDistance, roundLngLat, type BBox, type LngLat } from './geometry';
export { PointGridIndex } from './spatialIndex';
export { Random, hashString, mulberry32 } from './random';
