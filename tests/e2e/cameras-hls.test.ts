import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClipSet, ensureClips } from '../../hub/cameras/clips';
import { CameraFeeds } from '../../hub/cameras/feeds';
import { type LoopCamera, cameraMasterUrl, registerCameraRoutes } from '../../hub/cameras/routes';
import { loopTimeline, segmentBySequence, sequenceAt } from '../../hub/cameras/timeline';

/** Real hls.js in Debian's Chromium playing the hub's looping cameras, live and archived. */

interface ProbeSample {
  now: number;
  currentTime: number;
  paused: boolean;
  readyState: number;
  decodedFrames: number;
  bufferedRanges: number;
  latency: number | null;
  liveSyncPosition: number | null;
  playingDate: number | null;
  errors: string[];
  fatal: string | null;
  playedCc: number[];
  levels: number;
}

const CLIP_CACHE = join(tmpdir(), 'command-wall-clips');
const cameras = new Map<string, LoopCamera>([
  ['cam-archive', { id: 'cam-archive', clip: 3 }],
  ['cam-outage', { id: 'cam-outage', clip: 1 }],
]);
/** Camera outages, as the hub's `camera.status` events would set them. */
const feeds = new CameraFeeds();
let clips: ClipSet;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  clips = await ensureClips(CLIP_CACHE, { log: (m) => console.log(`[clips] ${m}`) });
  app = Fastify();
  registerCameraRoutes(app, { clips, lookup: (id) => cameras.get(id), feeds });
  const probePage = await readFile(join(import.meta.dirname, 'pages/hls-probe.html'));
  const hlsScript = await readFile(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'));
  app.get('/probe.html', (_req, reply) => reply.type('text/html').send(probePage));
  app.get('/hls.min.js', (_req, reply) => reply.type('text/javascript').send(hlsScript));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no listening address');
  baseUrl = `http://127.0.0.1:${address.port}`;

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
  });
  page = await browser.newPage();
  await page.goto(`${baseUrl}/probe.html`);
  expect(await page.evaluate('window.probe.supportsH264()'), 'this Chromium cannot play H.264').toBe(true);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sample = () => page.evaluate('window.probe.sample()') as Promise<ProbeSample>;
const play = (url: string) => page.evaluate(`window.probe.start(${JSON.stringify(url)})`);

/** Polls until playback has really begun: frames decoded and the clock running. */
async function waitForPlayback(timeoutMs = 20_000): Promise<ProbeSample> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await sample();
    if (s.fatal) throw new Error(`hls.js fatal error ${s.fatal}; errors: ${s.errors.join(', ')}`);
    if (!s.paused && s.decodedFrames > 0 && s.currentTime > 0) return s;
    if (Date.now() > deadline) throw new Error(`playback did not start: ${JSON.stringify(s)}`);
    await sleep(100);
  }
}

/**
 * A camera of clip 0 whose loop wraps 5–7 s from now: live playback (a few seconds behind the
 * edge) reaches the wrap after start-up, even a slow one, and within the test.
 */
function cameraWrappingSoon(): LoopCamera {
  const clip = clips.clips[0]!;
  for (let k = 0; k < 10_000; k++) {
    const id = `cam-wrap-${k}`;
    const timeline = loopTimeline(clip.segmentDurations, id);
    const now = Date.now();
    const perLoop = clip.segmentDurations.length;
    const nextLoopStart = segmentBySequence(timeline, (Math.floor(sequenceAt(timeline, now) / perLoop) + 1) * perLoop).startMs;
    if (nextLoopStart - now >= 5000 && nextLoopStart - now <= 7000) return { id, clip: 0 };
  }
  throw new Error('no camera id wraps soon');
}

