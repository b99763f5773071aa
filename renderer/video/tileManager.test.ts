import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeVideo, fakeHlsFactory } from './fakeHls';
import { chooseLevelForTile } from './levelCap';
import { TileManager, type TileManagerOptions } from './tileManager';

const source = (n: number) => ({ cameraId: `cam-${n}`, url: `http://hub/hls/cameras/cam-${n}/master.m3u8` });

function setup(options: Partial<TileManagerOptions> = {}) {
  const factory = fakeHlsFactory();
  const visibility = new Map<FakeVideo, (visible: boolean) => void>();
  const manager = new TileManager({
    createHls: factory.create,
    observeVisibility: (video, onChange) => {
      visibility.set(video as FakeVideo, onChange);
      return () => visibility.delete(video as FakeVideo);
    },
    ...options,
  });
  return { manager, made: factory.made, setVisible: (video: FakeVideo, visible: boolean) => visibility.get(video)?.(visible) };
}

/** Lets the clock run in health-check steps, advancing each listed video's playback by as much. */
function play(ms: number, videos: FakeVideo[]) {
  for (let t = 0; t < ms; t += 1000) {
    videos.forEach((video) => (video.currentTime += 1));
    vi.advanceTimersByTime(1000);
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TileManager', () => {
  it('starts at most two players per 200 ms, however many tiles appear at once', () => {
    const { manager, made } = setup();
    for (let i = 0; i < 16; i++) manager.attach(`t${i}`, new FakeVideo(), source(i));
    expect(made).toHaveLength(2);
    vi.advanceTimersByTime(199);
    expect(made).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(4);
    vi.advanceTimersByTime(7 * 200);
    expect(made).toHaveLength(16);
    expect(made.map((hls) => hls.source)).toEqual(Array.from({ length: 16 }, (_, i) => source(i).url));
    expect(made[0]!.config).toMatchObject({ maxBufferLength: 5, backBufferLength: 1, lowLatencyMode: false, liveSyncDurationCount: 3 });
    manager.dispose();
  });

  it('caps each tile to the rendition its pixels need, and an enlarged tile lifts the cap', () => {
    const { manager, made } = setup({ devicePixelRatio: () => 1 });
    const small = new FakeVideo(320, 180);
    const medium = new FakeVideo(480, 270);
    manager.attach('small', small, source(1));
    manager.attach('medium', medium, source(2));
    made.forEach((hls) => hls.parseManifest());
    expect(made[0]!.autoLevelCapping).toBe(0); // 180p
    expect(made[0]!.startLevel).toBe(0);
    expect(made[1]!.autoLevelCapping).toBe(1); // 360p
    expect(made.every((hls) => hls.loading)).toBe(true);

    small.clientWidth = 1280;
    small.clientHeight = 720;
    manager.setEnlarged('small', true);
    expect(made[0]!.autoLevelCapping).toBe(-1);
    expect(made[0]!.nextAutoLevel).toBe(2); // switch to 720p at the next fragment
    small.clientWidth = 320;
    small.clientHeight = 180;
    manager.setEnlarged('small', false);
    expect(made[0]!.autoLevelCapping).toBe(0);
    manager.dispose();
  });

  it('picks renditions by the letterboxed picture, in device pixels', () => {
    expect(chooseLevelForTile([], 100, 100)).toBe(-1);
    const ladder = [
      { width: 1280, height: 720 },
      { width: 640, height: 360 },
      { width: 320, height: 180 },
    ];
    expect(chooseLevelForTile(ladder, 320, 180)).toBe(2);
    expect(chooseLevelForTile(ladder, 640, 180)).toBe(2); // a wide tile shows a 320×180 picture
    expect(chooseLevelForTile(ladder, 320 * 2, 180 * 2)).toBe(1); // dpr 2
    expect(chooseLevelForTile(ladder, 3840, 2160)).toBe(0); // nothing big enough: the largest
  });

  it('pauses a tile that leaves the screen, frees its player after the grace period, and restarts it when back', () => {
    const { manager, made, setVisible } = setup({ freeHiddenAfterMs: 10_000 });
    const video = new FakeVideo();
    manager.attach('t', video, source(1));
    made[0]!.parseManifest();
    play(2000, [video]);
    expect(video.paused).toBe(false);

    setVisible(video, false);
    expect(video.paused).toBe(true);
    expect(made[0]!.loading).toBe(false);
    expect(made[0]!.destroyed).toBe(false);
    setVisible(video, true); // back within the grace period: the same player carries on
    expect(made[0]!.loading).toBe(true);
    expect(made).toHaveLength(1);

    setVisible(video, false);
    vi.advanceTimersByTime(10_000);
    expect(made[0]!.destroyed).toBe(true);
    expect(video.loads).toBeGreaterThan(0); // the MSE source is released
    expect(manager.stats().players).toBe(0);

    setVisible(video, true);
    vi.advanceTimersByTime(200);
    expect(made).toHaveLength(2);
    expect(made[1]!.source).toBe(source(1).url);
    manager.dispose();
  });

  it('does not start hidden tiles at all while the page is hidden', () => {
    let hidden = true;
    let notify = () => {};
    const { manager, made } = setup({ page: { isHidden: () => hidden, onChange: (listener) => ((notify = listener), () => {}) } });
    manager.attach('t', new FakeVideo(), source(1));
    vi.advanceTimersByTime(1000);
    expect(made).toHaveLength(0);
    hidden = false;
    notify();
    expect(made).toHaveLength(1);
    manager.dispose();
  });

  it('reports live with seconds behind, then stalled when time stops, reloads with growing intervals and backs off after errors', () => {
    const { manager, made } = setup({ stallAfterMs: 3000, reloadStalledAfterMs: 4000, backoff: { initialMs: 1000, maxMs: 8000 } });
    const video = new FakeVideo();
    const updates: string[] = [];
    manager.subscribe('t', () => updates.push(manager.getHealth('t').state));
    manager.attach('t', video, source(1));
    made[0]!.parseManifest();
    made[0]!.latency = 3.2;
    play(3000, [video]);
    expect(manager.getHealth('t')).toEqual({ state: 'live', secondsBehindLive: 3 });

    // the stream stops: the clock stands still
    vi.advanceTimersByTime(3000);
    expect(manager.getHealth('t').state).toBe('stalled');
    expect(made[0]!.destroyed).toBe(false);
    vi.advanceTimersByTime(4000);
    expect(made[0]!.destroyed).toBe(true); // reloaded after 4 s stalled, at once…
    expect(made).toHaveLength(2);
    expect(manager.getHealth('t').state).toBe('stalled'); // …and still says so
    made[1]!.parseManifest();
    vi.advanceTimersByTime(7000);
    expect(made).toHaveLength(2); // the next reload waits twice as long
    vi.advanceTimersByTime(1000);
    expect(made).toHaveLength(3);

    // the new player fails outright: no player for a backoff that doubles with each retry (2 so far)
    made[2]!.fail({ type: 'networkError', details: 'levelLoadError', fatal: true });
    expect(manager.getHealth('t').state).toBe('offline');
    vi.advanceTimersByTime(3999);
    expect(made).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(4);

    // segments flow again
    made[3]!.parseManifest();
    made[3]!.latency = 2.6;
    play(2000, [video]);
    expect(manager.getHealth('t')).toEqual({ state: 'live', secondsBehindLive: 3 });
    expect(updates).toEqual(['live', 'stalled', 'offline', 'live']);
    manager.dispose();
  });

  it('reloads a tile that plays far behind the live edge, so it rejoins the edge', () => {
    const { manager, made } = setup({ maxSecondsBehindLive: 20 });
    const video = new FakeVideo();
    manager.attach('t', video, source(1));
    made[0]!.parseManifest();
    made[0]!.latency = 4;
    play(2000, [video]);
    expect(made).toHaveLength(1);
    made[0]!.latency = 26; // the feed jumped ahead after a gap
    play(1000, [video]);
    expect(made[0]!.destroyed).toBe(true);
    expect(made).toHaveLength(2);
    manager.dispose();
  });

  it('marks a tile stalled at once on hls.js bufferStalledError, and recovers a media error in place once', () => {
    const { manager, made } = setup();
    const video = new FakeVideo();
    manager.attach('t', video, source(1));
    made[0]!.parseManifest();
    play(2000, [video]);
    made[0]!.fail({ type: 'mediaError', details: 'bufferStalledError', fatal: false });
    expect(manager.getHealth('t').state).toBe('stalled');
    play(3000, [video]); // a few seconds of progress (a reloaded frozen feed gives as much) do not end a stall
    expect(manager.getHealth('t').state).toBe('stalled');
    play(3000, [video]);
    expect(manager.getHealth('t').state).toBe('live');

    made[0]!.fail({ type: 'mediaError', details: 'bufferAppendError', fatal: true });
    expect(made[0]!.mediaRecoveries).toBe(1);
    expect(made[0]!.destroyed).toBe(false);
    made[0]!.fail({ type: 'mediaError', details: 'bufferAppendError', fatal: true }); // again at once: reload
    expect(made[0]!.destroyed).toBe(true);
    manager.dispose();
  });

  it('holds no player for a camera the wall state says is offline, and starts it when it is back', () => {
    const { manager, made } = setup();
    manager.attach('t', new FakeVideo(), source(7));
    made[0]!.parseManifest();
    manager.setCameraOffline('cam-7', true);
    expect(made[0]!.destroyed).toBe(true);
    expect(manager.getHealth('t')).toEqual({ state: 'offline', secondsBehindLive: null });
    manager.setCameraOffline('cam-7', false);
    vi.advanceTimersByTime(200);
    expect(made).toHaveLength(2);
    expect(manager.getHealth('t').state).toBe('loading');
    manager.dispose();
  });

  it('swaps a tile’s camera by dropping the old player and starting the new source', () => {
    const { manager, made } = setup();
    manager.attach('t', new FakeVideo(), source(1));
    manager.setSource('t', source(2));
    expect(made[0]!.destroyed).toBe(true);
    vi.advanceTimersByTime(200);
    expect(made[1]!.source).toBe(source(2).url);
    manager.detach('t');
    expect(made[1]!.destroyed).toBe(true);
    expect(manager.stats()).toMatchObject({ tiles: 0, players: 0 });
  });

  it('gives every player the bounded settings (with a tuning’s overrides) and reports how far behind live each plays', () => {
    const { manager, made } = setup({ hlsConfig: { maxBufferLength: 2 } });
    const video = new FakeVideo();
    manager.attach('t', video, source(1));
    expect(made[0]!.config).toMatchObject({ maxBufferLength: 2, backBufferLength: 1, enableWorker: false });
    made[0]!.parseManifest();
    made[0]!.latency = 3.4;
    play(2000, [video]);
    expect(manager.stats()).toMatchObject({ players: 1, secondsBehindLive: { t: 3.4 } });
    expect(manager.getHealth('t')).toEqual({ state: 'live', secondsBehindLive: 3 });
    manager.dispose();
  });

  it('notifies a tile only when its state or whole seconds behind live change', () => {
    const { manager, made } = setup();
    const video = new FakeVideo();
    let notified = 0;
    manager.subscribe('t', () => (notified += 1));
    manager.attach('t', video, source(1));
    made[0]!.parseManifest();
    made[0]!.latency = 3.1;
    play(5000, [video]);
    made[0]!.latency = 3.4; // same bucket
    play(5000, [video]);
    expect(notified).toBe(1);
    made[0]!.latency = 5;
    play(1000, [video]);
    expect(notified).toBe(2);
    manager.dispose();
  });
});
