// hls.js keeps the timestamp offset of each discontinuity in an array indexed by the discontinuity
// sequence number, and copies that array for every fragment it parses. A feed anchored to the wall
// clock (the hub's loop clips count loop wraps since 1970: about 3.8 million) makes each copy a
// 30 MB, 130 ms allocation, per fragment, per tile: at 16 tiles that was 300 MB of JS heap and most
// of a core. Rebasing the number per player keeps hls.js's arithmetic (only differences between
// numbers matter to it) and keeps the array short.

import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderStats, PlaylistLoaderConstructor, PlaylistLoaderContext } from 'hls.js';

/** How far below the first number a player sees its playlists may still go (other renditions lag a little). */
export const DISCONTINUITY_HEADROOM = 1000;

const DISCONTINUITY_SEQUENCE = /^#EXT-X-DISCONTINUITY-SEQUENCE:[ \t]*(\d+)/m;

/**
 * One player's rebasing: the first discontinuity sequence number seen maps to
 * `DISCONTINUITY_HEADROOM`, later ones keep their distance from it. Numbers already small are
 * left alone, and so is anything that is not a media playlist with the tag.
 */
export class DiscontinuityRebaser {
  private offset: number | null = null;

  rewrite(playlist: string): string {
    const match = DISCONTINUITY_SEQUENCE.exec(playlist);
    if (!match) return playlist;
    const sequence = Number(match[1]);
    this.offset ??= Math.max(0, sequence - DISCONTINUITY_HEADROOM);
    if (this.offset === 0) return playlist;
    // below the headroom (a feed whose numbering restarted): 0, and the tile manager's stall recovery rebuilds the player
    const rebased = Math.max(0, sequence - this.offset);
    return playlist.replace(DISCONTINUITY_SEQUENCE, `#EXT-X-DISCONTINUITY-SEQUENCE:${rebased}`);
  }
}

/**
 * An hls.js `pLoader` for one player: loads with `Base` (hls.js's default loader) and rebases each
 * playlist's discontinuity sequence before hls.js parses it. hls.js makes a new loader per
 * request, so the rebaser lives in the returned class: one class per player.
 */
export function rebasingPlaylistLoader(Base: new (config: HlsConfig) => Loader<LoaderContext>): PlaylistLoaderConstructor {
  const rebaser = new DiscontinuityRebaser();
  return class RebasingPlaylistLoader implements Loader<PlaylistLoaderContext> {
    private readonly loader: Loader<LoaderContext>;

    constructor(config: HlsConfig) {
      this.loader = new Base(config);
    }
    get stats(): LoaderStats {
      return this.loader.stats;
    }
    get context(): PlaylistLoaderContext | null {
      return this.loader.context as PlaylistLoaderContext | null;
    }
    load(context: PlaylistLoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<PlaylistLoaderContext>): void {
      this.loader.load(context, config, {
        ...(callbacks as unknown as LoaderCallbacks<LoaderContext>),
        onSuccess: (response, stats, loaded, details) => {
          if (typeof response.data === 'string') response.data = rebaser.rewrite(response.data);
          callbacks.onSuccess(response, stats, loaded as PlaylistLoaderContext, details);
        },
      });
    }
    abort(): void {
      this.loader.abort();
    }
    destroy(): void {
      this.loader.destroy();
    }
    // a CDN's Age header still shortens hls.js's wait for the next live playlist
    getCacheAge = (): number | null => this.loader.getCacheAge?.() ?? null;
    getResponseHeader = (name: string): string | null => this.loader.getResponseHeader?.(name) ?? null;
  };
}
