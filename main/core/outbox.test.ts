import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command, CommandAck } from '../../shared/protocol/commands';
import { Outbox } from './outbox';
import { waitFor } from './testing/waitFor';

const dirs: string[] = [];
const boxes: Outbox[] = [];
afterEach(async () => {
  for (const b of boxes.splice(0)) await b.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  dirs.push(dir);
  return dir;
}

const accept = (): Command => ({ id: randomUUID(), type: 'task.accept', taskId: 't-1' });

/** A hub stand-in: `answer` decides per call; records what reached it. */
function transport(answer: (command: Command, call: number) => CommandAck | Error) {
  const sent: Command[] = [];
  return {
    sent,
    send: async (command: Command): Promise<CommandAck> => {
      sent.push(command);
      const result = answer(command, sent.length);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

async function open(dir: string, t: { send(c: Command): Promise<CommandAck> }) {
  const box = await Outbox.open({ dir, transport: t, retry: { baseMs: 5, maxMs: 20 } });
  boxes.push(box);
  return box;
}

describe('Outbox', () => {
  it('writes the command to disk before sending it', async () => {
    const dir = await tempDir();
    let onDiskWhenSent = '';
    const t = transport(() => ({ ok: true, seq: 1 }));
    const box = await open(dir, {
      send: async (c) => {
        onDiskWhenSent = await readFile(join(dir, 'outbox.jsonl'), 'utf8');
        return t.send(c);
      },
    });
    const command = accept();
    const item = await box.submit(command);
    expect(item.status).toBe('pending');
    await waitFor(() => box.list()[0]?.status === 'acknowledged');
    expect(onDiskWhenSent).toContain(command.id);
  });

  it('retries while the hub is unreachable or unavailable, until acknowledged', async () => {
    const dir = await tempDir();
    const t = transport((_c, call) =>
      call === 1 ? new Error('offline') : call === 2 ? { ok: false, error: { code: 'unavailable', message: 'busy' } } : { ok: true, seq: 42 },
    );
    const box = await open(dir, t);
    const changes: string[] = [];
    box.on('changed', (items) => changes.push(items[0]!.status));
    await box.submit(accept());
    await waitFor(() => box.list()[0]?.status === 'acknowledged');
    expect(box.list()[0]).toMatchObject({ attempts: 3, ack: { ok: true, seq: 42 } });
    expect(changes).toContain('sending');
    expect(box.pendingCount()).toBe(0);
  });

  it('treats a definitive error as final and moves on to the next command', async () => {
    const dir = await tempDir();
    const t = transport((c) => (c.type === 'task.accept' ? { ok: false, error: { code: 'conflict', message: 'already accepted' } } : { ok: true, seq: 2 }));
    const box = await open(dir, t);
    const first = await box.submit(accept());
    const second = await box.submit({ id: randomUUID(), type: 'task.arrive', taskId: 't-1' });
    await waitFor(() => box.pendingCount() === 0);
    const byId = Object.fromEntries(box.list().map((i) => [i.id, i]));
    expect(byId[first.id]).toMatchObject({ status: 'rejected', attempts: 1, ack: { error: { code: 'conflict' } } });
    expect(byId[second.id]).toMatchObject({ status: 'acknowledged' });
    expect(t.sent.map((c) => c.type)).toEqual(['task.accept', 'task.arrive']);
  });

  it('treats a second submit of the same id as a no-op', async () => {
    const dir = await tempDir();
    const t = transport(() => ({ ok: true, seq: 1 }));
    const box = await open(dir, t);
    const command = accept();
    const [a, b] = await Promise.all([box.submit(command), box.submit(command)]);
    expect(b.id).toBe(a.id);
    await waitFor(() => box.pendingCount() === 0);
    await box.submit(command);
    await new Promise((r) => setTimeout(r, 30));
    expect(t.sent).toHaveLength(1);
    expect(box.list()).toHaveLength(1);
  });

  it('resends pending commands after a restart, and keeps settled ones settled', async () => {
    const dir = await tempDir();
    const down = transport(() => new Error('offline'));
    const first = await open(dir, { send: (c) => (c.type === 'task.arrive' ? Promise.resolve({ ok: true, seq: 9 }) : down.send(c)) });
    const done = await first.submit({ id: randomUUID(), type: 'task.arrive', taskId: 't-9' });
    await waitFor(() => first.list().find((i) => i.id === done.id)?.status === 'acknowledged');
    const waiting = await first.submit(accept());
    await first.close();
    await appendFile(join(dir, 'outbox.jsonl'), '{"r":"settled","id":"torn'); // a crash mid-write

    const up = transport(() => ({ ok: true, seq: 10 }));
    const second = await open(dir, up);
    await waitFor(() => second.pendingCount() === 0);
    expect(up.sent.map((c) => c.id)).toEqual([waiting.id]);
    expect(second.list().map((i) => i.status)).toEqual(['acknowledged', 'acknowledged']);
  });

  it('compacts the log on start, keeping a bounded number of settled commands', async () => {
    const dir = await tempDir();
    const box = await open(dir, transport(() => ({ ok: true, seq: 1 })));
    for (let i = 0; i < 210; i++) await box.submit(accept());
    await waitFor(() => box.pendingCount() === 0, 10_000);
    await box.close();
    const reopened = await open(dir, transport(() => ({ ok: true, seq: 1 })));
    expect(reopened.list()).toHaveLength(200);
    const lines = (await readFile(join(dir, 'outbox.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(400);
  });
});
