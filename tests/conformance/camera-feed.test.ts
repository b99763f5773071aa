// PROTOCOL.md, Cameras — test and demo extension: `POST /api/v1/cameras/:id/feed` takes a camera's
// feed down and brings it back, with the same durable, pushed `camera.status` event the
// simulator's flaps append; refused outside demo mode (unless HUB_TEST_CONTROLS) and to roles
// other than trainer and admin.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraList } from '../../shared/protocol/cameras';
import { ErrorResponse } from '../../shared/protocol/common';
import { Snapshot } from '../../shared/state/wallState';
import { createAccount } from '../../hub/auth/accounts';
import { openStore } from '../../hub/store/openStore';
import { describeEachBackend, useHub } from '../support/backends';
import { connectClient, schemaRejections, type EventClient } from '../support/client';
import { fetchAllEvents, http, startTestHub, tempDir, type TestHub } from '../support/hub';
import { USERS } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

const feedPath = (id: string) => `/api/v1/cameras/${encodeURIComponent(id)}/feed`;

/** The camera's 360p live playlist, once the hub serves video (clips are encoded on first use). */
async function livePlaylist(hls: string): Promise<string> {
  const url = new URL(hls);
  url.pathname = url.pathname.replace(/master\.m3u8$/, '360p/live.m3u8');
  for (let tries = 0; ; tries++) {
    const response = await fetch(url);
    if (response.status === 200) return response.text();
    if (response.status !== 503 || tries > 150) throw new Error(`${url}: HTTP ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const mediaSequence = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)![1]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachBackend('camera feed control (demo mode)', (backend) => {
  const fx = useHub(backend);
  let city: EventClient;
  let camera: { id: string; hls: string };

  beforeAll(async () => {
    city = await connectClient(fx.hub.url, await fx.token(USERS.city), { since: 0 });
    const res = await http(fx.hub.url, '/api/v1/cameras?unit=500103&limit=1', { token: await fx.token(USERS.city) });
    camera = CameraList.parse(res.body)[0]!;
  }, 60_000);
  afterAll(() => city?.close());

  it('takes a camera down: the camera.status event is pushed and kept, and its live playlist stops advancing', async () => {
    const before = await livePlaylist(camera.hls);
    const res = await http(fx.hub.url, feedPath(camera.id), { token: await fx.token(USERS.trainer), json: { state: 'offline' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cameraId: camera.id, state: 'offline', seq: expect.any(Number) });
    const { seq } = res.body as { seq: number };

    const pushed = await city.waitFor((e) => e.seq === seq);
    expect(pushed).toMatchObject({ type: 'camera.status', cameraId: camera.id, status: 'offline' });
    const kept = (await fetchAllEvents(fx.hub.url, await fx.token(USERS.city))).find((e) => e.seq === seq);
    expect(kept).toMatchObject({ type: 'camera.status', cameraId: camera.id, status: 'offline' });
    const snapshot = Snapshot.parse((await http(fx.hub.url, '/api/v1/snapshot', { token: await fx.token(USERS.city) })).body);
    expect(snapshot.cameras[camera.id]).toBe('offline');

    const frozen = await livePlaylist(camera.hls);
    expect(mediaSequence(frozen)).toBeGreaterThanOrEqual(mediaSequence(before));
    await sleep(2500);
    expect(await livePlaylist(camera.hls)).toBe(frozen);
  }, 180_000);

  it('answers a second "offline" with no new event', async () => {
    const res = await http(fx.hub.url, feedPath(camera.id), { token: await fx.token(USERS.trainer), json: { state: 'offline' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cameraId: camera.id, state: 'offline', seq: null });
  });

  it('brings it back live: an online event, and the playlist carries on at the live edge after a discontinuity', async () => {
    const frozen = await livePlaylist(camera.hls);
    await sleep(3000);
    const res = await http(fx.hub.url, feedPath(camera.id), { token: await fx.token(USERS.trainer), json: { state: 'live' } });
    expect(res.status).toBe(200);
    const { seq } = res.body as { seq: number };
    expect(await city.waitFor((e) => e.seq === seq)).toMatchObject({ type: 'camera.status', cameraId: camera.id, status: 'online' });

    await sleep(1500);
    const back = await livePlaylist(camera.hls);
    const lastFrozenDate = [...frozen.matchAll(/#EXT-X-PROGRAM-DATE-TIME:\S+/g)].at(-1)![0];
    const lines = back.trim().split('\n');
    expect(lines.indexOf(lastFrozenDate), back).toBeGreaterThan(0);
    expect(lines[lines.indexOf(lastFrozenDate) + 3]).toBe('#EXT-X-DISCONTINUITY');
    const newest = Date.parse([...back.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)].at(-1)![1]!);
    expect(Date.now() - newest).toBeLessThan(3000);
    expect(Date.parse(lastFrozenDate.slice(25))).toBeLessThan(newest - 3000);
  }, 60_000);

  it('stalls a camera silently: the playlist freezes with no event, and thaws at the live edge with no event either', async () => {
    const res = await http(fx.hub.url, '/api/v1/cameras?unit=500103&limit=2', { token: await fx.token(USERS.city) });
    const quiet = CameraList.parse(res.body)[1]!;
    await livePlaylist(quiet.hls);
    const seqBefore = (await fetchAllEvents(fx.hub.url, await fx.token(USERS.city))).filter((e) => e.type === 'camera.status' && e.cameraId === quiet.id).length;

    const stall = await http(fx.hub.url, feedPath(quiet.id), { token: await fx.token(USERS.trainer), json: { state: 'stalled' } });
    expect(stall.status).toBe(200);
    expect(stall.body).toEqual({ cameraId: quiet.id, state: 'stalled', seq: null });
    const frozen = await livePlaylist(quiet.hls);
    await sleep(2500);
    expect(await livePlaylist(quiet.hls)).toBe(frozen);
    const snapshot = Snapshot.parse((await http(fx.hub.url, '/api/v1/snapshot', { token: await fx.token(USERS.city) })).body);
    expect(snapshot.cameras[quiet.id]).not.toBe('offline');

    const thaw = await http(fx.hub.url, feedPath(quiet.id), { token: await fx.token(USERS.trainer), json: { state: 'live' } });
    expect(thaw.body).toEqual({ cameraId: quiet.id, state: 'live', seq: null });
    await sleep(1500); // the first new segment completes within a segment's duration
    const back = await livePlaylist(quiet.hls);
    expect(back).toContain('#EXT-X-DISCONTINUITY\n');
    const newest = Date.parse([...back.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/g)].at(-1)![1]!);
    expect(Date.now() - newest).toBeLessThan(3000);
    const seqAfter = (await fetchAllEvents(fx.hub.url, await fx.token(USERS.city))).filter((e) => e.type === 'camera.status' && e.cameraId === quiet.id).length;
    expect(seqAfter).toBe(seqBefore);
  }, 180_000);

  it.each([
    ['a duty officer', USERS.city],
    ['a leader', USERS.leader],
    ['a district duty officer', USERS.district],
  ])('refuses %s with forbidden', async (_who, username) => {
    const res = await http(fx.hub.url, feedPath(camera.id), { token: await fx.token(username), json: { state: 'offline' } });
    expect(res.status).toBe(403);
    expect(ErrorResponse.parse(res.body).error.code).toBe('forbidden');
  });

  it('needs a bearer token', async () => {
    const res = await http(fx.hub.url, feedPath(camera.id), { json: { state: 'offline' } });
    expect(res.status).toBe(401);
    expect(ErrorResponse.parse(res.body).error.code).toBe('unauthorized');
  });

  it.each([
    ['an unknown state', { state: 'down' }, /^state: /],
    ['no state', {}, /^state: /],
    ['an extra field', { state: 'offline', camera: 'x' }, /^\(root\): .*camera/],
  ])('refuses %s with invalid naming the field', async (_what, body, message) => {
    const res = await http(fx.hub.url, feedPath(camera.id), { token: await fx.token(USERS.trainer), json: body });
    expect(res.status).toBe(400);
    const { error } = ErrorResponse.parse(res.body);
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
  });

  it('answers not_found for an unknown camera', async () => {
    const res = await http(fx.hub.url, feedPath('no-such-camera'), { token: await fx.token(USERS.trainer), json: { state: 'offline' } });
    expect(res.status).toBe(404);
    expect(ErrorResponse.parse(res.body).error.code).toBe('not_found');
  });
});

describe('camera feed control outside demo mode', () => {
  const hubs: TestHub[] = [];
  afterAll(async () => {
    for (const hub of hubs) {
      await hub.close();
      rmSync(hub.dataDir, { recursive: true, force: true });
    }
  });

  /** A hub with no demo accounts and one trainer account made by hand. */
  async function hubWithTrainer(testControls: boolean): Promise<{ hub: TestHub; token: string }> {
    const dataDir = tempDir();
    const store = await openStore({ dataDir });
    await createAccount(store, { username: 'ops-trainer', unit: '500000', roles: ['trainer'], password: 'pw-trainer' }, Date.now());
    await store.close();
    const hub = await startTestHub({ dataDir, demo: false, testControls });
    hubs.push(hub);
    const login = await http(hub.url, '/api/v1/login', { json: { username: 'ops-trainer', password: 'pw-trainer' } });
    return { hub, token: (login.body as { token: string }).token };
  }

  it('refuses a trainer with forbidden when test controls are off, and writes no event', async () => {
    const { hub, token } = await hubWithTrainer(false);
    const [camera] = CameraList.parse((await http(hub.url, '/api/v1/cameras?limit=1', { token })).body);
    const res = await http(hub.url, feedPath(camera!.id), { token, json: { state: 'offline' } });
    expect(res.status).toBe(403);
    expect(ErrorResponse.parse(res.body).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('HUB_TEST_CONTROLS') });
    expect(await fetchAllEvents(hub.url, token)).toEqual([]);
  });

  it('lets a trainer use them with HUB_TEST_CONTROLS', async () => {
    const { hub, token } = await hubWithTrainer(true);
    const [camera] = CameraList.parse((await http(hub.url, '/api/v1/cameras?limit=1', { token })).body);
    const res = await http(hub.url, feedPath(camera!.id), { token, json: { state: 'offline' } });
    expect(res.status).toBe(200);
    expect(await fetchAllEvents(hub.url, token)).toMatchObject([{ type: 'camera.status', cameraId: camera!.id, status: 'offline' }]);
  });
});
