// Hostile text on the command path. PostgreSQL refuses NUL in text; here the store is made to
// refuse it the same way, so a NUL reaching a query or the audit would show as `internal`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../auth/accounts';
import { startHub, type RunningHub } from '../server';
import { Store, StoreTx } from '../store/store';

const city: Principal = { username: 'city-duty', unit: '500000', roles: ['duty'] };
const report = { type: 'incident.report', title: '燃气泄漏', kind: 'gas', board: 'emergency', severity: 2, location: [106.577, 29.557] };
let hub: RunningHub;
let dataDir: string;

/** Wraps a store method so it throws on any string argument holding NUL, as PostgreSQL does. */
function refuseNul<C extends object>(prototype: C, method: keyof C & string) {
  const original = prototype[method] as (...args: unknown[]) => Promise<unknown>;
  vi.spyOn(prototype, method as never).mockImplementation(function (this: unknown, ...args: unknown[]) {
    if (JSON.stringify(args).includes('\\u0000')) return Promise.reject(new Error('invalid byte sequence for encoding "UTF8": 0x00'));
    return original.apply(this, args);
  } as never);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-commands-'));
  hub = await startHub({ port: 0, dataDir, simulator: false, logger: false });
  refuseNul(Store.prototype, 'audit');
  refuseNul(Store.prototype, 'getCommand');
  refuseNul(StoreTx.prototype, 'getTask');
  refuseNul(StoreTx.prototype, 'getIncident');
  refuseNul(StoreTx.prototype, 'appendEvent');
});
afterAll(async () => {
  vi.restoreAllMocks();
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('CommandService with text holding NUL', () => {
  it.each([
    ['the id', { ...report, id: 'a\u0000b' }, 'id'],
    ['the type', { ...report, id: randomUUID(), type: 'incident.\u0000report' }, 'type'],
    ['a task id', { id: randomUUID(), type: 'task.feedback', taskId: 'nul\u0000task', text: 'x' }, 'taskId'],
    ['a title', { ...report, id: randomUUID(), title: 'nul\u0000title' }, 'title'],
  ])('refuses %s as invalid, naming the field', async (_label, command, field) => {
    const ack = await hub.execute(city, command);
    expect(ack).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringContaining(field) } });
  });

  it('audits the refusal with the NUL replaced', async () => {
    await hub.execute(city, { ...report, id: 'x\u0000y', type: 't\u0000' });
    const [line] = await hub.store.auditLog(1);
    expect(line).toMatchObject({ username: 'city-duty', commandId: 'x\uFFFDy', type: 't\uFFFD', outcome: 'invalid' });
  });

  it('still refuses with invalid when the audit write itself fails', async () => {
    const audit = vi.spyOn(Store.prototype, 'audit').mockRejectedValueOnce(new Error('disk full'));
    expect(await hub.execute(city, { id: randomUUID(), type: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(audit).toHaveBeenCalled();
  });

  it('takes a valid command afterwards', async () => {
    expect(await hub.execute(city, { ...report, id: randomUUID() })).toMatchObject({ ok: true, incidentId: expect.any(String) });
  });
});
