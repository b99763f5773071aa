// Each loop camera's feed as a real encoder and packager would show it. When the camera goes
// offline its live playlist stops advancing: the window stays on the last segments published
// before the encoder stopped. When it comes back the playlist carries on at the live edge: the
// segments of the outage are never published, the first new one follows the frozen ones with an
// EXT-X-DISCONTINUITY, and media and discontinuity sequence numbers stay consistent from one
// playlist reload to the next (a player keeps playing across it).
//
// Driven by `camera.status` events from the event feed, at their `ts`, so every hub node freezes
// and resumes a camera at the same instants and numbers its segments alike. The history lives in
// memory: after a restart a camera the wall state says is offline is frozen from the start, and
// numbering starts again from the timeline (players reload on the hub's restart anyway).
import type { CameraStatus } from '../../shared/protocol/cameras';
import type { HubEvent } from '../../shared/protocol/events';
import { LIVE_WINDOW_SEGMENTS, type PlaylistSegment } from './playlists';
import { type LoopTimeline, segmentBySequence, sequenceAt } from './timeline';

/** A time the camera was offline; `toMs` null while it still is. */
export interface Outage {
  fromMs: number;
  toMs: number | null;
}

export interface FeedHistory {
  /** Segments never published in outages folded away (no live window reaches back to them). */
  foldedLost: number;
  /** Discontinuity numbers those outages added beyond the loop wraps they spanned. */
  foldedDiscontinuities: number;
  /** Outages not folded yet, oldest first; only the last may still be open. */
  outages: Outage[];
}

export const NO_OUTAGES: FeedHistory = Object.freeze({ foldedLost: 0, foldedDiscontinuities: 0, outages: Object.freeze([]) as unknown as Outage[] });

/** An outage in timeline sequence numbers: `stop` the first segment lost, `resume` the first published again. */
interface Gap {
  stop: number;
  resume: number;
}

function gapsOf(timeline: LoopTimeline, outages: readonly Outage[]): Gap[] {
  return outages.map((outage) => {
    // The segment under way when the encoder stopped is lost; the one under way when it came back
    // is its first (it completes within a segment duration: the live edge).
    const stop = sequenceAt(timeline, outage.fromMs);
    const resume = outage.toMs === null ? Infinity : Math.max(stop, sequenceAt(timeline, outage.toMs));
    return { stop, resume };
  });
}

const loopOf = (timeline: LoopTimeline, sequence: number) => segmentBySequence(timeline, sequence).loop;

/** Discontinuities a gap adds beyond the loop wraps it spans: one tag stands for all of them. */
function extraDiscontinuities(timeline: LoopTimeline, gap: Gap): number {
  if (gap.resume === gap.stop) return 0;
  return 1 - (loopOf(timeline, gap.resume) - loopOf(timeline, gap.stop - 1));
}

/**
 * The live window at `nowMs`: the newest `size` segments the feed published, stepping over those
 * lost to outages, numbered so that a segment keeps its media and discontinuity sequence numbers
 * across reloads (media sequence: timeline sequence less the segments lost before it;
 * discontinuity: loop wraps plus one per gap, a gap spanning wraps counting once).
 */
export function feedWindow(timeline: LoopTimeline, history: FeedHistory, nowMs: number, size = LIVE_WINDOW_SEGMENTS): PlaylistSegment[] {
  const gaps = gapsOf(timeline, history.outages);
  const picked: number[] = [];
  let sequence = sequenceAt(timeline, nowMs) - 1;
  let g = gaps.length - 1;
  while (picked.length < size) {
    while (g >= 0 && gaps[g]!.stop > sequence) g--;
    const gap = gaps[g];
    if (gap && sequence < gap.resume) {
      sequence = gap.stop - 1;
      g--;
      continue;
    }
    picked.push(sequence--);
  }
  picked.reverse();
  return picked.map((sequence) => {
    let lost = history.foldedLost;
    let extra = history.foldedDiscontinuities;
    for (const gap of gaps) {
      if (gap.resume > sequence) break;
      lost += gap.resume - gap.stop;
      extra += extraDiscontinuities(timeline, gap);
    }
    const segment = segmentBySequence(timeline, sequence);
    return {
      mediaSequence: sequence - lost,
      discontinuity: segment.loop + extra,
      clipSegment: segment.clipSegment,
      startMs: segment.startMs,
      durationMs: segment.durationMs,
    };
  });
}

