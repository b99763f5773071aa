// The browser shell's Chromium watchdog with a stand-in core and a stand-in view page: a view
// that crashes, is closed, or stops acknowledging comes back and says hello again. Real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browserShell';
import { FakeCore } from '../../main/browser-shell/fakeCore';
import { waitUntil } from '../support/ports';

// The smallest view: connect like the renderer does, say hello, show the seq it was given.
const VIEW_SCRIPT = `
const params = new URLSearchParams(location.search);
const ws = new WebSocket('ws://' + location.host + '/view-socket?' + params.toString());
ws.onopen = () => ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'view:hello', args: {} }));
ws.onmessage = (m) => {
  const frame = JSON.parse(m.data);
  if (frame.t === 'result' && frame.ok) { document.body.dataset.seq = String(frame.value.seq); document.body.dataset.ready = '1'; }
};`;

let browser: Browser;
let shell: BrowserShell;
let rendererDir: string;
const core = new FakeCore();
const log: string[] = [];

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-watchdog-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><body><script src="view.js"></script></body>');
  fs.writeFileSync(path.join(rendererDir, 'view.js'), VIEW_SCRIPT);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  core.seq = 7;
  shell = await startBrowserShell({ core, hubUrl: 'http://127.0.0.1:1', rendererDir, openWindows: true, browser, log: (l) => log.push(l) });
}, 30_000);

afterAll(async () => {
  await shell?.close();
  await browser?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function shownSeq(page: Page | undefined): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  return page.evaluate(() => (document.body.dataset.ready === '1' ? document.body.dataset.seq : undefined));
}

async function waitForView(viewId: string, seq: number, notPage?: Page, timeoutMs = 3_000): Promise<Page> {
  await waitUntil(async () => {
    const page = shell.windows!.pageOf(viewId);
    return page !== notPage && (await shownSeq(page)) === String(seq);
  }, `${viewId} showing seq ${seq}`, timeoutMs);
  return shell.windows!.pageOf(viewId)!;
}

describe('browser shell watchdog', () => {
  it('opens every view, each attached to the core with the state it said hello for', async () => {
    await waitForView('wall-1', 7, undefined, 10_000);
    await waitForView('console', 7, undefined, 10_000);
    expect([...core.ports.keys()].sort()).toEqual(['console', 'wall-1']);
  }, 15_000);

  it('brings a crashed view back within 3 s, attached again with the current state', async () => {
    const before = shell.windows!.pageOf('wall-1')!;
    core.seq = 8;
    const cdp = await before.context().newCDPSession(before);
    void cdp.send('Page.crash').catch(() => undefined);
    const started = Date.now();
    await waitForView('wall-1', 8, before);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(shell.windows!.recoveries('wall-1')).toBe(1);
    expect(core.attachCount.get('wall-1')).toBe(2);
    expect(log.some((l) => l.includes('wall-1: renderer crashed'))).toBe(true);
  }, 10_000);

  it('reopens a view whose window was closed', async () => {
    const before = shell.windows!.pageOf('console')!;
    await before.close();
    await waitForView('console', 8, before);
    expect(shell.windows!.recoveries('console')).toBe(1);
  }, 10_000);

  it('replaces a view the core reports as not acknowledging', async () => {
    const before = shell.windows!.pageOf('wall-1')!;
    core.seq = 9;
    core.reportUnresponsive('wall-1');
    await waitForView('wall-1', 9, before);
    expect(before.isClosed()).toBe(true);
  }, 10_000);
});
