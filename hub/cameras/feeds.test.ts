import { describe, expect, it } from 'vitest';
import { CameraFeeds, feedWindow, NO_OUTAGES } from './feeds';
import { LIVE_WINDOW_SEGMENTS, liveSegments, mediaPlaylist } from './playlists';
import { readMediaPlaylist } from './readPlaylist';
import { type LoopTimeline, loopTimeline, segmentBySequence, sequenceAt } from './timeline';

const uris = { initUri: 'init.mp4', segmentUri: (i: number) => `${i}.m4s` };
/** A 24 s loop of 1 s segments. */
const timeline = loopTimeline(Array.from({ length: 24 }, () => 1), 'cam-feed');
const CAMERA = 'cam-feed';
/** 10.3 s into a loop: windows around it hold no loop wrap, so every tag seen is the outage's. */
const NOW = segmentBySequence(timeline, 24 * Math.floor(sequenceAt(timeline, Date.parse('2026-03-14T09:26:53.589Z')) / 24)).startMs + 10_300;

type Listed = ReturnType<typeof readMediaPlaylist>;

/**
 * A player reloading one camera's live playlist: every segment (known by its date) must keep its
 * media sequence and discontinuity numbers from one reload to the next, numbers must grow with the
 * date, and the media sequence may never go back.
 */
class Player {
  private readonly seen = new Map<number, { sequence: number; cc: number }>();
  private lastMediaSequence = -Infinity;

  constructor(private readonly feeds: CameraFeeds, private readonly camera = CAMERA, private readonly line: LoopTimeline = timeline) {}

  reload(atMs: number): Listed {
    const playlist = readMediaPlaylist(mediaPlaylist({ segments: this.feeds.liveWindow(this.camera, this.line, atMs), kind: 'live', ...uris }));
    const first = playlist.segments[0]!;
    expect(first.sequence, `media sequence at ${atMs - NOW} ms`).toBeGreaterThanOrEqual(this.lastMediaSequence);
    this.lastMediaSequence = first.sequence;
    for (const [i, segment] of playlist.segments.entries()) {
      const known = this.seen.get(segment.pdtMs);
      if (known) expect({ sequence: segment.sequence, cc: segment.cc }, `segment dated ${segment.pdtMs - NOW} ms`).toEqual(known);
      this.seen.set(segment.pdtMs, { sequence: segment.sequence, cc: segment.cc });
      const previous = playlist.segments[i - 1];
      if (previous) {
        expect(segment.pdtMs).toBeGreaterThan(previous.pdtMs);
        expect(segment.cc - previous.cc).toBe(segment.pdtMs === previous.pdtMs + previous.durationMs && segment.uri !== '0.m4s' ? 0 : 1);
      }
    }
    return playlist;
  }
}

const lastEnd = (playlist: Listed) => {
  const last = playlist.segments.at(-1)!;
  return last.pdtMs + last.durationMs;
};

