import { z } from 'zod';
import { LngLat } from './common';
import { UnitCode } from './units';

export const Camera = z.object({
  id: z.string().min(1),
  name: z.string(),
  unit: UnitCode,
  location: LngLat,
  /** URL of a master playlist; `?start=&end=` on it gives an archive VOD playlist. */
  hls: z.string().min(1),
});
export type Camera = z.infer<typeof Camera>;
export const CameraList = z.array(Camera);

export const CAMERA_STATUSES = ['online', 'offline'] as const;
export const CameraStatus = z.enum(CAMERA_STATUSES);
export type CameraStatus = z.infer<typeof CameraStatus>;
