// The slice of hls.js and of <video> the tile manager drives, so unit tests can hand in fakes.

/** hls.js event names (`Hls.Events.*`) the manager listens to. */
export const HLS_MANIFEST_PARSED = 'hlsManifestParsed';
export const HLS_ERROR = 'hlsError';
/** hls.js `ErrorDetails.BUFFER_STALLED_ERROR`: playback ran out of buffer. */
export const BUFFER_STALLED = 'bufferStalledError';
export const MEDIA_ERROR = 'mediaError';

export interface HlsErrorData {
  type: string;
  details: string;
  fatal: boolean;
}

export interface HlsPlayer {
  readonly levels: readonly { width: number; height: number }[];
  autoLevelCapping: number;
  startLevel: number;
  nextAutoLevel: number;
  /** Seconds behind the live edge hls.js estimates; 0 until it knows. */
  readonly latency: number;
  readonly liveSyncPosition: number | null;
  loadSource(url: string): void;
  attachMedia(media: TileVideo): void;
  startLoad(startPosition?: number): void;
  stopLoad(): void;
  recoverMediaError(): void;
  destroy(): void;
  on(event: typeof HLS_MANIFEST_PARSED, listener: () => void): void;
  on(event: typeof HLS_ERROR, listener: (event: string, data: HlsErrorData) => void): void;
}

/** The bounded-buffer live settings every tile's player gets (hls.js `HlsConfig` keys). */
export interface TileHlsConfig {
  maxBufferLength: number;
  maxMaxBufferLength: number;
  backBufferLength: number;
  maxBufferSize: number;
  liveSyncDurationCount: number;
  liveMaxLatencyDurationCount: number;
  lowLatencyMode: boolean;
  capLevelToPlayerSize: boolean;
  autoStartLoad: boolean;
  startLevel: number;
  testBandwidth: boolean;
  enableWorker: boolean;
}

export type HlsFactory = (config: TileHlsConfig) => HlsPlayer;

/** The parts of an HTMLVideoElement the manager uses. */
export interface TileVideo {
  currentTime: number;
  readonly paused: boolean;
  readonly clientWidth: number;
  readonly clientHeight: number;
  play(): Promise<void> | void;
  pause(): void;
  removeAttribute(name: string): void;
  load(): void;
}

/**
 * A few seconds of buffer and almost no back buffer: a wall of 64 tiles must not hold minutes
 * of video each. The manager caps renditions itself (hls.js's own size cap would undo an enlarged
 * tile's lifted cap) and starts loading once it has picked the start level. No transmux worker:
 * fMP4 needs no transmuxing, and the ES-module build of hls.js the views bundle cannot start one
 * anyway (bench:cameras counts 0 workers either way).
 */
export const TILE_HLS_CONFIG: TileHlsConfig = Object.freeze({
  maxBufferLength: 5,
  maxMaxBufferLength: 8,
  backBufferLength: 1,
  maxBufferSize: 8 * 1000 * 1000,
  liveSyncDurationCount: 3,
  liveMaxLatencyDurationCount: 8,
  lowLatencyMode: false,
  capLevelToPlayerSize: false,
  autoStartLoad: false,
  startLevel: -1,
  testBandwidth: false,
  enableWorker: false,
});
