import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderContext, LoaderResponse, LoaderStats, PlaylistLoaderContext } from 'hls.js';
import { describe, expect, it } from 'vitest';
import { DISCONTINUITY_HEADROOM, DiscontinuityRebaser, rebasingPlaylistLoader } from './discontinuitySequence';

/** A live playlist as the hub writes it: the discontinuity sequence counts loop wraps since 1970. */
const livePlaylist = (discontinuitySequence: number) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-TARGETDURATION:1',
    '#EXT-X-MEDIA-SEQUENCE:91183743',
    `#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence}`,
    '#EXT-X-MAP:URI="init.mp4"',
    '#EXTINF:1.000,',
    '23.m4s',
    '#EXT-X-DISCONTINUITY',
    '#EXT-X-MAP:URI="init.mp4"',
    '#EXTINF:1.000,',
    '0.m4s',
    '',
  ].join('\n');

const sequenceOf = (playlist: string) => Number(/#EXT-X-DISCONTINUITY-SEQUENCE:(\d+)/.exec(playlist)?.[1]);

describe('discontinuity sequence rebasing', () => {
  it('maps a huge wall-clock discontinuity sequence to a small one and keeps the distances between playlists', () => {
    const rebaser = new DiscontinuityRebaser();
    const first = rebaser.rewrite(livePlaylist(3_799_322));
    expect(sequenceOf(first)).toBe(DISCONTINUITY_HEADROOM);
    expect(sequenceOf(rebaser.rewrite(livePlaylist(3_799_323)))).toBe(DISCONTINUITY_HEADROOM + 1); // the loop wrapped
    expect(sequenceOf(rebaser.rewrite(livePlaylist(3_799_321)))).toBe(DISCONTINUITY_HEADROOM - 1); // a rendition a loop behind
    // everything else is left as it was
    expect(first.replace(/DISCONTINUITY-SEQUENCE:\d+/, '')).toBe(livePlaylist(3_799_322).replace(/DISCONTINUITY-SEQUENCE:\d+/, ''));
  });

  it('leaves small numbers, playlists without the tag and master playlists alone', () => {
    const rebaser = new DiscontinuityRebaser();
    expect(rebaser.rewrite(livePlaylist(12))).toBe(livePlaylist(12));
    expect(rebaser.rewrite(livePlaylist(40))).toBe(livePlaylist(40));
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=190128,RESOLUTION=320x180\n180p/live.m3u8\n';
    expect(new DiscontinuityRebaser().rewrite(master)).toBe(master);
  });

  it('rewrites what hls.js receives through its playlist loader, one numbering per player, and forwards the rest', () => {
    const calls: { context: LoaderContext; callbacks: LoaderCallbacks<LoaderContext> }[] = [];
    class FakeLoader implements Loader<LoaderContext> {
      context: LoaderContext | null = null;
      stats = { loaded: 0 } as LoaderStats;
      aborted = false;
      load(context: LoaderContext, _config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>): void {
        this.context = context;
        calls.push({ context, callbacks });
      }
      abort(): void {
        this.aborted = true;
      }
      destroy(): void {}
      getCacheAge = () => 3;
    }
    const received: unknown[] = [];
    const load = (Player: ReturnType<typeof rebasingPlaylistLoader>, sequence: number) => {
      const loader = new Player({} as HlsConfig);
      const context = { url: 'live.m3u8', type: 'level' } as PlaylistLoaderContext;
      loader.load(context, {} as LoaderConfiguration, {
        onSuccess: (response: LoaderResponse) => received.push(response.data),
        onError: () => undefined,
        onTimeout: () => undefined,
      });
      calls.at(-1)!.callbacks.onSuccess({ url: 'live.m3u8', data: livePlaylist(sequence) }, {} as LoaderStats, context, null);
      return loader;
    };
    const playerA = rebasingPlaylistLoader(FakeLoader);
    const playerB = rebasingPlaylistLoader(FakeLoader);
    load(playerA, 3_799_322);
    load(playerA, 3_799_324);
    const loader = load(playerB, 3_799_330);
    expect(received.map((data) => sequenceOf(data as string))).toEqual([1000, 1002, 1000]);
    expect(loader.getCacheAge?.()).toBe(3);
    expect(loader.context?.url).toBe('live.m3u8');
    loader.abort();
    expect(calls).toHaveLength(3);
  });
});
