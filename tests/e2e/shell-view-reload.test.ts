// A wall view killed mid-stream comes back with everything: the real hub (demo data, simulator
// streaming), the real wall core, the browser shell and its own watchdog, the built renderer in
// Debian's Chromium. The renderer marks <body data-seq data-ready="1"> once it has applied state.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/server';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browserShell';
import { silentLogger } from '../../main/core/logger';
import { loadWallConfig } from '../../main/core/wallConfig';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import { REPO_ROOT, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';

let hub: RunningHub;
let core: WallCore;
let browser: Browser;
let shell: BrowserShell;
const dirs: string[] = [];
const shellLog: string[] = [];
let feeder: NodeJS.Timeout | undefined;

/**
 * Keeps events flowing whatever the simulator is doing: a city duty officer reports an incident
 * every 300 ms, through the hub's own command path.
 */
function feedIncidents(): NodeJS.Timeout {
  let n = 0;
  return setInterval(() => {
    n += 1;
    const command = { id: randomUUID(), type: 'incident.report', title: `测试事件 ${n}`, kind: 'test', board: 'emergency', severity: 3, location: [106.55, 29.56] };
    void hub.execute({ username: 'e2e-feeder', unit: '500000', roles: ['duty'] }, command).catch(() => undefined);
  }, 300);
}

beforeAll(async () => {
  const hubDir = tempDir('shell-reload-hub-');
  const wallDir = tempDir('shell-reload-wall-');
  dirs.push(hubDir, wallDir);
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: true, seed: 7, logger: false, hlsEager: false });
  const config = loadWallConfig({ WALL_HUB_URL: hub.url, WALL_USERNAME: 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: wallDir });
  core = createWallCore({ ...config, logger: silentLogger });
  await core.start();
  feeder = feedIncidents();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  shell = await startBrowserShell({
    core,
    hubUrl: hub.url,
    rendererDir: path.join(REPO_ROOT, 'dist/renderer'),
    openWindows: true,
    browser,
    log: (line) => shellLog.push(line),
  });
}, 120_000);

afterAll(async () => {
  clearInterval(feeder);
  await shell?.close();
  await browser?.close();
  await core?.stop();
  await hub?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The seq the view shows once it is ready, or null. */
async function shownSeq(page: Page | undefined): Promise<number | null> {
  if (!page || page.isClosed()) return null;
  const seq = await page.evaluate(() => (document.body.dataset.ready === '1' ? document.body.dataset.seq : undefined));
  return seq === undefined ? null : Number(seq);
}

describe('browser shell: a crashed wall view', () => {
  it('comes back within 3 s with at least the state it had, and keeps following the stream', async () => {
    const windows = shell.windows!;
    let firstSeq = 0;
    await waitUntil(async () => ((firstSeq = (await shownSeq(windows.pageOf('wall-1'))) ?? 0) > 0), 'the wall view showing state', 60_000, 100);
    // Crash mid-stream: after the view has followed at least one more push.
    await waitUntil(async () => ((await shownSeq(windows.pageOf('wall-1'))) ?? 0) > firstSeq, 'the stream moving', 30_000, 100);
    const crashed = windows.pageOf('wall-1')!;
    const seqBefore = (await shownSeq(crashed))!;
    const coreSeqAtCrash = core.state().seq;

    const cdp = await crashed.context().newCDPSession(crashed);
    void cdp.send('Page.crash').catch(() => undefined);
    const crashedAt = Date.now();

    let seqAfter = 0;
    await waitUntil(async () => {
      const page = windows.pageOf('wall-1');
      if (!page || page === crashed) return false;
      seqAfter = (await shownSeq(page)) ?? 0;
      return seqAfter >= seqBefore;
    }, 'the wall view back with its state', 3_000, 50);
    const recoveredInMs = Date.now() - crashedAt;

    expect(recoveredInMs).toBeLessThan(3_000);
    expect(seqAfter).toBeGreaterThanOrEqual(coreSeqAtCrash);
    expect(windows.recoveries('wall-1')).toBe(1);
    expect(shellLog.some((line) => line.includes('wall-1: renderer crashed'))).toBe(true);
    expect(core.status().views.find((v) => v.id === 'wall-1')?.ready).toBe(true);

    // Still live: the recovered view follows pushes after its hello.
    await waitUntil(async () => ((await shownSeq(windows.pageOf('wall-1'))) ?? 0) > seqAfter, 'the recovered view following the stream', 30_000, 100);
  }, 120_000);
});
