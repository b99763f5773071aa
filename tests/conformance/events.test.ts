// PROTOCOL.md, Events and History: seq order, scope, resume with auth.since, paging, time
// ranges and snapshots. The hub runs on a test clock so instants are exact.
import { afterAll, describe, expect, it } from 'vitest';
import { EventPage, type HubEvent } from '../../shared/protocol/events';
import { ErrorResponse } from '../../shared/protocol/common';
import { Snapshot } from '../../shared/state/wallState';
import { describeEachBackend, useHub } from '../support/backends';
import { commandOk, connectClient, schemaRejections } from '../support/client';
import { fetchAllEvents, http } from '../support/hub';
import { PLACES, UNITS, USERS, dispatchTask, incidentBody, reportIncident, useClients } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

function expectStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]!, `seq at ${i} after ${values[i - 1]}`).toBeGreaterThan(values[i - 1]!);
}

describeEachBackend('events', (backend) => {
  const clock = { t: Date.now() };
  const fx = useHub(backend, { now: () => clock.t });
  const c = useClients(fx, ['city', 'district', 'street']);

  it('numbers events with a strictly increasing seq and an ISO time', async () => {
    for (let i = 0; i < 5; i++) await reportIncident(c.city.socket, i % 2 ? PLACES.yubei : PLACES.huayipo);
    const all = await fetchAllEvents(fx.hub.url, await fx.token(USERS.city));
    expect(all.length).toBeGreaterThanOrEqual(5);
    expectStrictlyIncreasing(seqs(all));
    expectStrictlyIncreasing(seqs(c.city.events));
    for (const event of all) expect(Number.isNaN(Date.parse(event.ts))).toBe(false);
  });

  it('sends a client only the events of its own subtree; the city gets both', async () => {
    const elsewhere = await reportIncident(c.city.socket, PLACES.yubei);
    const here = await reportIncident(c.city.socket, PLACES.huayipo);
    // Events arrive in seq order, so once the later one is here the earlier one would have been too.
    await c.district.waitForSeq(here.seq);
    await c.city.waitForSeq(here.seq);
    const incidentIds = (events: HubEvent[]) => events.filter((e) => e.type === 'incident.reported').map((e) => (e as { incidentId: string }).incidentId);
    expect(incidentIds(c.district.events)).toContain(here.incidentId);
    expect(incidentIds(c.district.events)).not.toContain(elsewhere.incidentId);
    expect(incidentIds(c.city.events)).toEqual(expect.arrayContaining([here.incidentId, elsewhere.incidentId]));
    const districtHistory = await fetchAllEvents(fx.hub.url, await fx.token(USERS.district));
    expect(incidentIds(districtHistory)).not.toContain(elsewhere.incidentId);
    expect(incidentIds(districtHistory)).toContain(here.incidentId);
    // Live and history agree on what the district may see.
    expect(seqs(c.district.events)).toEqual(seqs(districtHistory));
  });

  it('resumes from auth.since with exactly the events after it, then live ones', async () => {
    const reported = [];
    for (let i = 0; i < 6; i++) reported.push(await reportIncident(c.city.socket));
    const since = reported[2]!.seq;
    const token = await fx.token(USERS.street);
    const resumed = await connectClient(fx.hub.url, token, { since });
    try {
      await resumed.waitForSeq(reported[5]!.seq);
      const live = await reportIncident(c.city.socket);
      await resumed.waitForSeq(live.seq);
      const expected = await fetchAllEvents(fx.hub.url, token, since);
      expect(seqs(resumed.events)).toEqual(seqs(expected));
      expect(resumed.events).toEqual(expected);
      expect(resumed.events[0]!.seq).toBeGreaterThan(since);
    } finally {
      resumed.close();
    }
  });

  it('has no gap and no duplicate when a client resumes in the middle of a burst', async () => {
    const token = await fx.token(USERS.district);
    const since = (await fetchAllEvents(fx.hub.url, token)).at(-1)?.seq ?? 0;
    const burst = Array.from({ length: 40 }, (_, i) => commandOk(c.city.socket, incidentBody(i % 3 ? PLACES.huayipo : PLACES.yubei)));
    const joining = connectClient(fx.hub.url, token, { since });
    const acks = await Promise.all(burst);
    const client = await joining;
    try {
      const last = Math.max(...acks.map((a) => a.seq));
      const expected = await fetchAllEvents(fx.hub.url, token, since);
      await client.waitForSeq(expected.at(-1)!.seq);
      expect(seqs(client.events)).toEqual(seqs(expected));
      expect(expected.at(-1)!.seq).toBeLessThanOrEqual(last);
    } finally {
      client.close();
    }
  });

  it('pages GET /api/v1/events with limit and next', async () => {
    const token = await fx.token(USERS.city);
    const everything = await fetchAllEvents(fx.hub.url, token, 0, 5_000);
    expect(everything.length).toBeGreaterThan(10);
    const first = await http(fx.hub.url, '/api/v1/events?since=0&limit=3', { token });
    expect(first.status).toBe(200);
    const page = EventPage.parse(first.body);
    expect(page.events).toHaveLength(3);
    expect(page.next).toBe((page.events[2] as HubEvent).seq);
    const paged = await fetchAllEvents(fx.hub.url, token, 0, 3);
    expect(paged).toEqual(everything);
    const tail = await http(fx.hub.url, `/api/v1/events?since=${everything.at(-1)!.seq}&limit=3`, { token });
    expect(tail.body).toEqual({ events: [], next: null });
  });

  it('answers ?from&to with the events of that time range', async () => {
    const start = clock.t;
    clock.t = start + MINUTE;
    const a = await reportIncident(c.city.socket);
    clock.t = start + 2 * MINUTE;
    const b = await reportIncident(c.city.socket);
    clock.t = start + 3 * MINUTE;
    const d = await reportIncident(c.city.socket);
    const token = await fx.token(USERS.city);
    const res = await http(fx.hub.url, `/api/v1/events?from=${iso(start + 1.5 * MINUTE)}&to=${iso(start + 2.5 * MINUTE)}`, { token });
    expect(res.status).toBe(200);
    const page = EventPage.parse(res.body);
    expect(seqs(page.events as HubEvent[])).toEqual([b.seq]);
    expect(page.next).toBeNull();
    const wide = EventPage.parse((await http(fx.hub.url, `/api/v1/events?from=${iso(start + 0.5 * MINUTE)}&to=${iso(start + 3.5 * MINUTE)}`, { token })).body);
    expect(seqs(wide.events as HubEvent[])).toEqual([a.seq, b.seq, d.seq]);
    const malformed = await http(fx.hub.url, `/api/v1/events?from=${iso(start + 3 * MINUTE)}&to=not-a-time`, { token });
    expect(malformed.status).toBe(400);
    expect(ErrorResponse.parse(malformed.body).error.code).toBe('invalid');
  });

  it('answers GET /api/v1/snapshot?at= with the state at that instant and the seq it reflects', async () => {
    const start = (clock.t += 10 * MINUTE);
    const first = await reportIncident(c.city.socket);
    const task = await dispatchTask(c.city.socket, first.incidentId, UNITS.street);
    clock.t = start + MINUTE;
    await commandOk(c.street.socket, { type: 'task.accept', taskId: task.taskId });
    clock.t = start + 2 * MINUTE;
    const second = await reportIncident(c.city.socket);
    const token = await fx.token(USERS.city);

    const early = await http(fx.hub.url, `/api/v1/snapshot?at=${iso(start + 30_000)}`, { token });
    expect(early.status).toBe(200);
    const before = Snapshot.parse(early.body);
    expect(before.seq).toBe(task.seq);
    expect(before.incidents[first.incidentId]).toMatchObject({ status: 'open' });
    expect(before.incidents[second.incidentId]).toBeUndefined();
    expect(before.tasks[task.taskId]).toMatchObject({ state: 'dispatched', toUnit: UNITS.street });

    const later = Snapshot.parse((await http(fx.hub.url, `/api/v1/snapshot?at=${iso(start + 2 * MINUTE)}`, { token })).body);
    expect(later.seq).toBe(second.seq);
    expect(later.tasks[task.taskId]).toMatchObject({ state: 'accepted' });
    expect(later.incidents[second.incidentId]).toBeDefined();
  });

  describe('auth.since', () => {
    it('is scoped: resuming from 0 replays only the client\'s subtree', async () => {
      const token = await fx.token(USERS.district);
      const client = await connectClient(fx.hub.url, token, { since: 0 });
      try {
        const expected = await fetchAllEvents(fx.hub.url, token);
        await client.waitForSeq(expected.at(-1)!.seq);
        expect(seqs(client.events)).toEqual(seqs(expected));
        for (const event of client.events) {
          if (event.type === 'incident.reported') expect(event.units).toContain(UNITS.district);
        }
      } finally {
        client.close();
      }
    });
  });
});
