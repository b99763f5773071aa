import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeVideo, fakeHlsFactory } from './fakeHls';
import { DEFAULT_RECOVERY_PRESSURE, isUnderPressure, reloadWaitMs } from './recoveryPolicy';
import { TileManager } from './tileManager';

const source = (n: number) => ({ cameraId: `cam-${n}`, url: `http://hub/hls/cameras/cam-${n}/master.m3u8` });

/** A view of `count` tiles, every player started and playing live. */
function playingWall(count: number) {
  const factory = fakeHlsFactory();
  const manager = new TileManager({ createHls: factory.create });
  const videos = Array.from({ length: count }, () => new FakeVideo());
  videos.forEach((video, i) => manager.attach(`t${i}`, video, source(i)));
  vi.advanceTimersByTime(Math.ceil(count / 2) * 200);
  factory.made.forEach((hls) => hls.parseManifest());
  tick(6000, videos);
  videos.forEach((_, i) => expect(manager.getHealth(`t${i}`).state).toBe('live'));
  return { manager, made: factory.made, videos };
}

/** Health-check steps of one second, each advancing the listed videos by one second of playback. */
function tick(ms: number, advancing: FakeVideo[]) {
  for (let t = 0; t < ms; t += 1000) {
    advancing.forEach((video) => (video.currentTime += 1));
    vi.advanceTimersByTime(1000);
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('load-aware recovery', () => {
  it('treats more than a quarter of the view (or more than four tiles) stalled at once as pressure, never a single tile', () => {
    const options = DEFAULT_RECOVERY_PRESSURE;
    expect(isUnderPressure(1, 1, options)).toBe(false);
    expect(isUnderPressure(1, 36, options)).toBe(false);
    expect(isUnderPressure(4, 16, options)).toBe(false);
    expect(isUnderPressure(5, 16, options)).toBe(true);
    expect(isUnderPressure(5, 64, options)).toBe(true);
    expect(isUnderPressure(2, 4, options)).toBe(true);
    expect(reloadWaitMs(4000, 3, false, options)).toBe(4000);
    expect(reloadWaitMs(4000, 5, true, options)).toBe(20_000);
    expect(reloadWaitMs(4000, 30, true, options)).toBe(options.maxWaitMs);
  });

  it('when 30 of 36 tiles stall at once: tries the same players first, rebuilds at most one per interval after a widened wait, and leaves advancing tiles alone', () => {
    const { manager, made, videos } = playingWall(36);
    const firstPlayers = [...made];
    const startLoadsBefore = firstPlayers.map((hls) => hls.startLoads);
    const healthy = videos.slice(30);
    const lurching = videos.slice(25, 30);

    tick(3000, healthy); // the network chokes for 30 tiles
    for (let i = 0; i < 30; i++) expect(manager.getHealth(`t${i}`).state).toBe('stalled');
    tick(7000, healthy);
    expect(made).toHaveLength(36); // no rebuilds yet…
    for (let i = 0; i < 30; i++) expect(firstPlayers[i]!.startLoads).toBeGreaterThan(startLoadsBefore[i]!); // …but each restarted in place

    // five of the stalled tiles lurch forward again, a second every other check
    const rebuildAt: number[] = [];
    for (let second = 10; second < 75; second++) {
      const moving = second % 2 === 0 ? [...healthy, ...lurching] : healthy;
      const playersBefore = made.length;
      tick(1000, moving);
      expect(made.length - playersBefore).toBeLessThanOrEqual(1);
      if (made.length > playersBefore) rebuildAt.push(second);
    }
    expect(rebuildAt[0]).toBeGreaterThanOrEqual(45); // the wait widened from 4 s to the 45 s cap
    expect(rebuildAt.length).toBeGreaterThanOrEqual(5); // …yet recovery goes on, one at a time
    rebuildAt.slice(1).forEach((at, i) => expect(at - rebuildAt[i]!).toBeGreaterThanOrEqual(2));
    for (let i = 25; i < 36; i++) expect(firstPlayers[i]!.destroyed).toBe(false);
    for (let i = 25; i < 30; i++) expect(manager.getHealth(`t${i}`).state).toBe('stalled'); // lurching is not live
    for (let i = 30; i < 36; i++) expect(manager.getHealth(`t${i}`).state).toBe('live');
    expect(manager.stats().recovering).toBe(30);
    manager.dispose();
  });

  it('a single stalled tile among 16 shows stalled, is rebuilt after 4 s and shows live by itself once its feed resumes', () => {
    const { manager, made, videos } = playingWall(16);
    const others = videos.slice(1);
    tick(3000, others);
    expect(manager.getHealth('t0').state).toBe('stalled');
    expect(made).toHaveLength(16);
    tick(4000, others);
    expect(made[0]!.destroyed).toBe(true);
    expect(made).toHaveLength(17);

    made[16]!.parseManifest(); // the feed is back
    tick(4000, videos);
    expect(manager.getHealth('t0').state).toBe('stalled'); // 5 s of steady play first
    tick(2000, videos);
    expect(manager.getHealth('t0').state).toBe('live');
    expect(made).toHaveLength(17);
    for (let i = 1; i < 16; i++) expect(manager.getHealth(`t${i}`).state).toBe('live');
    manager.dispose();
  });
});
