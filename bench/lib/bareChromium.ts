// A headless Chromium driven over its own DevTools pipe with nothing but Runtime.evaluate, for
// measuring memory. Playwright enables the DevTools Network domain on every page, and the
// renderer then keeps a copy of every response body for Network.getResponseBody: with 16 live
// tiles that is ~1 MB/s of renderer memory that only exists because a test tool is attached
// (bench:cameras measured it: flat without, growing by the streams' bitrate with).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS } from './cameraWallHarness';

export interface BareChromium {
  /** The browser process: its tree is everything this Chromium runs. */
  pid: number;
  /** Evaluates a JS expression in the page (promises awaited); the value comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Web workers the page has started so far. */
  workers(): number;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Headless, and as Electron's wall windows are: never throttled because nobody looks at them. */
const ARGS = [
  ...CHROMIUM_ARGS,
  '--headless',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-component-update',
  '--disable-extensions',
  '--enable-unsafe-swiftshader',
  // a few minutes in, Chromium's optimization guide starts an on-device model service (~55 MB) to
  // rate the machine for built-in AI features; Electron has none, and a growth figure would count it
  '--optimization-guide-performance-class=1',
  '--remote-debugging-pipe',
];

export async function launchBareChromium(url: string, viewport: { width: number; height: number }): Promise<BareChromium> {
  const profile = await mkdtemp(path.join(tmpdir(), 'bench-chromium-'));
  const child: ChildProcess = spawn('/usr/bin/chromium', [...ARGS, `--user-data-dir=${profile}`, `--window-size=${viewport.width},${viewport.height}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve(result: Record<string, unknown>): void; reject(error: Error): void }>();
  const workerTargets = new Set<string>();
  let nextId = 1;
  let buffered = '';
  fromBrowser.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result ?? {});
      } else if (message.method === 'Target.attachedToTarget') {
        const info = message.params?.targetInfo as { type: string; targetId: string } | undefined;
        if (info?.type === 'worker') workerTargets.add(info.targetId);
      }
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const close = async () => {
    await Promise.race([send('Browser.close'), exited]).catch(() => undefined);
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    await rm(profile, { recursive: true, force: true });
  };

  try {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: { type: string; targetId: string }[] };
    const pageTarget = targetInfos.find((t) => t.type === 'page');
    if (!pageTarget) throw new Error('Chromium opened no page');
    const { sessionId } = (await send('Target.attachToTarget', { targetId: pageTarget.targetId, flatten: true })) as { sessionId: string };
    // the page's dedicated workers announce themselves to this session as they start
    await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const reply = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as {
        result: { value?: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value as T;
    };
    // the headless window keeps room for browser UI it does not draw: set the page's viewport itself
    await send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await send('Page.navigate', { url }, sessionId);
    const deadline = Date.now() + 30_000;
    while ((await evaluate<string>(`location.href === ${JSON.stringify(url)} && document.readyState`).catch(() => false)) !== 'complete') {
      if (Date.now() > deadline) throw new Error(`${url} did not load in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { pid: child.pid!, evaluate, workers: () => workerTargets.size, close };
  } catch (error) {
    await close();
    throw error;
  }
}
