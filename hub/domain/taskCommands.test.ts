// task.dispatch against an in-process hub on a fake clock: cooperating units, SLA from the
// routing rules, the command's deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandAck } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import type { Principal } from '../auth/accounts';
import { startHub, type RunningHub } from '../server';
import { parseDispatchRules } from './dispatchRules';

const MINUTE = 60_000;
const now = Date.parse('2026-03-01T08:00:00Z');
let hub: RunningHub;
let dataDir: string;
const city: Principal = { username: 'city-duty', unit: '500000', roles: ['duty'] };
const district: Principal = { username: 'd500103-duty', unit: '500103', roles: ['duty'] };
const STREET = '500103001';
const COMMUNITY = '500103001003';
const OTHER_STREET = '500103003';

const rules = parseDispatchRules(
  JSON.stringify({ rules: [{ id: 'gas', kinds: ['gas'], lead: 'next', sla: { accept: 2, arrive: 10, close: 30 } }, { id: 'rest', lead: 'next' }] }),
  'test',
);

async function report(kind = 'fire', severity = 2): Promise<string> {
  const ack = await hub.execute(city, { id: randomUUID(), type: 'incident.report', title: '测试', kind, board: 'emergency', severity, location: [106.569643, 29.553898] });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.incidentId!;
}
const dispatch = (actor: Principal, body: Record<string, unknown>, id: string = randomUUID()) => hub.execute(actor, { id, type: 'task.dispatch', ...body });
async function eventsAfter(seq: number): Promise<HubEvent[]> {
  return (await hub.store.eventsAfter(seq, 1000)).map((s) => s.event);
}
const lastSeq = async () => (await hub.store.eventsAfter(0, 100_000)).at(-1)?.event.seq ?? 0;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-dispatch-'));
  hub = await startHub({ port: 0, dataDir, demo: true, simulator: false, logger: false, now: () => now, slaTickMs: 3_600_000, dispatchRules: rules });
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('task.dispatch with cooperating units', () => {
  it('makes the lead’s task and one per cooperating unit, duplicates and the lead left out, in one go', async () => {
    const incidentId = await report();
    const before = await lastSeq();
    const ack = await dispatch(district, { incidentId, toUnit: STREET, cooperating: [COMMUNITY, STREET, OTHER_STREET, COMMUNITY], note: '联合处置' });
    expect(CommandAck.parse(ack)).toMatchObject({ ok: true, taskId: expect.any(String), taskIds: expect.any(Array) });
    if (!ack.ok) return;
    expect(ack.taskIds).toHaveLength(3);
    expect(ack.taskIds![0]).toBe(ack.taskId);
    const events = await eventsAfter(before);
    expect(events.map((e) => e.type)).toEqual(['task.dispatched', 'task.dispatched', 'task.dispatched']);
    expect(ack.seq).toBe(events.at(-1)!.seq); // the last event's seq: by then all are in
    expect(events.map((e) => (e.type === 'task.dispatched' ? [e.taskId, e.toUnit, e.leadTaskId] : []))).toEqual([
      [ack.taskId, STREET, undefined],
      [ack.taskIds![1], COMMUNITY, ack.taskId],
      [ack.taskIds![2], OTHER_STREET, ack.taskId],
    ]);
    for (const event of events) expect(event).toMatchObject({ fromUnit: '500103', note: '联合处置', by: 'd500103-duty', state: 'dispatched' });
    for (const taskId of ack.taskIds!) expect(await hub.store.getTask(taskId)).toMatchObject({ state: 'dispatched', fromUnit: '500103' });
  });

  it('refuses the whole command when one cooperating unit is outside the caller’s subtree or unknown', async () => {
    const incidentId = await report();
    const before = await lastSeq();
    expect(await dispatch(district, { incidentId, toUnit: STREET, cooperating: [COMMUNITY, '500112001'] })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'cooperating.1: unit 500112001 is outside the subtree of 500103' },
    });
    expect(await dispatch(district, { incidentId, toUnit: STREET, cooperating: ['500103'] })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('cooperating.0') } });
    expect(await dispatch(district, { incidentId, toUnit: STREET, cooperating: ['500103999'] })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'cooperating.0: unit 500103999 does not exist' },
    });
    expect(await dispatch(district, { incidentId, toUnit: STREET, cooperating: ['5001'] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('cooperating.0') } });
    expect(await dispatch(district, { incidentId, toUnit: STREET, cooperating: [] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('cooperating') } });
    expect(await lastSeq()).toBe(before);
  });

  it('a replayed id answers the same ack and makes nothing new', async () => {
    const incidentId = await report();
    const id = randomUUID();
    const first = await dispatch(city, { incidentId, toUnit: '500103', cooperating: [STREET] }, id);
    const after = await lastSeq();
    expect(await dispatch(city, { incidentId, toUnit: '500103', cooperating: [STREET] }, id)).toEqual(first);
    expect(await lastSeq()).toBe(after);
  });

  it('a plain dispatch keeps its ack: no taskIds', async () => {
    const ack = await dispatch(city, { incidentId: await report(), toUnit: '500103' });
    expect(ack).toEqual({ ok: true, seq: expect.any(Number), taskId: expect.any(String) });
  });
});

describe('SLA at dispatch', () => {
  it('comes from the matching rule, else the severity', async () => {
    const gas = await dispatch(city, { incidentId: await report('gas', 4), toUnit: '500103' });
    const fire = await dispatch(city, { incidentId: await report('fire', 1), toUnit: '500103' });
    const at = (m: number) => new Date(now + m * MINUTE).toISOString();
    expect((await hub.store.getTask(gas.ok ? gas.taskId! : ''))!.sla).toEqual({ acceptBy: at(2), arriveBy: at(10), closeBy: at(30) });
    expect((await hub.store.getTask(fire.ok ? fire.taskId! : ''))!.sla).toEqual({ acceptBy: at(5), arriveBy: at(20), closeBy: at(60) });
  });

  it('a deadline in the command becomes the close-by, and pulls earlier steps in', async () => {
    const deadline = new Date(now + 15 * MINUTE).toISOString();
    const ack = await dispatch(city, { incidentId: await report('fire', 2), toUnit: '500103', cooperating: [STREET], deadline });
    if (!ack.ok) throw new Error(ack.error.message);
    const sla = { acceptBy: new Date(now + 10 * MINUTE).toISOString(), arriveBy: deadline, closeBy: deadline };
    for (const taskId of ack.taskIds!) expect(await hub.store.getTask(taskId)).toMatchObject({ sla, deadline });
    const [event] = await eventsAfter(ack.seq - 1);
    expect(event).toMatchObject({ type: 'task.dispatched', deadline, sla });
  });

  it('refuses a deadline that is not in the future', async () => {
    const incidentId = await report();
    for (const deadline of [new Date(now).toISOString(), '2020-01-01T00:00:00Z']) {
      expect(await dispatch(city, { incidentId, toUnit: '500103', deadline })).toEqual({
        ok: false,
        error: { code: 'invalid', message: `deadline: ${deadline} is not in the future` },
      });
    }
  });
});