describe('a camera feed that stops and comes back', () => {
  it('lists exactly what an uninterrupted feed lists while the camera never went offline', () => {
    const feeds = new CameraFeeds();
    for (let t = NOW; t < NOW + 30_000; t += 777) expect(feeds.liveWindow(CAMERA, timeline, t)).toEqual(liveSegments(timeline, t));
  });

  it('freezes the live window while offline: the same playlist on every reload, ending where the feed stopped', () => {
    const feeds = new CameraFeeds();
    const player = new Player(feeds);
    const before = player.reload(NOW);
    expect(feeds.observe(CAMERA, 'offline', NOW + 400)).toBe(true);
    const frozen = player.reload(NOW + 400);
    for (let t = NOW + 1000; t < NOW + 40_000; t += 1000) expect(player.reload(t)).toEqual(frozen);
    expect(frozen.segments).toHaveLength(LIVE_WINDOW_SEGMENTS);
    expect(lastEnd(frozen)).toBeLessThanOrEqual(NOW + 400);
    expect(frozen.segments[0]!.sequence).toBeGreaterThanOrEqual(before.segments[0]!.sequence);
    expect(feeds.isLive(CAMERA)).toBe(false);
    expect(feeds.stoppedAt(CAMERA)).toBe(NOW + 400);
  });

  it('comes back at the live edge after one EXT-X-DISCONTINUITY, numbered on from the frozen window', () => {
    const feeds = new CameraFeeds();
    const player = new Player(feeds);
    feeds.observe(CAMERA, 'offline', NOW);
    const frozen = player.reload(NOW + 5000);
    const lastFrozen = frozen.segments.at(-1)!;
    const resumeAt = NOW + 48_000; // two loops on: no wrap among the first new segments either
    feeds.observe(CAMERA, 'online', resumeAt);
    const back = player.reload(resumeAt + 1500);
    // the frozen segments still lead, then one tag, then the new ones up to the live edge
    const kept = back.segments.filter((s) => s.pdtMs <= lastFrozen.pdtMs);
    expect(kept.length).toBeGreaterThanOrEqual(LIVE_WINDOW_SEGMENTS - 2);
    expect(kept).toEqual(frozen.segments.slice(-kept.length));
    expect(back.discontinuities).toBe(1);
    expect(back.maps).toBe(2);
    const firstNew = back.segments[kept.length]!;
    expect(firstNew.sequence).toBe(lastFrozen.sequence + 1);
    expect(firstNew.cc).toBe(lastFrozen.cc + 1);
    expect(firstNew.pdtMs).toBeGreaterThan(resumeAt - 1000);
    expect(resumeAt + 1500 - lastEnd(back)).toBeLessThan(1000);
    // as the window slides on, the tag leaves with the last frozen segment and the sequence counts it
    let playlist = back;
    for (let t = resumeAt + 2000; t < resumeAt + 40_000; t += 250) playlist = player.reload(t);
    expect(playlist.discontinuities).toBeLessThanOrEqual(1); // a loop wrap at most
    expect(feeds.isLive(CAMERA)).toBe(true);
  });

  it('tags a gap spanning loop wraps once, and numbers later wraps on from it', () => {
    const feeds = new CameraFeeds();
    const player = new Player(feeds);
    feeds.observe(CAMERA, 'offline', NOW);
    player.reload(NOW + 1000);
    feeds.observe(CAMERA, 'online', NOW + 50_500); // 50 s: two wraps of the 24 s loop
    for (let t = NOW + 51_000; t < NOW + 120_000; t += 500) {
      const playlist = player.reload(t);
      expect(playlist.discontinuities).toBeLessThanOrEqual(1);
    }
  });

  it('tags each of two outages within one window', () => {
    const feeds = new CameraFeeds();
    const player = new Player(feeds);
    feeds.observe(CAMERA, 'offline', NOW);
    feeds.observe(CAMERA, 'online', NOW + 10_000);
    feeds.observe(CAMERA, 'offline', NOW + 12_100);
    feeds.observe(CAMERA, 'online', NOW + 20_000);
    const playlist = player.reload(NOW + 22_100);
    const gaps = playlist.segments.filter((s, i) => i > 0 && s.pdtMs !== playlist.segments[i - 1]!.pdtMs + playlist.segments[i - 1]!.durationMs);
    expect(gaps).toHaveLength(2);
    expect(playlist.discontinuities).toBeGreaterThanOrEqual(2);
    for (let t = NOW + 22_200; t < NOW + 40_000; t += 300) player.reload(t);
  });

  it('loses nothing and tags nothing for an outage shorter than the segment under way', () => {
    const feeds = new CameraFeeds();
    const player = new Player(feeds);
    const segmentStart = segmentBySequence(timeline, sequenceAt(timeline, NOW)).startMs;
    feeds.observe(CAMERA, 'offline', segmentStart + 100);
    player.reload(segmentStart + 500);
    feeds.observe(CAMERA, 'online', segmentStart + 900);
    for (let t = segmentStart + 1000; t < segmentStart + 3000; t += 100) {
      const playlist = player.reload(t);
      expect(playlist.segments.map((s) => s.sequence)).toEqual(liveSegments(timeline, t).map((s) => s.mediaSequence));
    }
  });

  it('ignores a status the camera already has', () => {
    const feeds = new CameraFeeds();
    expect(feeds.observe(CAMERA, 'online', NOW)).toBe(false);
    expect(feeds.observe(CAMERA, 'offline', NOW)).toBe(true);
    expect(feeds.observe(CAMERA, 'offline', NOW + 5000)).toBe(false);
    expect(feeds.stoppedAt(CAMERA)).toBe(NOW);
  });
});

