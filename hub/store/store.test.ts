// Runs on SQLite; on PostgreSQL too when HUB_TEST_DATABASE_URL is set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { openTestStore, TEST_DATABASE_URL, type TestStore } from './testStore';

describe(`Store on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('applies every migration once and records it', async () => {
    expect(await t.store.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(await t.store.migrate()).toEqual([]);
    const again = await t.reopen();
    expect(await again.migrate()).toEqual([]);
  });

  it('gives events strictly increasing seqs, readable in order after commit', async () => {
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.store.write((tx) => tx.appendEvent({ type: 'camera.status', cameraId: `cam-${i}`, status: 'offline' }, 1_000 + i, ['500103'])),
      ),
    );
    const seqs = appended.map((e) => e.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    const read = await t.store.eventsAfter(0, 100);
    expect(read.map((r) => r.event.seq)).toEqual(seqs);
    expect(read[0]!.event).toEqual(appended.find((e) => e.seq === seqs[0]));
    expect(read[0]!.anchors).toEqual(['500103']);
    expect(await t.store.lastSeq()).toBe(seqs[19]);
    expect((await t.store.eventsAfter(seqs[4]!, 3, seqs[6]!)).map((r) => r.event.seq)).toEqual([seqs[5], seqs[6]]);
  });

  it('keeps nothing of a transaction that fails', async () => {
    await expect(
      t.store.write(async (tx) => {
        await tx.appendEvent({ type: 'camera.status', cameraId: 'c', status: 'online' }, 1, []);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.store.eventsAfter(0, 10)).toEqual([]);
  });

  it('refuses a second command with the same id and keeps the first ack', async () => {
    const ack = { ok: true as const, seq: 1 };
    await t.store.write((tx) => tx.putCommand({ id: 'a', username: 'u', type: 'task.accept', ack }, 1));
    await expect(t.store.write((tx) => tx.putCommand({ id: 'a', username: 'u', type: 'task.accept', ack: { ok: true, seq: 2 } }, 2))).rejects.toThrow();
    expect((await t.store.getCommand('a'))?.ack).toEqual(ack);
  });

  it('finds events by time and the last seq at an instant', async () => {
    for (const ms of [1000, 2000, 3000]) await t.store.write((tx) => tx.appendEvent({ type: 'camera.status', cameraId: `c${ms}`, status: 'online' }, ms, []));
    expect((await t.store.eventsBetween(1500, 3000, 0, 10)).map((r) => r.event.ts)).toEqual([new Date(2000).toISOString()]);
    expect(await t.store.lastSeqAt(2500)).toBe(2);
    expect(await t.store.lastSeqAt(500)).toBe(0);
  });

  it('keeps the first value of a setting', async () => {
    expect(await t.store.settingOrInit('k', 'one')).toBe('one');
    expect(await t.store.settingOrInit('k', 'two')).toBe('one');
  });

  it('returns the latest checkpoint at or below a seq', async () => {
    await t.store.putCheckpoint(10, 1, '{"a":1}');
    await t.store.putCheckpoint(20, 2, '{"a":2}');
    expect(await t.store.checkpointAtOrBefore(15)).toEqual({ seq: 10, state: '{"a":1}' });
    expect(await t.store.checkpointAtOrBefore(5)).toBeUndefined();
  });
});
