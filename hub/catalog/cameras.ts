// About 6,000 public-video cameras placed on streets and communities, dense in the nine core
// districts. Each shows one of the looped HLS clips; the server forms the URL from the id as
// `${publicBaseUrl}/hls/cameras/${id}/master.m3u8`, so no host lives here. A deployment replaces
// them with a real platform's cameras (`cameraFile.ts`), which carry their own `hls` URL.
import { CITY_CODE, isInSubtree } from '../../shared/domain/units';
import { loadHierarchy, PointGridIndex, Random, squaredDistance, type Hierarchy, type LngLat, type UnitRecord } from '../hierarchy';
import { CLIP_RECIPES } from '../cameras/clipRecipes';
import { apportion, CORE_DISTRICTS, scatterInDistrict } from './placement';

export const CAMERA_COUNT = 6000;
/** How many distinct looped clips the camera service serves; `clip` indexes them. */
export const CAMERA_CLIP_COUNT = CLIP_RECIPES.length;

interface CameraPlace {
  id: string;
  name: string;
  /** A street or community code (any unit for a file camera). */
  unit: string;
  location: [number, number];
}

/** A simulated camera: the hub serves its video from a loop clip. */
export interface LoopCameraDefinition extends CameraPlace {
  /** 0 … CAMERA_CLIP_COUNT-1: which looped clip this camera shows. */
  clip: number;
  hls?: undefined;
}

/** A real platform's camera (`HUB_CAMERAS_FILE`): the hub advertises its URL and serves no video. */
export interface ExternalCameraDefinition extends CameraPlace {
  /** Absolute http(s) URL of its master playlist, passed to clients untouched. */
  hls: string;
  clip?: undefined;
}

export type CameraDefinition = LoopCameraDefinition | ExternalCameraDefinition;

const PLACES = [
  '步行街', '广场', '主干道路口', '公交枢纽', '轨道站出入口', '农贸市场', '学校门口', '医院门口', '滨江路',
  '隧道口', '大桥桥头', '社区服务中心', '商圈', '停车场', '小区大门', '河道', '边坡', '加油站', '物流园', '客运站',
];
const ASPECTS = ['东口', '西口', '南口', '北口', '全景', '高点', '1号', '2号', '入口', '出口'];

function placeName(street: UnitRecord, community: UnitRecord | undefined, random: Random): string {
  const stem = (community?.name ?? street.name).replace(/(街道|社区|村|镇|乡)$/, '');
  return `${stem}${random.pick(PLACES)} ${random.pick(ASPECTS)}`;
}

function streetWeight(street: UnitRecord, districtCode: string): number {
  return (CORE_DISTRICTS.has(districtCode) ? 4 : 1) * (street.name.endsWith('街道') ? 2.5 : 1);
}

/** Uncached generation; `loadCameras` is what callers want. */
export function generateCameras(hierarchy: Hierarchy, seed: number): LoopCameraDefinition[] {
  const random = new Random(`cameras:${seed}`);
  const streets = hierarchy.children(CITY_CODE).flatMap((district) =>
    hierarchy.children(district.code).map((street) => ({ street, district: district.code })),
  );
  const counts = apportion(CAMERA_COUNT, streets.map(({ street, district }) => streetWeight(street, district)));
  const serialByDistrict = new Map<string, number>();
  const cameras: LoopCameraDefinition[] = [];
  streets.forEach(({ street, district }, i) => {
    const communities = hierarchy.children(street.code);
    for (let n = 0; n < (counts[i] ?? 0); n++) {
      const community = communities.length > 0 && random.chance(0.6) ? random.pick(communities) : undefined;
      const anchor = community ?? street;
      const serial = (serialByDistrict.get(district) ?? 0) + 1;
      serialByDistrict.set(district, serial);
      cameras.push({
        id: `cam-${district}-${String(serial).padStart(4, '0')}`,
        name: placeName(street, community, random),
        unit: anchor.code,
        location: scatterInDistrict(hierarchy, random, anchor.centroid, community ? 0.004 : 0.008, district),
        clip: random.int(0, CAMERA_CLIP_COUNT - 1),
      });
    }
  });
  return cameras;
}

export interface CameraCatalog {
  all(): readonly CameraDefinition[];
  get(id: string): CameraDefinition | undefined;
  /**
   * The `limit` cameras nearest `lngLat`, nearest first; within `unit`'s subtree when given, and
   * among those passing `accept` (a name search) when given.
   */
  nearestCameras(lngLat: LngLat, limit: number, unit?: string, accept?: (camera: CameraDefinition) => boolean): CameraDefinition[];
}

/**
 * `q` of the camera list: does the camera's name or id contain `text`, in any case? `text` is
 * already trimmed by the caller.
 */
export function cameraMatches(camera: Pick<CameraDefinition, 'id' | 'name'>, text: string): boolean {
  const needle = text.toLocaleLowerCase();
  return camera.name.toLocaleLowerCase().includes(needle) || camera.id.toLocaleLowerCase().includes(needle);
}

/** A catalogue over a fixed list of cameras, with the spatial index `nearestCameras` uses. */
export function catalogOf(cameras: readonly CameraDefinition[]): CameraCatalog {
  const byId = new Map(cameras.map((camera) => [camera.id, camera]));
  const index = PointGridIndex.of(cameras, (camera) => camera.location, 0.02);
  return {
    all: () => cameras,
    get: (id) => byId.get(id),
    nearestCameras(lngLat, limit, unit, accept) {
      if (unit === undefined || unit === CITY_CODE) return index.nearest(lngLat, limit, accept);
      // A unit's cameras are few (≤ a district's): rank them directly.
      return cameras
        .filter((camera) => isInSubtree(camera.unit, unit) && (!accept || accept(camera)))
        .map((camera) => ({ camera, distance: squaredDistance(lngLat, camera.location) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, Math.max(0, limit))
        .map((entry) => entry.camera);
    },
  };
}

const cache = new Map<number, CameraCatalog>();

/** The camera catalogue for a seed (generated once, then cached). */
export function loadCameras(seed = 1): CameraCatalog {
  let catalog = cache.get(seed);
  if (!catalog) {
    catalog = catalogOf(generateCameras(loadHierarchy(), seed));
    cache.set(seed, catalog);
  }
  return catalog;
}