describe('cameras over HLS in Chromium', () => {
  it('plays a live camera near the live edge, dated by the wall clock, across a loop wrap', async () => {
    const camera = cameraWrappingSoon();
    cameras.set(camera.id, camera);
    await play(cameraMasterUrl(baseUrl, camera.id));
    await waitForPlayback();
    const first = await sample();
    await sleep(5000);
    const second = await sample();

    const advanced = second.currentTime - first.currentTime;
    const latency = second.latency ?? (second.liveSyncPosition ?? NaN) - second.currentTime;
    const dateLag = second.now - (second.playingDate ?? NaN);
    console.log(
      `live: advanced ${advanced.toFixed(2)} s in ${((second.now - first.now) / 1000).toFixed(2)} s wall; ` +
        `hls.latency ${latency.toFixed(2)} s; playing date ${(dateLag / 1000).toFixed(2)} s behind now; ${second.levels} levels`,
    );
    expect(second.levels).toBe(clips.clips[0]!.renditions.length);
    expect(advanced).toBeGreaterThan(3);
    expect(latency).toBeGreaterThan(0);
    expect(latency).toBeLessThan(10);
    expect(Math.abs(dateLag)).toBeLessThan(10_000);

    // the wrap is a discontinuity in the stream; playback must carry on through it
    const deadline = Date.now() + 15_000;
    let current = second;
    while (current.playedCc.length < 2 && Date.now() < deadline) {
      await sleep(250);
      current = await sample();
    }
    expect(current.playedCc.length, `played discontinuities ${current.playedCc}`).toBeGreaterThanOrEqual(2);
    await sleep(2000);
    const afterWrap = await sample();
    expect(afterWrap.currentTime - current.currentTime).toBeGreaterThan(1.2);
    expect(Math.abs(afterWrap.now - (afterWrap.playingDate ?? NaN))).toBeLessThan(10_000);
    expect(afterWrap.fatal).toBeNull();
    // a gap in the buffer at the wrap would freeze the tile until hls.js jumps it
    expect(afterWrap.bufferedRanges).toBe(1);
    expect(afterWrap.errors).not.toContain('mediaError/bufferSeekOverHole');
    console.log(`live: crossed loop wrap (cc ${afterWrap.playedCc.join(' → ')}); errors: ${afterWrap.errors.join(', ') || 'none'}`);
  }, 60_000);

  it('stalls while a camera is offline and plays on across the discontinuity when it comes back', async () => {
    await play(cameraMasterUrl(baseUrl, 'cam-outage'));
    await waitForPlayback();
    await sleep(2000);
    feeds.observe('cam-outage', 'offline', Date.now());
    const stoppedAt = Date.now();
    // the player plays out what it has, then its clock stands still
    let stalled = await sample();
    for (;;) {
      await sleep(1500);
      const next = await sample();
      if (next.currentTime === stalled.currentTime) break;
      stalled = next;
      if (Date.now() - stoppedAt > 20_000) throw new Error(`still playing 20 s after the feed stopped: ${JSON.stringify(next)}`);
    }
    console.log(`outage: stalled ${((stalled.now - stoppedAt) / 1000).toFixed(1)} s after the feed stopped, at ${stalled.currentTime.toFixed(2)} s`);
    expect(stalled.fatal).toBeNull();
    await sleep(5000);
    expect((await sample()).currentTime).toBe(stalled.currentTime);

    feeds.observe('cam-outage', 'online', Date.now());
    const resumedAt = Date.now();
    let resumed = await sample();
    while (resumed.currentTime < stalled.currentTime + 2) {
      if (Date.now() - resumedAt > 20_000) throw new Error(`not playing 20 s after the feed came back: ${JSON.stringify(resumed)}`);
      await sleep(250);
      resumed = await sample();
    }
    console.log(
      `outage: playing again ${((resumed.now - resumedAt) / 1000).toFixed(1)} s after the feed came back; ` +
        `cc ${resumed.playedCc.join(' → ')}; ${resumed.bufferedRanges} buffered range(s); errors: ${resumed.errors.join(', ') || 'none'}`,
    );
    // the same player, no reload: it crossed the discontinuity into pictures of now
    expect(resumed.fatal).toBeNull();
    expect(resumed.playedCc.at(-1)).toBeGreaterThan(stalled.playedCc.at(-1)!);
    // the new segments follow the frozen ones in the buffer: no hole to jump
    expect(resumed.bufferedRanges).toBe(1);
    expect(Math.abs(resumed.now - (resumed.playingDate ?? NaN))).toBeLessThan(10_000);
    await sleep(3000);
    const later = await sample();
    expect(later.currentTime - resumed.currentTime).toBeGreaterThan(2);
    expect(later.fatal).toBeNull();
  }, 90_000);

  it('plays an archive range from its start', async () => {
    const startMs = Date.now() - 10 * 60_000;
    const endMs = startMs + 60_000;
    const query = new URLSearchParams({ start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() });
    await play(`${cameraMasterUrl(baseUrl, 'cam-archive')}?${query}`);
    const begun = await waitForPlayback();
    console.log(
      `archive: first played at ${begun.currentTime.toFixed(2)} s, dated ${((begun.playingDate! - startMs) / 1000).toFixed(2)} s from start`,
    );
    expect(begun.currentTime).toBeLessThan(2);
    expect(begun.playingDate).not.toBeNull();
    expect(Math.abs(begun.playingDate! - startMs)).toBeLessThan(2000);

    await sleep(3000);
    const later = await sample();
    expect(later.currentTime - begun.currentTime).toBeGreaterThan(2);
    expect(later.playingDate! - begun.playingDate!).toBeGreaterThan(2000);
    expect(later.fatal).toBeNull();
  }, 60_000);

  it('answers 404 for an unknown camera and 400 for a bad archive range', async () => {
    const unknown = await fetch(cameraMasterUrl(baseUrl, 'no-such-camera'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });

    const now = new Date().toISOString();
    const backwards = await fetch(`${cameraMasterUrl(baseUrl, 'cam-archive')}?start=${now}&end=${now}`);
    expect(backwards.status).toBe(400);
    expect(backwards.headers.get('access-control-allow-origin')).toBe('*');
    expect(await backwards.json()).toMatchObject({ error: { code: 'invalid', message: 'end: must be after start' } });
  });
});
