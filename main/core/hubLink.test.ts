import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import type { LinkStatus } from '../../shared/view/viewChannel';
import { HubLink } from './hubLink';
import { createLogger, Rejections } from './logger';
import { startFakeHub } from './testing/fakeHub';
import { waitFor } from './testing/waitFor';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function sample(id: string, value: number) {
  return { type: 'indicator.samples' as const, samples: [{ id, value, at: new Date().toISOString() }] };
}

async function setup(password = 'demo') {
  const hub = await startFakeHub();
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => lines.push(JSON.parse(l)) });
  const rejections = new Rejections(logger);
  const link = new HubLink({
    hubUrl: hub.url,
    username: 'city-duty',
    password,
    logger,
    rejections,
    commandTimeoutMs: 300,
    reconnect: { delayMs: 20, maxDelayMs: 100 },
  });
  const received: HubEvent[] = [];
  const statuses: LinkStatus[] = [];
  link.on('events', (batch) => received.push(...batch));
  link.on('status', (s) => statuses.push(s));
  cleanups.push(() => hub.close(), () => link.stop());
  return { hub, link, lines, rejections, received, statuses };
}

describe('HubLink', () => {
  it('logs in, receives the backlog and live events in order', async () => {
    const { hub, link, received, statuses } = await setup();
    hub.publish(sample('a', 1));
    hub.publish(sample('a', 2));
    link.start();
    await waitFor(() => link.status().state === 'connected');
    hub.publish(sample('a', 3));
    await waitFor(() => received.length === 3);
    expect(received.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(link.status().lastSeq).toBe(3);
    expect(statuses.map((s) => s.state)).toContain('connected');
    expect(link.session()?.unit.code).toBe('500000');
  });

  it('logs a malformed event with its field, skips it and keeps going', async () => {
    const { hub, link, lines, rejections, received } = await setup();
    link.start();
    await waitFor(() => link.status().state === 'connected');
    hub.pushRaw({ seq: 7, ts: new Date().toISOString(), type: 'indicator.samples', samples: 'nope' });
    hub.pushRaw('garbage');
    hub.publish(sample('a', 1)); // seq 1 < 7: the skipped event already moved lastSeq on
    hub.pushRaw({ ...sample('b', 2), seq: 8, ts: new Date().toISOString() });
    await waitFor(() => received.length === 1);
    expect(received[0]!.seq).toBe(8);
    const rejected = lines.filter((l) => l.msg === 'rejected');
    expect(rejected[0]).toMatchObject({ source: 'hub:event', field: 'samples', seq: 7 });
    expect(rejected[1]).toMatchObject({ source: 'hub:event', field: '(root)' });
    expect(rejections.bySource()['hub:event']).toBe(2);
    expect(link.counters()).toMatchObject({ rejected: 2, duplicates: 1, received: 1 });
    expect(link.status().state).toBe('connected');
  });

  it('resumes from the last seq after the hub drops the socket, with no duplicate', async () => {
    const { hub, link, received } = await setup();
    link.start();
    await waitFor(() => link.status().state === 'connected');
    hub.publish(sample('a', 1));
    await waitFor(() => received.length === 1);
    hub.revokeTokens();
    hub.disconnectAll(); // 'io server disconnect': the link must log in again and reconnect itself
    hub.publish(sample('a', 2));
    hub.publish(sample('a', 3));
    await waitFor(() => received.length === 3, 5000, 'resumed events');
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(hub.logins).toBe(2);
  });

  it('reports unauthorized when the credentials are refused, and then asks again only slowly', async () => {
    const { hub, link, statuses } = await setup('wrong');
    link.start();
    await waitFor(() => statuses.some((s) => s.state === 'unauthorized'));
    expect(link.status().detail).toBe("the hub refused the wall's credentials (login as city-duty answered 401)");
    await new Promise((r) => setTimeout(r, 300)); // the 20 ms backoff would have asked many times
    expect(hub.loginRefusals).toBe(1);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'unauthorized']);
  });

  it('sends a command and validates the ack; rejects when offline or unanswered', async () => {
    const { hub, link } = await setup();
    const command = { id: randomUUID(), type: 'incident.report' as const, title: '积水', kind: 'flood', board: 'emergency' as const, severity: 2, location: [106.5, 29.5] as [number, number] };
    await expect(link.send(command)).rejects.toMatchObject({ code: 'unavailable' });
    link.start();
    await waitFor(() => link.status().state === 'connected');
    await expect(link.send(command)).resolves.toMatchObject({ ok: true, seq: 1, incidentId: 'inc-1' });
    hub.onCommand(() => null);
    await expect(link.send({ ...command, id: randomUUID() })).rejects.toThrow(/no ack/);
  });

  it('logs in again when a command is refused as unauthorized, and the retry goes through', async () => {
    const { hub, link, received } = await setup();
    link.start();
    await waitFor(() => link.status().state === 'connected');
    hub.revokeTokens(); // the session expired while the socket stayed open
    const command = { id: randomUUID(), type: 'incident.report' as const, title: '积水', kind: 'flood', board: 'emergency' as const, severity: 2, location: [106.5, 29.5] as [number, number] };
    await expect(link.send(command)).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await waitFor(() => hub.logins === 2 && link.status().state === 'connected');
    await expect(link.send(command)).resolves.toMatchObject({ ok: true });
    await waitFor(() => received.length === 1);
  });

  it('renews its session before the token expires', async () => {
    const hub = await startFakeHub({ tokenTtlMs: 2500 });
    const link = new HubLink({ hubUrl: hub.url, username: 'city-duty', password: 'demo', reconnect: { delayMs: 20, maxDelayMs: 100 } });
    cleanups.push(() => hub.close(), () => link.stop());
    link.start();
    await waitFor(() => link.status().state === 'connected');
    await waitFor(() => hub.logins === 2 && link.status().state === 'connected', 4000, 'a renewed session');
  });

  it('fetches JSON with the bearer token and logs in again on 401', async () => {
    const { hub, link } = await setup();
    link.start();
    await waitFor(() => link.status().state === 'connected');
    hub.revokeTokens();
    const body = await link.fetchJson('/api/v1/indicators');
    expect(body).toEqual([expect.objectContaining({ id: 'aqi' })]);
    await expect(link.fetchJson('/api/v1/nothing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
