import Hls from 'hls.js';
import { rebasingPlaylistLoader } from './discontinuitySequence';
import type { HlsPlayer, TileVideo } from './hlsPlayer';
import { TileManager } from './tileManager';
import type { ViewTileManagerTuning } from './tuning';

let manager: TileManager | null = null;
let tuning: ViewTileManagerTuning = {};

/** Sets the tuning; only before the view's manager exists (a page's first lines). */
export function tuneViewTileManager(next: ViewTileManagerTuning): void {
  if (manager) throw new Error('tuneViewTileManager after the tile manager started');
  tuning = next;
}

/** The one tile manager of this view, on real hls.js, `IntersectionObserver` and page visibility. */
export function getViewTileManager(): TileManager {
  const { hlsConfig, rebaseDiscontinuities = true, renditionScale = 1 } = tuning;
  manager ??= new TileManager({
    hlsConfig,
    createHls: (config) => {
      const hls = new Hls(rebaseDiscontinuities ? { ...config, pLoader: rebasingPlaylistLoader(Hls.DefaultConfig.loader) } : config);
      return {
        get levels() {
          return hls.levels;
        },
        get autoLevelCapping() {
          return hls.autoLevelCapping;
        },
        set autoLevelCapping(level: number) {
          hls.autoLevelCapping = level;
        },
        get startLevel() {
          return hls.startLevel;
        },
        set startLevel(level: number) {
          hls.startLevel = level;
        },
        get nextAutoLevel() {
          return hls.nextAutoLevel;
        },
        set nextAutoLevel(level: number) {
          hls.nextAutoLevel = level;
        },
        get latency() {
          return hls.latency;
        },
        get liveSyncPosition() {
          return hls.liveSyncPosition;
        },
        loadSource: (url) => hls.loadSource(url),
        attachMedia: (media) => hls.attachMedia(media as HTMLVideoElement),
        startLoad: (position) => hls.startLoad(position),
        stopLoad: () => hls.stopLoad(),
        recoverMediaError: () => hls.recoverMediaError(),
        destroy: () => hls.destroy(),
        on: (event: string, listener: (...args: never[]) => void) => hls.on(event as typeof Hls.Events.ERROR, listener as never),
      } satisfies HlsPlayer;
    },
    devicePixelRatio: () => (window.devicePixelRatio || 1) * renditionScale,
    observeVisibility: observeOnScreen,
    page: {
      isHidden: () => document.visibilityState === 'hidden',
      onChange: (listener) => {
        document.addEventListener('visibilitychange', listener);
        return () => document.removeEventListener('visibilitychange', listener);
      },
    },
  });
  return manager;
}

/** Whether a tile's video is on screen; `display: none` (a tile hidden behind an enlarged one) counts as off. */
function observeOnScreen(video: TileVideo, onChange: (visible: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (entry) onChange(entry.isIntersecting);
  });
  observer.observe(video as HTMLVideoElement);
  return () => observer.disconnect();
}
