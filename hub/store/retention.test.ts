// Sample retention against a fake clock, on SQLite (and PostgreSQL when HUB_TEST_DATABASE_URL is set):
// old samples go in batches, everything else stays, checkpoints thin to one per hour.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/protocol/events';
import { SampleRetention } from './retention';
import { openTestStore, TEST_DATABASE_URL, type TestStore } from './testStore';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2026-03-01T00:00:00Z');

const samples = (value: number, atMs: number): EventDraft => ({ type: 'indicator.samples', samples: [{ id: 'ind-1', value, at: new Date(atMs).toISOString() }] });
const camera = (status: 'online' | 'offline'): EventDraft => ({ type: 'camera.status', cameraId: 'cam-1', status });

describe(`Sample retention on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestStore;
  let now: number;
  let retention: SampleRetention;
  const append = (draft: EventDraft, atMs: number) => t.store.write((tx) => tx.appendEvent(draft, atMs, []));
  const seqs = async () => (await t.store.eventsAfter(0, 1000)).map((s) => s.event.seq);

  beforeEach(async () => {
    t = await openTestStore();
    retention = new SampleRetention({ store: t.store, now: () => now, horizonMs: 72 * HOUR, batchSize: 3 });
  });
  afterEach(async () => {
    await retention.stop();
    await t.cleanup();
  });

  it('deletes samples older than the horizon in batches and keeps every other record', async () => {
    const old = [];
    for (let i = 0; i < 8; i++) old.push(await append(samples(i, T0 + i * MINUTE), T0 + i * MINUTE));
    const kept = await append(camera('offline'), T0 + 3 * MINUTE + 1);
    await t.store.write((tx) => tx.putCommand({ id: 'c1', username: 'u', type: 'task.accept', ack: { ok: true, seq: kept.seq } }, T0));
    await t.store.audit({ username: 'u', commandId: 'c1', outcome: 'ok' }, T0);
    now = T0 + 80 * HOUR;
    const recent = await append(samples(99, now - HOUR), now - HOUR);

    expect(await retention.runOnce()).toEqual({ samples: 8, checkpoints: 0 });
    expect(await seqs()).toEqual([kept.seq, recent.seq]);
    expect((await t.store.getCommand('c1'))?.ack).toEqual({ ok: true, seq: kept.seq });
    expect(await t.store.auditLog()).toHaveLength(1);
    expect(await t.store.lastSeq()).toBe(recent.seq);
    expect(await retention.runOnce()).toEqual({ samples: 0, checkpoints: 0 });
    // A reader resuming from a deleted seq gets what remains, in order.
    expect((await t.store.eventsAfter(old[2]!.seq, 10)).map((s) => s.event.seq)).toEqual([kept.seq, recent.seq]);
  });

  it('keeps samples younger than the horizon', async () => {
    const young = await append(samples(1, T0), T0);
    await append(camera('online'), T0 + 1);
    now = T0 + 72 * HOUR - 1;
    expect(await retention.runOnce()).toEqual({ samples: 0, checkpoints: 0 });
    now = T0 + 72 * HOUR + 1;
    expect(await retention.runOnce()).toEqual({ samples: 1, checkpoints: 0 });
    expect(await seqs()).not.toContain(young.seq);
  });

  it('never deletes the newest event, so the log keeps its last seq across a restart', async () => {
    await append(samples(1, T0), T0);
    const last = await append(samples(2, T0 + MINUTE), T0 + MINUTE);
    now = T0 + 100 * HOUR;
    expect(await retention.runOnce()).toEqual({ samples: 1, checkpoints: 0 });
    expect(await (await t.reopen()).lastSeq()).toBe(last.seq);
  });

  it('thins old checkpoints to the last of each hour and finds them at an old instant', async () => {
    const at = [T0 + 5 * MINUTE, T0 + 20 * MINUTE, T0 + 50 * MINUTE, T0 + HOUR + 10 * MINUTE, T0 + HOUR + 30 * MINUTE];
    const events = [];
    for (const [i, ms] of at.entries()) {
      events.push(await append(samples(i, ms), ms));
      await t.store.putCheckpoint(events[i]!.seq, ms, JSON.stringify({ value: i }));
    }
    await append(camera('online'), T0 + 2 * HOUR);
    now = T0 + 80 * HOUR;
    const recentSeq = (await append(samples(9, now), now)).seq;
    await t.store.putCheckpoint(recentSeq, now, '{}');

    expect(await retention.runOnce()).toEqual({ samples: 5, checkpoints: 3 });
    const [, , third, , fifth] = events;
    expect(await t.store.checkpointAtOrBefore(third!.seq)).toEqual({ seq: third!.seq, state: '{"value":2}' });
    expect(await t.store.checkpointAtOrBefore(third!.seq - 1)).toBeUndefined();
    expect(await t.store.checkpointAtOrBefore(fifth!.seq)).toEqual({ seq: fifth!.seq, state: '{"value":4}' });
    // The kept checkpoint outlives its event: the instant after it maps to its seq.
    expect(await t.store.lastSeqAt(T0 + 55 * MINUTE)).toBe(third!.seq);
    expect(await t.store.lastSeqAt(T0 + 30 * MINUTE)).toBe(0);
    expect(await retention.runOnce()).toEqual({ samples: 0, checkpoints: 0 });
    expect(await t.store.checkpointAtOrBefore(recentSeq)).toEqual({ seq: recentSeq, state: '{}' });
  });
});
