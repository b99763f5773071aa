import { describe, expect, it } from 'vitest';
import {
  LIVE_WINDOW_SEGMENTS,
  archiveSegments,
  asListed,
  liveSegments,
  masterPlaylist,
  mediaPlaylist,
  parseArchiveRange,
} from './playlists';
import { readMediaPlaylist } from './readPlaylist';
import { type LoopTimeline, loopTimeline, segmentBySequence, sequenceAt } from './timeline';

const uris = { initUri: 'init.mp4', segmentUri: (i: number) => `${i}.m4s` };
const live = (timeline: LoopTimeline, nowMs: number) =>
  readMediaPlaylist(mediaPlaylist({ segments: liveSegments(timeline, nowMs), kind: 'live', ...uris }));

const evenSeconds = Array.from({ length: 24 }, () => 1);
// uneven durations make "start = anchor + cumulative durations" a real check
const uneven = [1, 1.04, 0.96, 1.5, 0.5, 1];
const NOW = Date.parse('2026-03-14T09:26:53.589Z');

describe('live playlist', () => {
  it('advances its media sequence by one per segment duration of wall time', () => {
    const timeline = loopTimeline(evenSeconds, 'cam-1');
    const first = live(timeline, NOW).segments[0]!.sequence;
    for (let k = 1; k <= 30; k++) {
      expect(live(timeline, NOW + k * 1000).segments[0]!.sequence).toBe(first + k);
    }
  });

  it('holds a window of the newest complete segments, the last ending within a segment of now', () => {
    const timeline = loopTimeline(uneven, 'cam-2');
    for (let t = NOW; t < NOW + 20_000; t += 337) {
      const { segments, targetDuration } = live(timeline, t);
      expect(segments).toHaveLength(LIVE_WINDOW_SEGMENTS);
      const last = segments.at(-1)!;
      const lastEnd = last.pdtMs + last.durationMs;
      expect(lastEnd).toBeLessThanOrEqual(t);
      expect(t - lastEnd).toBeLessThan(1500);
      expect(targetDuration).toBe(2); // 1.5 s rounds to 2
    }
  });

  it('dates every segment at the end of the one before it, across loop wraps too', () => {
    const timeline = loopTimeline(uneven, 'cam-3');
    const { segments } = readMediaPlaylist(
      mediaPlaylist({ segments: liveWindow20(timeline), kind: 'live', ...uris }),
    );
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]!.pdtMs).toBe(segments[i - 1]!.pdtMs + segments[i - 1]!.durationMs);
    }
    const loopMs = 6000;
    for (const s of segments) {
      const cumulative = uneven.slice(0, s.sequence % uneven.length).reduce((a, b) => a + b * 1000, 0);
      expect(s.pdtMs).toBe(timeline.anchorMs + Math.floor(s.sequence / uneven.length) * loopMs + cumulative);
      expect(s.uri).toBe(`${s.sequence % uneven.length}.m4s`);
    }
  });

  it('marks each wrap of the loop as a discontinuity, counted consistently as the window slides', () => {
    const timeline = loopTimeline(evenSeconds, 'cam-4');
    const wrapMs = segmentBySequence(timeline, 24 * 1000).startMs; // start of loop 1000
    const ccBySequence = new Map<number, number>();
    for (let t = wrapMs - 2000; t <= wrapMs + 9000; t += 250) {
      const playlist = live(timeline, t);
      const straddles = playlist.segments[0]!.sequence < 24_000 && playlist.segments.at(-1)!.sequence >= 24_000;
      expect(playlist.discontinuities).toBe(straddles ? 1 : 0);
      expect(playlist.maps).toBe(straddles ? 2 : 1);
      for (const s of playlist.segments) {
        expect(s.cc).toBe(s.sequence >= 24_000 ? 1000 : 999);
        expect(ccBySequence.get(s.sequence) ?? s.cc).toBe(s.cc);
        ccBySequence.set(s.sequence, s.cc);
      }
    }
  });
});

function liveWindow20(timeline: LoopTimeline) {
  const last = sequenceAt(timeline, NOW) - 1;
  return Array.from({ length: 20 }, (_, i) => asListed(segmentBySequence(timeline, last - 19 + i)));
}

