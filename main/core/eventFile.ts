import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { HubEvent } from '../../shared/protocol/events';
import { WallState } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import type { Rejections } from './logger';

/** What replay plays: starting states (journal snapshot records) and the events, each in seq order. */
export interface Recording {
  /** Each is the whole state at its `seq`; the events after it continue from there. */
  snapshots: WallState[];
  events: HubEvent[];
}

type RecordedItem = { kind: 'event'; event: HubEvent } | { kind: 'snapshot'; state: WallState };

const SnapshotRecord = z
  .object({ kind: z.literal('snapshot'), seq: z.number().int().min(0), state: WallState })
  .refine((r) => r.seq === r.state.seq, { message: 'seq: differs from state.seq', path: ['seq'] });

/**
 * Reads a JSON-lines file: either one event per line (as exported from `GET /api/v1/events`) or
 * Journal records, of which `{kind:'event', event}` and `{kind:'snapshot', seq, state}` lines
 * count. Everything is validated; a bad line is recorded as a rejection and skipped.
 */
export async function* readRecordedLines(file: string, rejections?: Rejections): AsyncGenerator<RecordedItem> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      // A torn last line after a crash is expected; anything else is worth a log line too.
      rejections?.record('file:event', { ok: false, field: '(root)', message: '(root): not JSON' }, { file, line: lineNo });
      continue;
    }
    // A journal record has no `type` (hub events always do, and may carry a `kind` of their own).
    if (isRecord(raw) && !('type' in raw) && 'kind' in raw) {
      if (raw.kind === 'snapshot') {
        const parsed = parseAtEdge(SnapshotRecord, raw);
        if (parsed.ok) yield { kind: 'snapshot', state: parsed.value.state };
        else rejections?.record('file:snapshot', parsed, { file, line: lineNo });
        continue;
      }
      if (raw.kind !== 'event') continue; // another journal record: commands, link changes…
      raw = raw.event;
    }
    const parsed = parseAtEdge(HubEvent, raw);
    if (parsed.ok) yield { kind: 'event', event: parsed.value };
    else rejections?.record('file:event', parsed, { file, line: lineNo });
  }
}

/** The events of a file (snapshot records skipped), validated as `readRecordedLines` does. */
export async function* readEventLines(file: string, rejections?: Rejections): AsyncGenerator<HubEvent> {
  for await (const item of readRecordedLines(file, rejections)) if (item.kind === 'event') yield item.event;
}

/** Snapshots and events of the files, each in seq order, each seq once. */
export async function loadRecording(files: readonly string[], rejections?: Rejections): Promise<Recording> {
  const events: HubEvent[] = [];
  const snapshots: WallState[] = [];
  for (const file of files) {
    for await (const item of readRecordedLines(file, rejections)) {
      if (item.kind === 'event') events.push(item.event);
      else snapshots.push(item.state);
    }
  }
  return { snapshots: uniqueBySeq(snapshots), events: uniqueBySeq(events) };
}

/** All events of the files, in seq order, each seq once (snapshot records are left out). */
export async function loadEvents(files: readonly string[], rejections?: Rejections): Promise<HubEvent[]> {
  const events: HubEvent[] = [];
  for (const file of files) for await (const event of readEventLines(file, rejections)) events.push(event);
  return uniqueBySeq(events);
}

function uniqueBySeq<T extends { seq: number }>(items: T[]): T[] {
  items.sort((a, b) => a.seq - b.seq);
  return items.filter((item, i) => i === 0 || item.seq !== items[i - 1]!.seq);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
