import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HubEvent } from '../../shared/protocol/events';
import { parseAtEdge } from '../../shared/validation';
import type { Rejections } from './logger';

/**
 * Reads hub events from a JSON-lines file: either one event per line (as exported from
 * `GET /api/v1/events`) or Journal records, of which only `{kind:'event', event}` lines count.
 * Every event is validated; a bad line is recorded as a rejection and skipped.
 */
export async function* readEventLines(file: string, rejections?: Rejections): AsyncGenerator<HubEvent> {
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
      if (raw.kind !== 'event') continue; // another journal record: commands, link changes…
      raw = raw.event;
    }
    const parsed = parseAtEdge(HubEvent, raw);
    if (parsed.ok) yield parsed.value;
    else rejections?.record('file:event', parsed, { file, line: lineNo });
  }
}

/** All events of the files, in seq order, each seq once. */
export async function loadEvents(files: readonly string[], rejections?: Rejections): Promise<HubEvent[]> {
  const events: HubEvent[] = [];
  for (const file of files) for await (const event of readEventLines(file, rejections)) events.push(event);
  events.sort((a, b) => a.seq - b.seq);
  return events.filter((e, i) => i === 0 || e.seq !== events[i - 1]!.seq);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
