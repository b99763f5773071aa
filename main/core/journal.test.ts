import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import { loadRecording } from './eventFile';
import { Journal, listJournalFiles, readJournalEvents } from './journal';
import { waitFor } from './testing/waitFor';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'journal-'));
  dirs.push(dir);
  return dir;
}

const event = (seq: number): HubEvent => ({ seq, ts: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(), type: 'camera.status', cameraId: `cam-${seq}`, status: 'online' });

async function collect(dir: string) {
  const seqs: number[] = [];
  for await (const e of readJournalEvents(dir)) seqs.push(e.seq);
  return seqs;
}

describe('Journal', () => {
  it('flushes buffered records within the flush interval', async () => {
    const dir = await tempDir();
    const journal = await Journal.open({ dir, flushMs: 50 });
    journal.append({ kind: 'event', event: event(1) });
    expect(journal.currentFile()).toBeNull(); // buffered, not yet written
    await waitFor(() => journal.currentFile(), 1000, 'the timed flush');
    await new Promise((r) => setTimeout(r, 50));
    const text = await readFile(journal.currentFile()!, 'utf8');
    expect(JSON.parse(text.trim())).toMatchObject({ kind: 'event', event: { seq: 1 } });
    await journal.close();
  });

  it('rotates by size and keeps only the newest files', async () => {
    const dir = await tempDir();
    const journal = await Journal.open({ dir, maxBytes: 1000, keepFiles: 3 });
    for (let seq = 1; seq <= 40; seq++) journal.append({ kind: 'event', event: event(seq) });
    await journal.close();
    const files = await listJournalFiles(dir);
    expect(files).toHaveLength(3);
    for (const f of files) expect((await readFile(f, 'utf8')).length).toBeLessThanOrEqual(1000);
    const seqs = await collect(dir);
    expect(seqs.at(-1)).toBe(40);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // the oldest were dropped, the rest in order
    expect(seqs.length).toBeLessThan(40);
    // No snapshot was ever recorded, so the journal cannot know the state to open files with.
    expect((await loadRecording(files)).snapshots).toEqual([]);
  });

  it('opens every new file with the state after the last event of the one before', async () => {
    const dir = await tempDir();
    const journal = await Journal.open({ dir, maxBytes: 600, keepFiles: 100 });
    const start: WallState = { ...emptyWallState(), seq: 100, time: event(100).ts, cameras: { 'cam-0': 'offline' } };
    const events = Array.from({ length: 30 }, (_, i) => event(101 + i));
    journal.append({ kind: 'snapshot', seq: start.seq, state: start });
    for (const e of events) {
      journal.append({ kind: 'event', event: e });
      if (e.seq % 7 === 0) await journal.flush(); // rotations fall both inside and between flushes
    }
    await journal.close();

    const files = await listJournalFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    let previousLastSeq = start.seq;
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      const opening = JSON.parse(lines[0]!) as { kind: string; seq: number; state: WallState };
      expect(opening.kind).toBe('snapshot');
      expect(opening.seq).toBe(previousLastSeq);
      expect(opening.state).toEqual(reduceEvents(start, events.filter((e) => e.seq <= previousLastSeq)));
      // The opening snapshot does not count against maxBytes: a big state cannot make every file one event long.
      expect(lines.slice(1).join('\n').length).toBeLessThanOrEqual(600);
      expect(lines.length).toBeGreaterThan(2);
      const { events: inFile } = await loadRecording([file]);
      previousLastSeq = inFile.at(-1)!.seq;
    }
    expect(previousLastSeq).toBe(130);
  });

  it('starts a new file when the day changes, and reads events across files in order', async () => {
    const dir = await tempDir();
    let now = Date.UTC(2025, 0, 1, 23, 59, 59);
    const journal = await Journal.open({ dir, now: () => now });
    journal.append({ kind: 'event', event: event(1) });
    journal.append({ kind: 'link', status: { state: 'offline', lastSeq: 1, hubUrl: 'http://hub', since: new Date(now).toISOString() } });
    now += 2000;
    journal.append({ kind: 'event', event: event(2) });
    await journal.close();
    const reopened = await Journal.open({ dir, now: () => now });
    reopened.append({ kind: 'event', event: event(3) });
    await reopened.close();
    const names = (await listJournalFiles(dir)).map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(names).toEqual(['journal-000001-2025-01-01.jsonl', 'journal-000002-2025-01-02.jsonl', 'journal-000003-2025-01-02.jsonl']);
    expect(await collect(dir)).toEqual([1, 2, 3]);
  });
});
