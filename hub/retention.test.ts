// Sample retention in a running hub, against a fake clock: old samples leave the log, incidents,
// tasks and acks stay, history stays ordered, old snapshots keep their incidents and tasks, and a
// client resuming from a deleted seq gets what remains, then live events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPage, HubEvent } from '../shared/protocol/events';
import type { WallState } from '../shared/state/wallState';
import type { Principal } from './auth/accounts';
import { startHub, type RunningHub } from './server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const INDICATOR = '500103.fluoride.1';
const city: Principal = { username: 'city-duty', unit: '500000', roles: ['duty'] };

let now = T0;
let hub: RunningHub;
let dataDir: string;
let token: string;
let socket: Socket | undefined;

const at = (ms: number) => new Date(ms).toISOString();
const get = async <T>(url: string) => (await (await fetch(`${hub.url}${url}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;

async function run(body: Record<string, unknown>) {
  const ack = await hub.execute(city, { id: randomUUID(), ...body });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack as { seq: number; incidentId?: string; taskId?: string };
}

async function samplesAt(ms: number, value: number): Promise<HubEvent> {
  now = ms;
  return hub.appendSystemEvent({ type: 'indicator.samples', samples: [{ id: INDICATOR, value, at: at(ms) }] });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let incidentId: string;
let taskId: string;
let firstSampleSeq: number;
let recentSeq: number;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-retention-'));
  const options = { port: 0, dataDir, demo: true, simulator: false, logger: false, now: () => now, slaTickMs: HOUR, tokenTtlMs: 1000 * HOUR };
  hub = await startHub({ ...options, checkpointEvery: 1, retentionIntervalMs: HOUR });
  const login = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-duty', password: 'demo' }) });
  token = ((await login.json()) as { token: string }).token;

  incidentId = (await run({ type: 'incident.report', title: '管网爆裂', kind: 'water', board: 'emergency', severity: 2, location: [106.577, 29.557] })).incidentId!;
  firstSampleSeq = (await samplesAt(T0 + 10 * MINUTE, 1)).seq;
  await samplesAt(T0 + 20 * MINUTE, 2);
  await samplesAt(T0 + 70 * MINUTE, 3);
  now = T0 + 75 * MINUTE;
  taskId = (await run({ type: 'task.dispatch', incidentId, toUnit: '500103' })).taskId!;
  recentSeq = (await samplesAt(T0 + 80 * HOUR, 9)).seq;
  // Checkpoints (one per event here) are written behind the feed: wait for the last one.
  await until(async () => (await hub.store.checkpointAtOrBefore(recentSeq))?.seq === recentSeq, 'the last checkpoint');
});

afterAll(async () => {
  socket?.disconnect();
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sample retention in the hub', () => {
  it('deletes samples older than 72 h, keeps incidents, tasks and acks, and a second pass finds nothing', async () => {
    const pass = await hub.runRetention();
    expect(pass.samples).toBe(3);
    expect(pass.checkpoints).toBeGreaterThan(0);
    const page = await get<EventPage>('/api/v1/events?since=0&limit=100');
    const seqs = page.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(page.events.filter((e) => e.type === 'indicator.samples').map((e) => e.seq)).toEqual([recentSeq]);
    expect(page.events.map((e) => e.type)).toEqual(expect.arrayContaining(['incident.reported', 'task.dispatched']));
    expect(await hub.store.getIncident(incidentId)).toMatchObject({ status: 'open' });
    expect(await hub.store.getTask(taskId)).toMatchObject({ state: 'dispatched' });
    expect(await hub.runRetention()).toEqual({ samples: 0, checkpoints: 0 });
  });

  it('answers a snapshot at an old instant with its incidents and tasks, indicators from the last kept checkpoint', async () => {
    const beforeTask = await get<WallState>(`/api/v1/snapshot?at=${at(T0 + 72 * MINUTE)}`);
    expect(Object.keys(beforeTask.incidents)).toEqual([incidentId]);
    expect(beforeTask.tasks).toEqual({});
    expect(beforeTask.indicators[INDICATOR]?.value).toBe(2); // the 20-minute checkpoint: the last one of its hour
    const afterTask = await get<WallState>(`/api/v1/snapshot?at=${at(T0 + 76 * MINUTE)}`);
    expect(Object.keys(afterTask.tasks)).toEqual([taskId]);
    expect(afterTask.indicators[INDICATOR]?.value).toBe(3);
    const latest = await get<WallState>('/api/v1/snapshot');
    expect(latest.indicators[INDICATOR]?.value).toBe(9);
  });

  it('resumes a client from a deleted seq with the events that remain, in order, then live ones', async () => {
    const received: HubEvent[] = [];
    socket = connect(hub.url, { auth: { token, since: firstSampleSeq }, transports: ['websocket'], reconnection: false });
    socket.on('event', (e: HubEvent) => received.push(e));
    socket.on('events', (es: HubEvent[]) => received.push(...es));
    await until(() => received.at(-1)?.seq === recentSeq, 'the backlog');
    const live = await hub.appendSystemEvent({ type: 'camera.status', cameraId: 'cam-1', status: 'offline' });
    await until(() => received.at(-1)?.seq === live.seq, 'the live event');
    const remaining = (await hub.store.eventsAfter(firstSampleSeq, 100)).map((s) => s.event.seq);
    expect(received.map((e) => e.seq)).toEqual(remaining);
    expect(received.map((e) => e.type)).toContain('task.dispatched');
  });
});
