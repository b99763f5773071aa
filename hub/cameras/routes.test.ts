import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipSet } from './clips';
import { CameraFeeds } from './feeds';
import { cameraMasterUrl, registerCameraRoutes } from './routes';

let dir: string;
let app: FastifyInstance;
let nowMs = Date.parse('2026-03-14T09:26:53.589Z');
const feeds = new CameraFeeds();

/** A clip set of tiny stand-in files: these routes only serve bytes, they never decode them. */
async function fakeClipSet(): Promise<ClipSet> {
  const rendition = async (clip: number, name: string, width: number, height: number) => {
    const initFile = join(dir, `c${clip}-${name}-init.mp4`);
    await writeFile(initFile, `init ${clip} ${name}`);
    const segmentFiles = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const file = join(dir, `c${clip}-${name}-${i}.m4s`);
        await writeFile(file, `segment ${clip} ${name} ${i}`);
        return file;
      }),
    );
    return { name, width, height, frameRate: 25, codecs: 'avc1.64001f', bandwidth: 1000, averageBandwidth: 900, initFile, segmentFiles };
  };
  const clip = async (index: number) => ({
    index,
    label: `LOOP ${index}`,
    segmentDurations: Array.from({ length: 10 }, () => 1),
    renditions: [await rendition(index, '720p', 1280, 720), await rendition(index, '360p', 640, 360)],
  });
  return { version: 1, build: 'v1-test', clips: [await clip(0), await clip(1)] };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'camera-routes-'));
  app = Fastify();
  const cameras = new Map([
    ['cam-1', { id: 'cam-1', clip: 0 }],
    ['cam-2', { id: 'cam-2', clip: 3 }],
  ]);
  registerCameraRoutes(app, {
    clips: await fakeClipSet(),
    lookup: (id) => cameras.get(id),
    now: () => nowMs,
    feeds,
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });
const uriLines = (body: string) => body.split('\n').filter((l) => l && !l.startsWith('#'));
const resolveUri = (uri: string, playlistUrl: string) => {
  const url = new URL(uri, `http://hub${playlistUrl}`);
  return url.pathname + url.search;
};

describe('camera HLS routes', () => {
  it('advertises master playlists at the protocol URL', () => {
    expect(cameraMasterUrl('http://127.0.0.1:7700/', 'cam-1')).toBe('http://127.0.0.1:7700/hls/cameras/cam-1/master.m3u8');
  });

  it('serves a master whose variants lead to live playlists whose segments are the clip files', async () => {
    const master = await get('/hls/cameras/cam-1/master.m3u8');
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toBe('no-cache');
    expect(master.headers['access-control-allow-origin']).toBe('*');
    const variants = uriLines(master.body).map((u) => resolveUri(u, '/hls/cameras/cam-1/master.m3u8'));
    expect(variants).toEqual(['/hls/cameras/cam-1/720p/live.m3u8', '/hls/cameras/cam-1/360p/live.m3u8']);

    const livePath = variants[1]!;
    const live = await get(livePath);
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain('#EXT-X-PROGRAM-DATE-TIME:');
    const mapUri = /#EXT-X-MAP:URI="([^"]+)"/.exec(live.body)![1]!;
    const init = await get(resolveUri(mapUri, livePath));
    expect(init.headers['content-type']).toBe('video/mp4');
    expect(init.body).toBe('init 0 360p');
    for (const uri of uriLines(live.body)) {
      const segment = await get(resolveUri(uri, livePath));
      expect(segment.statusCode).toBe(200);
      expect(segment.headers['content-type']).toBe('video/iso.segment');
      expect(segment.headers['cache-control']).toContain('immutable');
      expect(segment.headers['access-control-allow-origin']).toBe('*');
      expect(segment.body).toMatch(/^segment 0 360p \d$/);
    }
  });

  it('wraps a camera clip index beyond the clip set onto an existing clip', async () => {
    const live = await get('/hls/cameras/cam-2/720p/live.m3u8');
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain('/clips/v1-test/1/720p/');
  });

  it('answers 404 not_found for an unknown camera, rendition or clip file', async () => {
    for (const url of ['/hls/cameras/nope/master.m3u8', '/hls/cameras/nope/720p/live.m3u8', '/hls/cameras/cam-1/4k/live.m3u8', '/hls/clips/v0-old/0/720p/1.m4s', '/hls/clips/v1-test/0/720p/99.m4s']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('turns a master with start and end into archive variants of that range', async () => {
    const start = new Date(nowMs - 600_000).toISOString();
    const end = new Date(nowMs - 540_000).toISOString();
    const query = `start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
    const master = await get(`/hls/cameras/cam-1/master.m3u8?${query}`);
    expect(master.statusCode).toBe(200);
    const variant = resolveUri(uriLines(master.body)[0]!, '/hls/cameras/cam-1/master.m3u8');
    expect(variant).toBe(`/hls/cameras/cam-1/720p/archive.m3u8?${query}`);
    const archive = await get(variant);
    expect(archive.body).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(archive.body).toContain('#EXT-X-ENDLIST');
    expect(uriLines(archive.body).length).toBeGreaterThanOrEqual(60);
  });

  it('answers 400 invalid, naming the field, for a bad archive range', async () => {
    const start = new Date(nowMs - 60_000).toISOString();
    for (const url of [
      `/hls/cameras/cam-1/master.m3u8?start=${start}&end=${start}`,
      `/hls/cameras/cam-1/720p/archive.m3u8?start=${start}&end=${new Date(nowMs + 3_600_000).toISOString()}`,
      `/hls/cameras/cam-1/720p/archive.m3u8?start=yesterday&end=${start}`,
      '/hls/cameras/cam-1/720p/archive.m3u8',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^(start|end): /) });
    }
  });

  it('freezes the live playlist of an offline camera and resumes at the live edge after a discontinuity', async () => {
    const live = async () => (await get('/hls/cameras/cam-1/360p/live.m3u8')).body;
    const before = await live();
    feeds.observe('cam-1', 'offline', nowMs);
    nowMs += 5000;
    expect(await live()).toBe(before);
    // the other camera plays on, and so does an archive up to where the feed stopped
    expect((await get('/hls/cameras/cam-2/360p/live.m3u8')).body).not.toBe(before);
    const lateArchive = `start=${encodeURIComponent(new Date(nowMs - 3000).toISOString())}&end=${encodeURIComponent(new Date(nowMs).toISOString())}`;
    expect((await get(`/hls/cameras/cam-1/360p/archive.m3u8?${lateArchive}`)).json().error.message).toBe('end: beyond the live edge');

    feeds.observe('cam-1', 'online', nowMs);
    nowMs += 1000;
    const back = await live();
    const mediaSequence = (body: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(body)![1]);
    expect(mediaSequence(back)).toBe(mediaSequence(before) + 1);
    // right after the last segment published before the outage: a discontinuity, then the live edge
    const lastFrozenDate = [...before.matchAll(/#EXT-X-PROGRAM-DATE-TIME:\S+/g)].at(-1)![0];
    const lines = back.trim().split('\n');
    expect(lines[lines.indexOf(lastFrozenDate) + 3]).toBe('#EXT-X-DISCONTINUITY');
    const lastDate = Date.parse(/#EXT-X-PROGRAM-DATE-TIME:(\S+)\n[^\n]+\n[^\n]+\n$/.exec(back)![1]!);
    expect(nowMs - lastDate).toBeLessThan(2000);
  });
});
