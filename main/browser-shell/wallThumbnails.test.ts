// The console's live miniature in the browser shell: real Chromium pages for two wall displays
// and a console page that decodes what it is pushed, as the console view does.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from './browserShell';
import { DEFAULT_CHROMIUM_PATH } from './chromiumViews';
import { FakeCore } from './fakeCore';
import { THUMBNAIL_INTERVAL_MS, THUMBNAIL_WIDTH, jpegSize } from './wallThumbnails';

/**
 * Each page paints its display in its own colour. The console page connects its view socket only
 * when the test says so, and decodes every `wall:thumbnail` push into an image under the views' CSP.
 */
const VIEW_SCRIPT = `
const params = new URLSearchParams(location.search);
const display = params.get('display');
document.body.style.cssText = 'margin:0;height:100vh;background:' + (display === 'a' ? 'rgb(200,20,40)' : 'rgb(20,60,200)');
window.received = [];
window.connectConsole = () => new Promise((resolve, reject) => {
  const socket = new WebSocket('ws://' + location.host + '/view-socket?' + params.toString());
  window.consoleSocket = socket;
  socket.onopen = () => resolve();
  socket.onerror = () => reject(new Error('view socket failed'));
  socket.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    if (frame.t !== 'push' || frame.channel !== 'wall:thumbnail') return;
    const { displayId, width, height, dataUrl } = frame.payload;
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(image.naturalWidth >> 1, image.naturalHeight >> 1, 1, 1).data;
      window.received.push({ displayId, width: image.naturalWidth, height: image.naturalHeight, declared: [width, height], rgb: [r, g, b], chars: dataUrl.length });
    };
    image.onerror = () => window.received.push({ displayId, error: 'does not decode' });
    image.src = dataUrl;
  };
});
window.disconnectConsole = () => window.consoleSocket.close();
`;

interface Received {
  displayId: string;
  width?: number;
  height?: number;
  declared?: [number, number];
  rgb?: [number, number, number];
  chars?: number;
  error?: string;
}

const chromiumMissing = existsSync(DEFAULT_CHROMIUM_PATH) ? null : `no Chromium at ${DEFAULT_CHROMIUM_PATH}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe.skipIf(chromiumMissing !== null)(`wall thumbnails in the browser shell${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let browser: Browser;
  let shell: BrowserShell;
  let core: FakeCore;
  let rendererDir: string;
  const consolePage = (): Page => shell.windows!.pageOf('console')!;
  // main has no DOM types: page scripts are passed as text
  const received = () => consolePage().evaluate('window.received') as Promise<Received[]>;

  beforeAll(async () => {
    rendererDir = mkdtempSync(path.join(tmpdir(), 'shell-thumbnails-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>view</title><body><script src="./view.js"></script></body>');
    writeFileSync(path.join(rendererDir, 'view.js'), VIEW_SCRIPT);
    browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    core = new FakeCore();
    shell = await startBrowserShell({
      core,
      hubUrl: 'http://127.0.0.1:7700',
      rendererDir,
      openWindows: true,
      browser,
      headless: true,
      displays: [
        { id: 'a', bounds: { x: 0, y: 0, width: 1280, height: 720 } },
        { id: 'b', bounds: { x: 1280, y: 0, width: 1024, height: 768 } },
      ],
      log: () => undefined,
    });
    await until(() => consolePage()?.evaluate("typeof window.connectConsole === 'function'").then(Boolean, () => false) ?? false, 'the console page', 20_000);
  });

  afterAll(async () => {
    await shell?.close();
    await browser?.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('captures nothing while no console is attached', async () => {
    await sleep(2 * THUMBNAIL_INTERVAL_MS + 500);
    expect(core.thumbnails).toEqual([]);
    expect(shell.thumbnailStats()).toMatchObject({ captures: 0, failures: 0 });
  }, 20_000);

  it('sends an attached console a JPEG of each wall display, 480 px wide, every few seconds', async () => {
    await consolePage().evaluate('window.connectConsole()');
    await until(async () => new Set((await received()).map((r) => r.displayId)).size === 2, 'a thumbnail of each display', 4 * THUMBNAIL_INTERVAL_MS);
    const [a, b] = ['a', 'b'].map((id) => core.thumbnails.find((t) => t.displayId === id)!);
    expect(jpegSize(Buffer.from(a!.dataUrl.split(',')[1]!, 'base64'))).toEqual({ width: THUMBNAIL_WIDTH, height: 270 });
    expect(jpegSize(Buffer.from(b!.dataUrl.split(',')[1]!, 'base64'))).toEqual({ width: THUMBNAIL_WIDTH, height: 360 });

    const seen = await received();
    const first = (id: string) => seen.find((r) => r.displayId === id)!;
    expect(first('a')).toMatchObject({ width: THUMBNAIL_WIDTH, height: 270, declared: [THUMBNAIL_WIDTH, 270] });
    expect(first('b')).toMatchObject({ width: THUMBNAIL_WIDTH, height: 360, declared: [THUMBNAIL_WIDTH, 360] });
    // each is a picture of its own display: red for a, blue for b (JPEG shifts colours a little)
    const [ar, , ab] = first('a').rgb!;
    const [br, , bb] = first('b').rgb!;
    expect(ar).toBeGreaterThan(150);
    expect(ab).toBeLessThan(90);
    expect(bb).toBeGreaterThan(150);
    expect(br).toBeLessThan(90);
    console.log(`thumbnails: ${seen.map((r) => `${r.displayId} ${r.width}×${r.height} ${r.chars} chars`).join(', ')}; ${JSON.stringify(shell.thumbnailStats())}`);

    // fresh ones keep coming while the console stays
    const count = seen.length;
    await until(async () => (await received()).length >= count + 2, 'the next round of thumbnails', 2 * THUMBNAIL_INTERVAL_MS + 2000);
    expect((await received()).every((r) => r.error === undefined)).toBe(true);
  }, 30_000);

  it('stops capturing when the console goes away', async () => {
    await consolePage().evaluate('window.disconnectConsole()');
    await until(() => core.consolesAttached() === 0, 'the console detached', 5_000);
    await sleep(1_000); // a capture under way may still finish
    const captured = shell.thumbnailStats().captures;
    await sleep(2 * THUMBNAIL_INTERVAL_MS + 500);
    expect(shell.thumbnailStats().captures).toBe(captured);
  }, 20_000);
});
