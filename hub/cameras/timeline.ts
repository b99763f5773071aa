/**
 * The endless timeline of a looping camera: its clip repeated back to back from a fixed epoch,
 * so every hub process computes the same segment for the same instant. Each camera is shifted
 * by a hash of its id so cameras showing the same clip are not in lockstep.
 *
 * Segments are numbered absolutely (the HLS media sequence): segment `n` is clip segment
 * `n mod segmentsPerLoop` of loop `floor(n / segmentsPerLoop)`. Times are integer milliseconds.
 */

export const TIMELINE_EPOCH_MS = Date.UTC(2024, 0, 1);

export interface LoopTimeline {
  /** wall time at which loop 0, segment 0 starts */
  anchorMs: number;
  segmentMs: readonly number[];
  /** start of each clip segment within the loop */
  offsetsMs: readonly number[];
  loopMs: number;
}

export interface TimelineSegment {
  sequence: number;
  /** loops completed before this one; also its discontinuity sequence number */
  loop: number;
  clipSegment: number;
  startMs: number;
  durationMs: number;
}

export function loopTimeline(segmentDurationsSec: readonly number[], cameraId: string, epochMs = TIMELINE_EPOCH_MS): LoopTimeline {
  if (segmentDurationsSec.length === 0) throw new Error('a loop needs at least one segment');
  const segmentMs = segmentDurationsSec.map((seconds) => Math.max(1, Math.round(seconds * 1000)));
  const offsetsMs: number[] = [];
  let loopMs = 0;
  for (const ms of segmentMs) {
    offsetsMs.push(loopMs);
    loopMs += ms;
  }
  return { anchorMs: epochMs + (hashId(cameraId) % loopMs), segmentMs, offsetsMs, loopMs };
}

export function segmentBySequence(timeline: LoopTimeline, sequence: number): TimelineSegment {
  const perLoop = timeline.segmentMs.length;
  const loop = Math.floor(sequence / perLoop);
  const clipSegment = sequence - loop * perLoop;
  return {
    sequence,
    loop,
    clipSegment,
    startMs: timeline.anchorMs + loop * timeline.loopMs + timeline.offsetsMs[clipSegment]!,
    durationMs: timeline.segmentMs[clipSegment]!,
  };
}

/** The sequence number of the segment playing at wall time `atMs`. */
export function sequenceAt(timeline: LoopTimeline, atMs: number): number {
  const sinceAnchor = atMs - timeline.anchorMs;
  const loop = Math.floor(sinceAnchor / timeline.loopMs);
  const withinLoop = sinceAnchor - loop * timeline.loopMs;
  let clipSegment = 0;
  while (clipSegment + 1 < timeline.offsetsMs.length && timeline.offsetsMs[clipSegment + 1]! <= withinLoop) {
    clipSegment++;
  }
  return loop * timeline.segmentMs.length + clipSegment;
}

/** Segments `first..last` inclusive. */
export function segmentRange(timeline: LoopTimeline, first: number, last: number): TimelineSegment[] {
  const segments: TimelineSegment[] = [];
  for (let sequence = first; sequence <= last; sequence++) segments.push(segmentBySequence(timeline, sequence));
  return segments;
}

/**
 * The live window at `nowMs`: the last `size` segments that have finished by then (a live
 * source cannot publish a segment before its last frame exists).
 */
export function liveWindow(timeline: LoopTimeline, nowMs: number, size: number): TimelineSegment[] {
  const lastComplete = sequenceAt(timeline, nowMs) - 1;
  return segmentRange(timeline, lastComplete - size + 1, lastComplete);
}

/** End of the last complete segment at `nowMs`: the newest instant a client can watch. */
export function liveEdgeMs(timeline: LoopTimeline, nowMs: number): number {
  return segmentBySequence(timeline, sequenceAt(timeline, nowMs)).startMs;
}

/** FNV-1a: stable across processes and platforms, unlike anything seeded. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