describe('camera timelines', () => {
  it('agree for the same camera and differ between cameras', () => {
    expect(loopTimeline(evenSeconds, 'cam-a').anchorMs).toBe(loopTimeline(evenSeconds, 'cam-a').anchorMs);
    const anchors = new Set(['cam-a', 'cam-b', 'cam-c', 'cam-d'].map((id) => loopTimeline(evenSeconds, id).anchorMs));
    expect(anchors.size).toBeGreaterThan(1);
  });
});

describe('archive playlist', () => {
  const timeline = loopTimeline(uneven, 'cam-5');
  const archive = (start: string, end: string, nowMs = NOW) => {
    const range = parseArchiveRange({ start, end });
    if (!range.ok) return range;
    const segments = archiveSegments(timeline, range.value, nowMs);
    if (!segments.ok) return segments;
    const startOffsetSec = (range.value.startMs - segments.value[0]!.startMs) / 1000;
    return { ok: true as const, playlist: readMediaPlaylist(mediaPlaylist({ segments: segments.value.map(asListed), kind: 'vod', startOffsetSec, ...uris })) };
  };

  it('starts with the segment containing start and covers the range', () => {
    const startMs = NOW - 10 * 60_000 + 123;
    const endMs = startMs + 60_000;
    const result = archive(new Date(startMs).toISOString(), new Date(endMs).toISOString());
    if (!result.ok) throw new Error(result.message);
    const { segments, ended, vod, discontinuities, startOffset } = result.playlist;
    expect(ended && vod).toBe(true);
    const first = segments[0]!;
    expect(first.pdtMs).toBeLessThanOrEqual(startMs);
    expect(first.pdtMs + first.durationMs).toBeGreaterThan(startMs);
    const last = segments.at(-1)!;
    expect(last.pdtMs).toBeLessThan(endMs);
    expect(last.pdtMs + last.durationMs).toBeGreaterThanOrEqual(endMs);
    const total = segments.reduce((sum, s) => sum + s.durationMs, 0);
    expect(Math.abs(total - 60_000)).toBeLessThanOrEqual(3000);
    expect(discontinuities).toBeGreaterThanOrEqual(9); // a 6 s loop wraps about ten times a minute
    expect(startOffset).toBe(`TIME-OFFSET=${((startMs - first.pdtMs) / 1000).toFixed(3)},PRECISE=YES`);
  });

  it('accepts a range ending a little past the live edge and cuts it there', () => {
    const result = archive(new Date(NOW - 30_000).toISOString(), new Date(NOW + 2000).toISOString());
    if (!result.ok) throw new Error(result.message);
    const last = result.playlist.segments.at(-1)!;
    expect(last.pdtMs + last.durationMs).toBeLessThanOrEqual(NOW);
  });

  it.each([
    ['end before start', '2026-03-14T09:00:00Z', '2026-03-14T08:59:00Z', 'end: must be after start'],
    ['empty range', '2026-03-14T09:00:00Z', '2026-03-14T09:00:00Z', 'end: must be after start'],
    ['over 24 h', '2026-03-12T09:00:00Z', '2026-03-13T09:00:01Z', 'end: range is longer than 24 h'],
    ['in the future', '2026-03-14T09:27:00Z', '2026-03-14T09:40:00Z', 'end: beyond the live edge'],
    ['not a date', 'yesterday', '2026-03-14T09:00:00Z', 'start: must be an ISO-8601 date-time'],
    ['missing end', '2026-03-14T09:00:00Z', undefined, 'end: must be an ISO-8601 date-time'],
    ['before the epoch', '2020-01-01T00:00:00Z', '2020-01-01T01:00:00Z', 'start: before the archive begins'],
  ])('rejects %s', (_name, start, end, message) => {
    expect(archive(start, end as string)).toEqual({ ok: false, message });
  });
});

describe('master playlist', () => {
  it('lists one variant per rendition with what a player needs to choose', () => {
    const text = masterPlaylist(
      [
        { name: '720p', bandwidth: 1_700_000, averageBandwidth: 1_500_000, width: 1280, height: 720, codecs: 'avc1.64001f', frameRate: 25 },
        { name: '360p', bandwidth: 480_000, averageBandwidth: 400_000, width: 640, height: 360, codecs: 'avc1.64001e', frameRate: 25 },
      ],
      (name) => `${name}/live.m3u8`,
    );
    expect(text).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=1700000,AVERAGE-BANDWIDTH=1500000,RESOLUTION=1280x720,CODECS="avc1.64001f",FRAME-RATE=25.000\n720p/live.m3u8',
    );
    expect(text.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);
    expect(text).toContain('360p/live.m3u8');
  });
});
