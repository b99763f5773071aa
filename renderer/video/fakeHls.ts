// Fakes of hls.js and <video> for the tile manager's tests: they record what the manager did and
// let a test play the part of the network and the decoder.
import { type HlsErrorData, type HlsPlayer, type TileHlsConfig, type TileVideo, HLS_ERROR, HLS_MANIFEST_PARSED } from './hlsPlayer';

export const LADDER = [
  { width: 320, height: 180 },
  { width: 640, height: 360 },
  { width: 1280, height: 720 },
];

export class FakeHls implements HlsPlayer {
  levels = LADDER;
  autoLevelCapping = -1;
  startLevel = -1;
  nextAutoLevel = -1;
  latency = 0;
  liveSyncPosition: number | null = null;
  source: string | null = null;
  media: TileVideo | null = null;
  loading = false;
  destroyed = false;
  mediaRecoveries = 0;
  /** How often loading was (re)started: the cheap recovery restarts it at the live edge. */
  startLoads = 0;
  private manifestListeners: (() => void)[] = [];
  private errorListeners: ((event: string, data: HlsErrorData) => void)[] = [];

  constructor(readonly config: TileHlsConfig) {}

  loadSource(url: string): void {
    this.source = url;
  }
  attachMedia(media: TileVideo): void {
    this.media = media;
  }
  startLoad(): void {
    this.loading = true;
    this.startLoads += 1;
  }
  stopLoad(): void {
    this.loading = false;
  }
  recoverMediaError(): void {
    this.mediaRecoveries += 1;
  }
  destroy(): void {
    this.destroyed = true;
    this.loading = false;
  }
  on(event: string, listener: (...args: never[]) => void): void {
    if (event === HLS_MANIFEST_PARSED) this.manifestListeners.push(listener as () => void);
    if (event === HLS_ERROR) this.errorListeners.push(listener as (event: string, data: HlsErrorData) => void);
  }

  /** The master playlist arrived. */
  parseManifest(): void {
    this.manifestListeners.forEach((listener) => listener());
  }
  fail(data: HlsErrorData): void {
    this.errorListeners.forEach((listener) => listener(HLS_ERROR, data));
  }
}

export class FakeVideo implements TileVideo {
  currentTime = 0;
  paused = true;
  src: string | null = null;
  loads = 0;
  constructor(
    public clientWidth = 320,
    public clientHeight = 180,
  ) {}
  play(): Promise<void> {
    this.paused = false;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  removeAttribute(name: string): void {
    if (name === 'src') this.src = null;
  }
  load(): void {
    this.loads += 1;
  }
}

/** A factory that keeps every player it made, newest last. */
export function fakeHlsFactory(): { create: (config: TileHlsConfig) => FakeHls; made: FakeHls[] } {
  const made: FakeHls[] = [];
  return {
    made,
    create: (config) => {
      const hls = new FakeHls(config);
      made.push(hls);
      return hls;
    },
  };
}
