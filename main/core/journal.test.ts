import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
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