describe('feed history', () => {
  /** Flaps a camera every 30 s (down 12 s) for an hour, as the simulator and test controls may. */
  const flap = (feeds: CameraFeeds, until: number, onEach?: (t: number) => void) => {
    for (let t = NOW; t < until; t += 30_000) {
      feeds.observe(CAMERA, 'offline', t);
      feeds.observe(CAMERA, 'online', t + 12_000);
      onEach?.(t + 12_000);
    }
  };

  it('stays a few numbers per camera, whether or not anyone watches it, and numbers the same either way', () => {
    const unwatched = new CameraFeeds();
    unwatched.useTimelines(() => timeline);
    flap(unwatched, NOW + 3_600_000);
    expect(unwatched.outagesOf(CAMERA).length).toBeLessThanOrEqual(2);

    const watched = new CameraFeeds();
    const player = new Player(watched);
    flap(watched, NOW + 3_600_000, (t) => {
      player.reload(t + 500);
      player.reload(t + 8000);
    });
    expect(watched.outagesOf(CAMERA).length).toBeLessThanOrEqual(2);

    // a node that never folded (no timelines, never asked) agrees with both
    const remembering = new CameraFeeds();
    flap(remembering, NOW + 3_600_000);
    expect(remembering.outagesOf(CAMERA)).toHaveLength(120);
    const at = NOW + 3_600_000 + 5000;
    const unfolded = feedWindow(timeline, { foldedLost: 0, foldedDiscontinuities: 0, outages: [...remembering.outagesOf(CAMERA)] }, at);
    expect(watched.liveWindow(CAMERA, timeline, at)).toEqual(unfolded);
    expect(unwatched.liveWindow(CAMERA, timeline, at)).toEqual(unfolded);
    // 120 outages of 12 s, each a gap: the media sequence is 12 × 120 behind the timeline's, give or take a segment each
    const behind = segmentsBehind(unfolded[0]!);
    expect(behind).toBeGreaterThan(120 * 11);
    expect(behind).toBeLessThan(120 * 13);
  });

  it('follows camera.status events of the event feed at their timestamps', () => {
    const feeds = new CameraFeeds();
    const ts = (ms: number) => new Date(ms).toISOString();
    feeds.onEvents([
      { seq: 1, ts: ts(NOW), type: 'camera.status', cameraId: CAMERA, status: 'offline' },
      { seq: 2, ts: ts(NOW), type: 'camera.status', cameraId: 'cam-other', status: 'online' },
    ]);
    expect(feeds.stoppedAt(CAMERA)).toBe(NOW);
    expect(feeds.isLive('cam-other')).toBe(true);
    feeds.onEvents([{ seq: 3, ts: ts(NOW + 9000), type: 'camera.status', cameraId: CAMERA, status: 'online' }]);
    expect(feeds.isLive(CAMERA)).toBe(true);
    expect(feedWindow(timeline, NO_OUTAGES, NOW)).toEqual(liveSegments(timeline, NOW));
  });
});

/** How far a listed segment's media sequence is behind its timeline sequence. */
function segmentsBehind(segment: { mediaSequence: number; startMs: number }): number {
  return sequenceAt(timeline, segment.startMs) - segment.mediaSequence;
}
