import { z } from 'zod';
import { type LoopTimeline, type TimelineSegment, liveEdgeMs, liveWindow, segmentRange, sequenceAt } from './timeline';

/** Pure HLS text for looping cameras: master, live and archive (VOD) playlists. */

export const LIVE_WINDOW_SEGMENTS = 6;
export const MAX_ARCHIVE_MS = 24 * 60 * 60_000;
/** A range may end this far past the live edge (client clock skew); it is cut at the edge. */
export const ARCHIVE_FUTURE_TOLERANCE_MS = 5_000;

export interface Variant {
  name: string;
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
  codecs: string;
  frameRate: number;
}

export function masterPlaylist(variants: readonly Variant[], variantUri: (name: string) => string): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of variants) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},` +
        `RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}",FRAME-RATE=${v.frameRate.toFixed(3)}`,
      variantUri(v.name),
    );
  }
  return lines.join('\n') + '\n';
}

/** A segment as a playlist lists it. */
export interface PlaylistSegment {
  mediaSequence: number;
  /** Its discontinuity sequence number: a change from the segment before is an EXT-X-DISCONTINUITY. */
  discontinuity: number;
  clipSegment: number;
  startMs: number;
  durationMs: number;
}

/** A timeline segment of an uninterrupted feed: numbered by the timeline, a discontinuity per loop wrap. */
export function asListed(segment: TimelineSegment): PlaylistSegment {
  const { sequence, loop, clipSegment, startMs, durationMs } = segment;
  return { mediaSequence: sequence, discontinuity: loop, clipSegment, startMs, durationMs };
}

export interface MediaPlaylistInput {
  segments: readonly PlaylistSegment[];
  kind: 'live' | 'vod';
  initUri: string;
  segmentUri: (clipSegment: number) => string;
  /** VOD only: where playback should start, seconds into the first segment */
  startOffsetSec?: number;
}

/**
 * A media playlist. A wrap of the loop, or a feed coming back after an outage, restarts the media
 * timestamps, so it is marked EXT-X-DISCONTINUITY (with the init segment repeated); the
 * discontinuity sequence is that of the first listed segment, which never carries the tag itself.
 */
export function mediaPlaylist(input: MediaPlaylistInput): string {
  const { segments, kind } = input;
  const first = segments[0];
  if (!first) throw new Error('a media playlist needs at least one segment');
  const targetDuration = Math.max(1, ...segments.map((s) => Math.round(s.durationMs / 1000)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${first.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${first.discontinuity}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  if (kind === 'vod') lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  if (kind === 'vod' && input.startOffsetSec !== undefined && input.startOffsetSec > 0) {
    lines.push(`#EXT-X-START:TIME-OFFSET=${input.startOffsetSec.toFixed(3)},PRECISE=YES`);
  }
  const map = `#EXT-X-MAP:URI="${input.initUri}"`;
  lines.push(map);
  let previous = first.discontinuity;
  for (const segment of segments) {
    if (segment.discontinuity !== previous) lines.push('#EXT-X-DISCONTINUITY', map);
    previous = segment.discontinuity;
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.startMs).toISOString()}`,
      `#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`,
      input.segmentUri(segment.clipSegment),
    );
  }
  if (kind === 'vod') lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** The live window of a feed that never stopped (`feeds.ts` has the one of a feed that did). */
export function liveSegments(timeline: LoopTimeline, nowMs: number): PlaylistSegment[] {
  return liveWindow(timeline, nowMs, LIVE_WINDOW_SEGMENTS).map(asListed);
}

export interface ArchiveRange {
  startMs: number;
  endMs: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const isoDateTime = z.iso.datetime({ offset: true });

/** Validates `?start=<ISO>&end=<ISO>`; the message names the failing field. */
export function parseArchiveRange(query: { start?: unknown; end?: unknown }): Checked<ArchiveRange> {
  const start = isoDateTime.safeParse(query.start);
  if (!start.success) return { ok: false, message: 'start: must be an ISO-8601 date-time' };
  const end = isoDateTime.safeParse(query.end);
  if (!end.success) return { ok: false, message: 'end: must be an ISO-8601 date-time' };
  const range = { startMs: Date.parse(start.data), endMs: Date.parse(end.data) };
  if (range.endMs <= range.startMs) return { ok: false, message: 'end: must be after start' };
  if (range.endMs - range.startMs > MAX_ARCHIVE_MS) return { ok: false, message: 'end: range is longer than 24 h' };
  return { ok: true, value: range };
}

/**
 * The recorded segments covering `range`: from the one containing `start` to the one containing
 * the last instant before `end`, cut at the live edge of `nowMs`.
 */
export function archiveSegments(timeline: LoopTimeline, range: ArchiveRange, nowMs: number): Checked<TimelineSegment[]> {
  const edgeMs = liveEdgeMs(timeline, nowMs);
  if (range.startMs < timeline.anchorMs) return { ok: false, message: 'start: before the archive begins' };
  if (range.endMs > edgeMs + ARCHIVE_FUTURE_TOLERANCE_MS) return { ok: false, message: 'end: beyond the live edge' };
  if (range.startMs >= edgeMs) return { ok: false, message: 'start: not recorded yet' };
  const first = sequenceAt(timeline, range.startMs);
  const last = sequenceAt(timeline, Math.min(range.endMs, edgeMs) - 1);
  return { ok: true, value: segmentRange(timeline, first, last) };
}
