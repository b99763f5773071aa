import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEvents, loadRecording } from './eventFile';
import { createLogger, Rejections } from './logger';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const ts = '2025-01-01T08:00:00.000Z';
const reported = { seq: 3, ts, type: 'incident.reported', incidentId: 'i1', title: '积水', kind: 'flood', board: 'emergency', severity: 2, location: [106.5, 29.5], units: ['500000'] };
const camera = (seq: number) => ({ seq, ts, type: 'camera.status', cameraId: 'c1', status: 'online' });

describe('loadEvents', () => {
  it('reads plain events and journal records, in seq order, each seq once, skipping bad lines with their field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'events-'));
    dirs.push(dir);
    const exported = join(dir, 'export.jsonl');
    const journal = join(dir, 'journal-000001-2025-01-01.jsonl');
    await writeFile(exported, [reported, camera(1), { ...camera(5), status: 'broken' }].map((e) => JSON.stringify(e)).join('\n') + '\n{"seq":');
    await writeFile(
      journal,
      [
        { at: ts, kind: 'link', status: { state: 'connected' } },
        { at: ts, kind: 'event', event: camera(2) },
        { at: ts, kind: 'event', event: camera(1) }, // also in the export
        { at: ts, kind: 'command', command: { id: 'x', type: 'task.accept', taskId: 't' } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const lines: Record<string, unknown>[] = [];
    const rejections = new Rejections(createLogger({ write: (l) => lines.push(JSON.parse(l)) }));
    const events = await loadEvents([exported, journal], rejections);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'camera.status'],
      [2, 'camera.status'],
      [3, 'incident.reported'], // its own `kind` does not make it a journal record
    ]);
    expect(lines.filter((l) => l.msg === 'rejected').map((l) => [l.field, l.line])).toEqual([
      ['status', 3],
      ['(root)', 4],
    ]);
  });

  it('reads the snapshot records a journal starts from, validated, beside its events', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'events-'));
    dirs.push(dir);
    const journal = join(dir, 'journal-000001-2025-01-01.jsonl');
    const state = { seq: 2, time: ts, incidents: {}, tasks: {}, indicators: {}, cameras: { c1: 'online' } };
    await writeFile(
      journal,
      [
        { at: ts, kind: 'snapshot', seq: 2, state },
        { at: ts, kind: 'snapshot', seq: 7, state: { ...state, seq: 7, cameras: { c1: 'melted' } } },
        { at: ts, kind: 'snapshot', seq: 8, state: { ...state, seq: 9 } },
        { at: ts, kind: 'event', event: camera(3) },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const lines: Record<string, unknown>[] = [];
    const rejections = new Rejections(createLogger({ write: (l) => lines.push(JSON.parse(l)) }));
    const recording = await loadRecording([journal], rejections);
    expect(recording).toEqual({ snapshots: [state], events: [camera(3)] });
    expect(lines.filter((l) => l.msg === 'rejected').map((l) => [l.source, l.field, l.line])).toEqual([
      ['file:snapshot', 'state.cameras.c1', 2],
      ['file:snapshot', 'seq', 3],
    ]);
    expect(await loadEvents([journal])).toEqual([camera(3)]); // plain event readers skip snapshots
  });
});
