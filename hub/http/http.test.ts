// The HTTP API of a real hub: login and its rate limit, the bearer guard, units, catalogues,
// commands over HTTP, and input errors in the error envelope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../server';

let hub: RunningHub;
let dataDir: string;
let token: string;

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const get = (url: string, bearer = token) => fetch(`${hub.url}${url}`, { headers: { authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hub-http-'));
  hub = await startHub({ port: 0, dataDir, demo: true, demoPassword: 'pw-1', simulator: false, logger: false });
  token = ((await (await post('/api/v1/login', { username: 'd500103-duty', password: 'pw-1' })).json()) as { token: string }).token;
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('HTTP API', () => {
  it('answers /healthz', async () => {
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('logs in with the demo password and says who and where', async () => {
    const response = await post('/api/v1/login', { username: 'c500103001003-duty', password: 'pw-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token: expect.any(String), user: { username: 'c500103001003-duty', roles: ['duty'] }, unit: { code: '500103001003', level: 'community', name: '华一坡社区' } });
  });

  it('refuses wrong credentials, then rate-limits the username from that address', async () => {
    const wrong = await post('/api/v1/login', { username: 'city-leader', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
    for (let i = 0; i < 9; i++) await post('/api/v1/login', { username: 'city-leader', password: 'nope' });
    const limited = await post('/api/v1/login', { username: 'city-leader', password: 'pw-1' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await post('/api/v1/login', { username: 'city-duty', password: 'pw-1' })).status).toBe(200);
    expect((await post('/api/v1/login', { username: 'sim:500103', password: 'pw-1' })).status).toBe(401);
  });

  it('guards the API with the bearer token', async () => {
    for (const bearer of ['', 'garbage']) {
      const response = await get('/api/v1/units/500000', bearer);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('serves units and their children, 404 for unknown codes', async () => {
    expect(await (await get('/api/v1/units/500103')).json()).toEqual({ code: '500103', level: 'district', name: '渝中区', parent: '500000', centroid: [expect.any(Number), expect.any(Number)] });
    const districts = (await (await get('/api/v1/units/500000/children')).json()) as { level: string }[];
    expect(districts).toHaveLength(40);
    expect(districts.every((d) => d.level === 'district')).toBe(true);
    const missing = await get('/api/v1/units/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('lists the caller\'s cameras with HLS URLs, nearest first when asked', async () => {
    const near = (await (await get('/api/v1/cameras?near=106.577,29.557&limit=3')).json()) as { unit: string; hls: string }[];
    expect(near).toHaveLength(3);
    expect(near.every((c) => c.unit.startsWith('500103') && c.hls.startsWith(`${hub.url}/hls/cameras/`))).toBe(true);
    expect((await get('/api/v1/cameras?unit=500106')).status).toBe(403);
    expect((await get('/api/v1/cameras?near=oops')).status).toBe(400);
  });

  it('lists indicators and map layers within the caller\'s subtree', async () => {
    const indicators = (await (await get('/api/v1/indicators')).json()) as { unit: string; thresholds: object }[];
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((i) => i.unit.startsWith('500103'))).toBe(true);
    const risks = (await (await get('/api/v1/map/risk-points')).json()) as { unit: string }[];
    expect(risks.every((r) => r.unit.startsWith('500103'))).toBe(true);
    expect((await get('/api/v1/map/rescue-teams?unit=500000')).status).toBe(403);
  });

  it('takes commands over HTTP with the socket\'s acks', async () => {
    const body = { id: randomUUID(), type: 'incident.report', title: '路面塌陷', kind: 'collapse', board: 'facility', severity: 3, location: [106.577, 29.557] };
    const first = await post('/api/v1/commands', body, { authorization: `Bearer ${token}` });
    expect(first.status).toBe(200);
    const ack = await first.json();
    expect(ack).toMatchObject({ ok: true, incidentId: expect.any(String) });
    expect(await (await post('/api/v1/commands', body, { authorization: `Bearer ${token}` })).json()).toEqual(ack);
    const outside = await post('/api/v1/commands', { ...body, id: randomUUID(), location: [108.4, 30.8] }, { authorization: `Bearer ${token}` });
    expect(outside.status).toBe(403);
  });

  it('rejects malformed history queries with the failing field', async () => {
    const response = await get('/api/v1/snapshot?at=yesterday');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('at') } });
    expect((await get('/api/v1/events')).status).toBe(400);
  });
});

describe('HTTP API under hostile input', () => {
  const raw = (url: string, body: string) => fetch(`${hub.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers bad JSON and an oversized body in the error envelope, not fastify\'s', async () => {
    const badJson = await raw('/api/v1/login', '{"username":');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: { code: 'invalid', message: expect.stringContaining('JSON') } });
    const huge = await raw('/api/v1/login', JSON.stringify({ username: 'city-duty', password: 'p'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: { code: 'invalid', message: expect.stringContaining('larger') } });
  });

  it('answers unknown routes with 404 not_found in the envelope', async () => {
    const unknownApi = await get('/api/v1/no-such-thing');
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/v1/no-such-thing') } });
    expect(await (await fetch(`${hub.url}/nowhere`)).json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a NUL character in path, query and body with 400 invalid naming where', async () => {
    const inPath = await get('/api/v1/units/5001%0003');
    expect(inPath.status).toBe(400);
    expect(await inPath.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('code') } });
    const inQuery = await get('/api/v1/snapshot?at=2026%00');
    expect(await inQuery.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('at') } });
    const inBody = await post('/api/v1/login', { username: 'city\u0000duty', password: 'pw-1' });
    expect(inBody.status).toBe(400);
    expect(await inBody.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('username') } });
  });

  it('refuses a camera query point off the Earth, and answers one far from Chongqing', async () => {
    const offEarth = await get('/api/v1/cameras?near=999,999&limit=3');
    expect(offEarth.status).toBe(400);
    expect(await offEarth.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('near') } });
    const city = (await (await post('/api/v1/login', { username: 'city-duty', password: 'pw-1' })).json()) as { token: string };
    const beijing = await get('/api/v1/cameras?near=116.4,39.9&limit=3', city.token);
    expect(beijing.status).toBe(200);
    expect(await beijing.json()).toHaveLength(3);
  });
});
