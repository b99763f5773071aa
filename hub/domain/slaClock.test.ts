// The SLA clock against a fake clock: overdue once per step, escalation to the assignee's parent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { startHub, type RunningHub } from '../server';
import type { Principal } from '../auth/accounts';

const MINUTE = 60_000;
let now = Date.parse('2026-03-01T08:00:00Z');
let hub: RunningHub;
let dataDir: string;
const city: Principal = { username: 'city-duty', unit: '500000', roles: ['duty'] };
const district: Principal = { username: 'd500103-duty', unit: '500103', roles: ['duty'] };

async function run(actor: Principal, body: Record<string, unknown>) {
  const ack = await hub.execute(actor, { id: randomUUID(), ...body });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack as { seq: number; incidentId?: string; taskId?: string };
}

async function taskEvents(taskId: string): Promise<HubEvent[]> {
  return (await hub.store.eventsAfter(0, 1000)).map((s) => s.event).filter((e) => 'taskId' in e && e.taskId === taskId);
}

async function newTask(severity: number): Promise<string> {
  const { incidentId } = await run(city, { type: 'incident.report', title: '燃气泄漏', kind: 'gas', board: 'emergency', severity, location: [106.577, 29.557] });
  return (await run(city, { type: 'task.dispatch', incidentId, toUnit: '500103' })).taskId!;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-sla-'));
  hub = await startHub({ port: 0, dataDir, demo: true, simulator: false, logger: false, now: () => now, slaTickMs: 3_600_000 });
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SLA clock', () => {
  it('flags a task not accepted in time and escalates it to the parent of its assignee, once', async () => {
    const taskId = await newTask(1);
    now += 4 * MINUTE;
    expect(await hub.tickSla()).toBe(0);
    now += 1 * MINUTE;
    expect(await hub.tickSla()).toBe(2);
    const [, overdue, escalated] = await taskEvents(taskId);
    expect(overdue).toMatchObject({ type: 'task.overdue', step: 'accept', by: 'system', state: 'dispatched', toUnit: '500103' });
    expect(escalated).toMatchObject({ type: 'task.escalated', by: 'system', state: 'escalated', toUnit: '500000' });
    now += MINUTE;
    expect(await hub.tickSla()).toBe(0);
    expect(await taskEvents(taskId)).toHaveLength(3);
  });

  it('leaves a task alone while its steps are on time, then flags only the late one', async () => {
    const taskId = await newTask(4);
    await run(district, { type: 'task.accept', taskId });
    await run(district, { type: 'task.arrive', taskId });
    now += 239 * MINUTE;
    await hub.tickSla(); // (the first test's task runs late on its later steps meanwhile)
    expect(await taskEvents(taskId)).toHaveLength(3);
    now += 1441 * MINUTE; // past close-by: flagged, not escalated (the work is under way)
    await hub.tickSla();
    const events = await taskEvents(taskId);
    expect(events.map((e) => e.type)).toEqual(['task.dispatched', 'task.accepted', 'task.arrived', 'task.overdue']);
    expect(events[3]).toMatchObject({ step: 'close', dueAt: expect.any(String) });
  });
});
