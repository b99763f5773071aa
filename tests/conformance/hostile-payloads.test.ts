// Hostile input: hundreds of malformed commands, oversized ones, commands outside the caller's
// subtree or role, bad handshakes and bad HTTP. Each is refused with the right code, nothing
// changes, and the hub keeps serving.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../shared/protocol/common';
import { describeEachBackend, useHub } from '../support/backends';
import { commandOk, connectClient, handshakeError, rawCommand, schemaRejections, type Ack } from '../support/client';
import { rmSync } from 'node:fs';
import { CameraList } from '../../shared/protocol/cameras';
import { fetchAllEvents, http, startChildHub, tempDir, tokenFor, type ChildHub } from '../support/hub';
import { malformedCommands } from './hostile';
import { PLACES, UNITS, USERS, dispatchTask, incidentBody, reportIncident, useClients } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

const codeOf = (ack: Ack) => (ack.ok ? 'ok' : ack.error.code);

describeEachBackend('hostile payloads', (backend) => {
  const fx = useHub(backend);
  const c = useClients(fx);
  let before: unknown[];
  let cityTask: string;
  let districtTask: string;
  let incidentId: string;

  beforeAll(async () => {
    incidentId = (await reportIncident(c.city.socket)).incidentId;
    cityTask = (await dispatchTask(c.city.socket, incidentId, UNITS.otherStreet)).taskId;
    districtTask = (await dispatchTask(c.district.socket, incidentId, UNITS.street)).taskId;
    before = await fetchAllEvents(fx.hub.url, await fx.token(USERS.city));
  });

  it('refuses every malformed command with `invalid`', async () => {
    const payloads = malformedCommands();
    expect(payloads.length).toBeGreaterThan(300);
    const acks = await mapLimit(payloads, 8, async ({ payload }) => rawCommand(c.city.socket, payload, 10_000));
    const wrong = payloads.map((p, i) => ({ label: p.label, ack: acks[i]! })).filter(({ ack }) => codeOf(ack) !== 'invalid' || typeof (ack as { error?: { message?: unknown } }).error?.message !== 'string');
    expect(wrong.map((w) => `${w.label} → ${JSON.stringify(w.ack).slice(0, 200)}`)).toEqual([]);
  }, 60_000);

  it('names the failing field in the message', async () => {
    const ack = await rawCommand(c.city.socket, { id: randomUUID(), ...incidentBody(PLACES.huayipo, { board: 'nonsense' }) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('board') } });
  });

  it('refuses commands outside the caller\'s subtree or role with `forbidden`', async () => {
    const attempts: [keyof typeof c, Record<string, unknown>][] = [
      ['district', { type: 'task.dispatch', incidentId, toUnit: UNITS.otherDistrict }],
      ['district', { type: 'task.dispatch', incidentId, toUnit: UNITS.city }],
      ['district', { type: 'task.dispatch', incidentId, toUnit: UNITS.district }],
      ['district', { type: 'task.dispatch', incidentId, toUnit: '500112001' }],
      ['street', { type: 'task.dispatch', incidentId, toUnit: UNITS.district }],
      ['street', { type: 'task.dispatch', incidentId, toUnit: '500103003001' }],
      ['community', { type: 'task.dispatch', incidentId, toUnit: UNITS.street }],
      ['trainer', { type: 'task.dispatch', incidentId, toUnit: UNITS.street }],
      ['trainer', { type: 'task.close', taskId: cityTask }],
      ['trainer', { type: 'task.accept', taskId: districtTask }],
      ['street', { type: 'task.redispatch', taskId: districtTask, toUnit: UNITS.otherDistrict }],
      ['street', { type: 'task.redispatch', taskId: districtTask, toUnit: UNITS.otherStreet }],
      ['street', { type: 'task.close', taskId: districtTask }],
      ['street', { type: 'task.evaluate', taskId: districtTask, score: 5 }],
      ...(['task.accept', 'task.arrive', 'task.close', 'task.escalate'] as const).map((type) => ['community', { type, taskId: cityTask }] as [keyof typeof c, Record<string, unknown>]),
      ['community', { type: 'task.return', taskId: cityTask, reason: '不是我的' }],
      ['community', { type: 'task.feedback', taskId: cityTask, text: '冒充' }],
      ['community', { type: 'task.evaluate', taskId: cityTask, score: 1 }],
      ['community', { type: 'task.redispatch', taskId: cityTask, toUnit: UNITS.community }],
      ['street', { type: 'task.accept', taskId: cityTask }],
      ['district', { type: 'task.accept', taskId: districtTask }],
    ];
    const wrong: string[] = [];
    for (const [who, body] of attempts) {
      const ack = await rawCommand(c[who].socket, { id: randomUUID(), ...body });
      if (codeOf(ack) !== 'forbidden') wrong.push(`${USERS[who]} ${JSON.stringify(body)} → ${JSON.stringify(ack)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses bad handshakes with connect_error `unauthorized`', async () => {
    const good = await fx.token(USERS.city);
    const [body, signature] = good.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: 'city-duty', exp: Date.now() + 3_600_000 })).toString('base64url')}.${signature}`;
    const auths: unknown[] = [undefined, {}, { token: '' }, { token: 123 }, { token: null }, { token: ['a'] }, { token: 'x'.repeat(5_000) },
      { token: `${good}x` }, { token: `${body}.${signature}.extra` }, { token: forged }, { token: "' OR 1=1 --" }];
    for (const auth of auths) expect(await handshakeError(fx.hub.url, auth), JSON.stringify(auth)?.slice(0, 80)).toBe('unauthorized');
  });

  it('survives odd socket traffic: no ack callback, unknown events, a body over the transport limit', async () => {
    c.city.socket.emit('command', { id: randomUUID(), ...incidentBody(PLACES.huayipo, { severity: 'high' }) });
    c.city.socket.emit('command');
    c.city.socket.emit('nonsense', { a: 1 });
    c.city.socket.emit('event', { seq: 1, type: 'incident.reported' });
    const probe = await connectClient(fx.hub.url, await fx.token(USERS.city));
    const disconnected = new Promise<string>((resolve) => probe.socket.once('disconnect', () => resolve('disconnected')));
    const acked = rawCommand(probe.socket, { id: randomUUID(), ...incidentBody(), title: 'z'.repeat(3 * 1024 * 1024) }, 15_000).then(codeOf, () => 'no answer');
    const refused = await Promise.race([acked, disconnected]);
    probe.close();
    expect(['invalid', 'disconnected']).toContain(refused);
    expect((await http(fx.hub.url, '/healthz')).body).toEqual({ ok: true });
  });

  describe('HTTP', () => {
    const bad: [string, string, { method?: string; body?: string; headers?: Record<string, string>; auth?: boolean }, number[]][] = [
      ['login with bad JSON', '/api/v1/login', { body: '{"username":', headers: { 'content-type': 'application/json' } }, [400]],
      ['login with a JSON array', '/api/v1/login', { body: '[]', headers: { 'content-type': 'application/json' } }, [400]],
      ['login without a password', '/api/v1/login', { body: '{"username":"city-duty"}', headers: { 'content-type': 'application/json' } }, [400]],
      ['login with numbers', '/api/v1/login', { body: '{"username":1,"password":2}', headers: { 'content-type': 'application/json' } }, [400]],
      ['login with a 2 MiB body', '/api/v1/login', { body: JSON.stringify({ username: 'city-duty', password: 'p'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } }, [413]],
      ['login as text/plain', '/api/v1/login', { body: 'username=city-duty', headers: { 'content-type': 'text/plain' } }, [400, 415]],
      ['events since=abc', '/api/v1/events?since=abc', { auth: true }, [400]],
      ['events since=-1', '/api/v1/events?since=-1', { auth: true }, [400]],
      ['events since=1e999', '/api/v1/events?since=1e999', { auth: true }, [400]],
      ['events limit=0', '/api/v1/events?since=0&limit=0', { auth: true }, [400]],
      ['events limit=abc', '/api/v1/events?since=0&limit=abc', { auth: true }, [400]],
      ['events from=garbage', '/api/v1/events?from=garbage&to=2030-01-01T00:00:00Z', { auth: true }, [400]],
      ['snapshot at=garbage', '/api/v1/snapshot?at=yesterday', { auth: true }, [400]],
      ['cameras near=abc', '/api/v1/cameras?near=abc', { auth: true }, [400]],
      ['cameras limit=-5', '/api/v1/cameras?limit=-5', { auth: true }, [400]],
      ['cameras unit=injection', `/api/v1/cameras?unit=${encodeURIComponent("500103' OR '1'='1")}`, { auth: true }, [400]],
      ['a unit code that is injection', `/api/v1/units/${encodeURIComponent("' OR 1=1 --")}`, { auth: true }, [400, 404]],
      ['a 9 KB bearer token', '/api/v1/indicators', { headers: { authorization: `Bearer ${'a'.repeat(9_000)}` } }, [401, 431]],
    ];

    it.each(bad)('%s → refused with the error envelope', async (_label, path, options, statuses) => {
      const headers = { ...options.headers, ...(options.auth ? { authorization: `Bearer ${await fx.token(USERS.city)}` } : {}) };
      const res = await http(fx.hub.url, path, { method: options.method, body: options.body, headers });
      expect(statuses, `HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
      if (res.status !== 431) expect(ErrorResponse.safeParse(res.body).success, JSON.stringify(res.body).slice(0, 200)).toBe(true);
    });
  });

  it('changed nothing, and still serves a valid command afterwards', async () => {
    const token = await fx.token(USERS.city);
    expect(await fetchAllEvents(fx.hub.url, token)).toEqual(before);
    expect((await http(fx.hub.url, '/healthz')).body).toEqual({ ok: true });
    const last = (before.at(-1) as { seq: number }).seq;
    const ack = await commandOk(c.city.socket, incidentBody());
    expect(ack.seq).toBeGreaterThan(last);
    await c.district.waitForSeq(ack.seq);
  });

  // Runs after the no-change check: a NUL title may legitimately be stored.
  it('treats text holding a NUL byte as data or as invalid, never as an internal error', async () => {
    const report = codeOf(await rawCommand(c.city.socket, { id: randomUUID(), ...incidentBody(PLACES.huayipo, { title: 'nul\u0000title' }) }));
    expect(['ok', 'invalid']).toContain(report);
    const feedback = codeOf(await rawCommand(c.city.socket, { id: randomUUID(), type: 'task.feedback', taskId: 'nul\u0000task', text: 'x' }));
    expect(['not_found', 'invalid']).toContain(feedback);
  });
});

/**
 * Queries that could pin the hub's event loop run against a child-process hub, so a hang fails
 * this test after its timeout instead of freezing the test worker with it.
 */
describe('camera queries far from Chongqing', () => {
  let hub: ChildHub;
  let token: string;
  const dataDir = tempDir('hub-far-');
  beforeAll(async () => {
    hub = await startChildHub({ dataDir });
    token = await tokenFor(hub.url, USERS.city);
  }, 60_000);
  afterAll(async () => {
    await hub?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string) =>
    fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000) }).then(
      async (res) => ({ status: res.status, body: (await res.json()) as unknown }),
      (error: Error) => ({ status: 0, body: `no answer within 5 s (${error.name})` }),
    );

  it('answers a valid point far away (Beijing) promptly, nearest first', async () => {
    const res = await get('/api/v1/cameras?near=116.4,39.9&limit=3');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(CameraList.parse(res.body)).toHaveLength(3);
  }, 15_000);

  it('refuses a point that is not on Earth with 400 invalid, promptly', async () => {
    const res = await get('/api/v1/cameras?near=999,999&limit=3');
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(ErrorResponse.parse(res.body).error.code).toBe('invalid');
  }, 15_000);
});
