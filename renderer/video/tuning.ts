// Alternatives to the wall's player settings, for measuring them side by side: the benchmark's
// lever variants hand them to the standalone camera page as `?tune=<JSON>`. The wall itself runs
// with none.
import { z } from 'zod';
import { parseAtEdge } from '../../shared/validation';

export const ViewTileManagerTuning = z.strictObject({
  /** Overrides of `TILE_HLS_CONFIG`. */
  hlsConfig: z
    .strictObject({
      maxBufferLength: z.number().positive(),
      maxMaxBufferLength: z.number().positive(),
      backBufferLength: z.number().nonnegative(),
      maxBufferSize: z.number().int().positive(),
      liveSyncDurationCount: z.number().int().positive(),
      liveMaxLatencyDurationCount: z.number().int().positive(),
      enableWorker: z.boolean(),
    })
    .partial()
    .optional(),
  /** false: hand hls.js the feeds' discontinuity sequence numbers as they are (see discontinuitySequence.ts). */
  rebaseDiscontinuities: z.boolean().optional(),
  /** Multiplies the device pixel ratio renditions are picked by (0.5: each tile gets the rendition of a tile half its size). */
  renditionScale: z.number().positive().max(4).optional(),
});
export type ViewTileManagerTuning = z.infer<typeof ViewTileManagerTuning>;

/** The `tune` parameter of a page URL: the tuning, none when absent, and none (logged with the field) when malformed. */
export function readTuning(search: string, log: (message: string) => void = console.warn): ViewTileManagerTuning {
  const raw = new URLSearchParams(search).get('tune');
  if (raw === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    log('[cameras] ignoring tune: not JSON');
    return {};
  }
  const parsed = parseAtEdge(ViewTileManagerTuning, json);
  if (parsed.ok) return parsed.value;
  log(`[cameras] ignoring tune: ${parsed.message}`);
  return {};
}