/**
 * Folds the outages no live window can reach back to any more (the window at `nowMs` starts after
 * them, and windows only move on) into the history's counts, so it stays a few numbers per camera.
 */
function foldSettled(timeline: LoopTimeline, history: FeedHistory, nowMs: number): void {
  const first = feedWindow(timeline, history, nowMs)[0];
  if (!first) return;
  const firstSequence = sequenceAt(timeline, first.startMs);
  const gaps = gapsOf(timeline, history.outages);
  let settled = 0;
  while (settled < gaps.length && gaps[settled]!.resume <= firstSequence) {
    const gap = gaps[settled]!;
    history.foldedLost += gap.resume - gap.stop;
    history.foldedDiscontinuities += extraDiscontinuities(timeline, gap);
    settled++;
  }
  history.outages.splice(0, settled);
}

/** The feed state of every loop camera that has ever gone offline. */
export class CameraFeeds {
  private readonly histories = new Map<string, FeedHistory>();
  private timelineOf: ((cameraId: string) => LoopTimeline | undefined) | undefined;

  /** Camera timelines, once the clips exist: lets the history of a camera nobody watches stay small. */
  useTimelines(timelineOf: (cameraId: string) => LoopTimeline | undefined): void {
    this.timelineOf = timelineOf;
  }

  /** Feed listener: applies the `camera.status` events among `events`. */
  readonly onEvents = (events: readonly HubEvent[]): void => {
    for (const event of events) if (event.type === 'camera.status') this.observe(event.cameraId, event.status, Date.parse(event.ts));
  };

  /** The camera went `status` at `atMs`; false when it already was. */
  observe(cameraId: string, status: CameraStatus, atMs: number): boolean {
    const history = this.histories.get(cameraId);
    const last = history?.outages.at(-1);
    const open = last?.toMs === null ? last : undefined;
    if (status === 'online') {
      if (!open) return false;
      open.toMs = Math.max(atMs, open.fromMs);
      return true;
    }
    if (open) return false;
    const record = history ?? { foldedLost: 0, foldedDiscontinuities: 0, outages: [] };
    this.histories.set(cameraId, record);
    const timeline = this.timelineOf?.(cameraId);
    if (timeline) foldSettled(timeline, record, atMs);
    // Events come in seq order; clocks of several nodes may disagree by a little: never overlap.
    const previousEnd = record.outages.at(-1)?.toMs ?? -Infinity;
    record.outages.push({ fromMs: Math.max(atMs, previousEnd), toMs: null });
    return true;
  }

  isLive(cameraId: string): boolean {
    return this.histories.get(cameraId)?.outages.at(-1)?.toMs !== null;
  }

  /** When an offline camera's feed stopped; undefined while it is live. */
  stoppedAt(cameraId: string): number | undefined {
    const last = this.histories.get(cameraId)?.outages.at(-1);
    return last && last.toMs === null ? last.fromMs : undefined;
  }

  /** The camera's live window at `nowMs` (see `feedWindow`). */
  liveWindow(cameraId: string, timeline: LoopTimeline, nowMs: number): PlaylistSegment[] {
    const history = this.histories.get(cameraId);
    if (!history) return feedWindow(timeline, NO_OUTAGES, nowMs);
    foldSettled(timeline, history, nowMs);
    return feedWindow(timeline, history, nowMs);
  }

  /** Outages of one camera still remembered in full (tests: the history stays small). */
  outagesOf(cameraId: string): readonly Outage[] {
    return this.histories.get(cameraId)?.outages ?? [];
  }
}
