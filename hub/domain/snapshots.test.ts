// Snapshots at past instants equal folding the log from the start, with and without checkpoints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import { loadIndicators } from '../catalog';
import { startHub, type RunningHub } from '../server';

let now = Date.parse('2026-03-01T08:00:00Z');
let hub: RunningHub;
let dataDir: string;
const city = { username: 'city-duty', unit: '500000', roles: ['duty' as const] };

async function snapshot(username: string, at: number): Promise<WallState> {
  const login = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${hub.url}/api/v1/snapshot?at=${new Date(at).toISOString()}`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as WallState;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-snap-'));
  hub = await startHub({ port: 0, dataDir, demo: true, simulator: false, logger: false, now: () => now, checkpointEvery: 7 });
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('snapshots', () => {
  it('give the state at any past instant, scoped to the caller', async () => {
    const [yuzhong, other] = [loadIndicators(1).find((i) => i.unit === '500103')!, loadIndicators(1).find((i) => i.unit === '500101')!];
    const instants: number[] = [];
    let incidentId = '';
    for (let i = 0; i < 30; i++) {
      now += 1000;
      if (i === 3) incidentId = ((await hub.execute(city, { id: randomUUID(), type: 'incident.report', title: 't', kind: 'fire', board: 'emergency', severity: 2, location: [106.577, 29.557] })) as { incidentId: string }).incidentId;
      else if (i === 20) await hub.execute(city, { id: randomUUID(), type: 'incident.close', incidentId });
      else await hub.appendSystemEvent({ type: 'indicator.samples', samples: [{ id: yuzhong.id, value: i, at: new Date(now).toISOString() }, { id: other.id, value: -i, at: new Date(now).toISOString() }] });
      instants.push(now);
    }
    const log = (await hub.store.eventsAfter(0, 1000)).map((s) => s.event);
    for (const at of [instants[2]!, instants[10]!, instants[25]!, now + 5000]) {
      const expected = reduceEvents(emptyWallState(), log.filter((e) => Date.parse(e.ts) <= at));
      expect(await snapshot('city-duty', at)).toEqual(expected);
    }
    expect((await snapshot('city-duty', instants[10]!)).incidents[incidentId]?.status).toBe('open');
    expect((await snapshot('city-duty', instants[25]!)).incidents[incidentId]?.status).toBe('closed');
    const district = await snapshot('d500103-duty', instants[10]!);
    expect(Object.keys(district.indicators)).toEqual([yuzhong.id]);
    expect(district.incidents[incidentId]).toBeDefined();
    const elsewhere = await snapshot('s500103001-duty', instants[10]!);
    expect(Object.keys(elsewhere.indicators)).toEqual([]);
  });
});
