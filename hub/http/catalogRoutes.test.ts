// A hub started on a real platform's camera file (HUB_CAMERAS_FILE): the camera list carries the
// platform's own URLs with the usual filters and scope, the hub serves no video, and a bad file
// stops the hub from starting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../shared/protocol/cameras';
import { startHub, type RunningHub } from '../server';

const camerasFile = path.join(import.meta.dirname, '../../resources/cameras.example.json');
const tempDir = mkdtempSync(path.join(tmpdir(), 'hub-camera-file-'));
let hub: RunningHub;
const tokens = new Map<string, string>();

async function login(username: string): Promise<string> {
  const response = await fetch(`${hub.url}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'pw-1' }),
  });
  return ((await response.json()) as { token: string }).token;
}
const get = (url: string, username = 'city-duty') => fetch(`${hub.url}${url}`, { headers: { authorization: `Bearer ${tokens.get(username)}` } });
const ids = async (url: string, username?: string) => ((await (await get(url, username)).json()) as Camera[]).map((c) => c.id);

beforeAll(async () => {
  hub = await startHub({ port: 0, dataDir: path.join(tempDir, 'hub'), demo: true, demoPassword: 'pw-1', simulator: false, logger: false, camerasFile });
  for (const username of ['city-duty', 'd500103-duty', 'trainer']) tokens.set(username, await login(username));
});
afterAll(async () => {
  await hub?.close();
  rmSync(tempDir, { recursive: true, force: true });
});

describe('cameras from a camera file', () => {
  it('lists the file’s cameras, each with its own platform URL untouched', async () => {
    const response = await get('/api/v1/cameras');
    expect(response.status).toBe(200);
    const cameras = (await response.json()) as Camera[];
    expect(cameras).toHaveLength(3);
    expect(cameras[0]).toEqual({
      id: 'cq-yz-jiefangbei-01',
      name: '解放碑步行街 纪念碑全景',
      unit: '500103003017',
      location: [106.577, 29.5573],
      hls: 'https://video.example.gov.cn/live/cq-yz-jiefangbei-01/index.m3u8',
    });
    expect(cameras.every((c) => c.hls.startsWith('https://video.example.gov.cn/') && !c.hls.includes(hub.url))).toBe(true);
  });

  it('applies near, unit and limit, and keeps a district to its own subtree', async () => {
    expect(await ids('/api/v1/cameras?near=106.5772,29.5571&limit=2')).toEqual(['cq-yz-jiefangbei-01', 'cq-yz-chaotianmen-01']);
    expect(await ids('/api/v1/cameras?unit=500105')).toEqual(['cq-jb-guanyinqiao-01']);
    expect(await ids('/api/v1/cameras?unit=500105&near=106.5772,29.5571')).toEqual(['cq-jb-guanyinqiao-01']);
    expect(await ids('/api/v1/cameras?limit=1')).toEqual(['cq-yz-jiefangbei-01']);
    expect(await ids('/api/v1/cameras', 'd500103-duty')).toEqual(['cq-yz-jiefangbei-01', 'cq-yz-chaotianmen-01']);
    expect((await get('/api/v1/cameras?unit=500105', 'd500103-duty')).status).toBe(403);
  });

  it('finds the file’s cameras by part of their id in any case, or of their name', async () => {
    expect(await ids('/api/v1/cameras?q=JIEFANGBEI')).toEqual(['cq-yz-jiefangbei-01']);
    expect(await ids(`/api/v1/cameras?q=${encodeURIComponent('朝天门')}`)).toEqual(['cq-yz-chaotianmen-01']);
    expect(await ids('/api/v1/cameras?q=cq-&near=106.5772,29.5571&limit=2')).toEqual(['cq-yz-jiefangbei-01', 'cq-yz-chaotianmen-01']);
  });

  it('cannot take a file camera’s feed down: its video is the platform’s', async () => {
    const response = await fetch(`${hub.url}/api/v1/cameras/cq-yz-jiefangbei-01/feed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get('trainer')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringMatching(/^id: .*own platform/) } });
  });

  it('serves no video: /hls answers 404 for the file’s cameras and the simulated ones', async () => {
    for (const url of ['/hls/cameras/cq-yz-jiefangbei-01/master.m3u8', '/hls/cameras/cam-500103-0001/master.m3u8']) {
      const response = await fetch(`${hub.url}${url}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('refuses to start on a bad file, naming the entry and field', async () => {
    const bad = path.join(tempDir, 'cameras.json');
    writeFileSync(bad, JSON.stringify([{ id: 'x', name: 'x', unit: '500103', location: [106.5, 'north'], hls: 'https://v.example/x.m3u8' }]));
    await expect(startHub({ port: 0, dataDir: path.join(tempDir, 'bad'), simulator: false, logger: false, camerasFile: bad })).rejects.toThrow(
      `HUB_CAMERAS_FILE ${bad}: [0].location.1: Invalid input: expected number, received string`,
    );
  });
});
