import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_VIEW_FRAME_BYTES, type ViewFrameOut } from '../../shared/view/wireFrames';
import { startBrowserShell, type BrowserShell } from './browserShell';
import { FakeCore } from './fakeCore';
import { CLOSE_REPLACED } from './viewSocket';

let shell: BrowserShell;
let core: FakeCore;
let rendererDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>wall</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'outside-secret.txt'), 'secret');
  core = new FakeCore();
  shell = await startBrowserShell({ core, hubUrl: 'http://127.0.0.1:7700', rendererDir, openWindows: false, log: (l) => logLines.push(l) });
});

afterAll(async () => {
  await shell.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(rendererDir), 'outside-secret.txt'), { force: true });
});

function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // Raw path on purpose: fetch() would normalise away the `..` we want to send.
    const request = http.request(`${shell.url}/`, { path: urlPath, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function socketUrl(view = 'wall-1'): string {
  return `${shell.url.replace('http:', 'ws:')}/view-socket?role=wall&display=1&view=${view}`;
}

async function connect(view = 'wall-1', origin?: string): Promise<{ ws: WebSocket; frames: ViewFrameOut[] }> {
  const ws = new WebSocket(socketUrl(view), origin ? { origin } : {});
  const frames: ViewFrameOut[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as ViewFrameOut));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('browser shell HTTP', () => {
  it('serves the renderer with the views’ CSP, including its own socket origin', async () => {
    const page = await get('/index.html?role=wall&display=1&view=wall-1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>wall</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' http://127.0.0.1:7700 ${shell.url.replace('http:', 'ws:')}`);
  });

  it('gives nothing outside the renderer folder, nothing to a foreign Host', async () => {
    expect((await get('/../outside-secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/outside-secret.txt')).status).toBe(404);
    expect((await get('/index.html', { host: 'evil.example' })).status).toBe(403);
  });

  it('lists the views it hosts with their URLs', () => {
    expect(shell.views.map((v) => v.viewId)).toEqual(['wall-1', 'console']);
    expect(shell.viewUrl('wall', '1')).toBe(`${shell.url}/index.html?role=wall&display=1&view=wall-1`);
  });
});

describe('browser shell view socket', () => {
  it('attaches a connection as a view, answers its calls and forwards pushes', async () => {
    const { ws, frames } = await connect();
    await until(() => core.ports.has('wall-1'));
    ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'view:hello', args: {} }));
    await until(() => frames.length === 1);
    expect(frames[0]).toEqual({ t: 'result', id: 1, ok: true, value: { viewId: 'wall-1', seq: 0 } });
    core.push('outbox:changed', []);
    await until(() => frames.length === 2);
    expect(frames[1]).toEqual({ t: 'push', channel: 'outbox:changed', payload: [] });
    ws.close();
    await until(() => !core.ports.has('wall-1'));
  });

  it('answers a malformed frame with the failing field and keeps the socket', async () => {
    const { ws, frames } = await connect('wall-bad');
    const before = shell.stats().rejectedFrames;
    ws.send(JSON.stringify({ t: 'call', id: 5, channel: 'view:hello', args: {}, extra: true }));
    ws.send(JSON.stringify({ t: 'call', id: 6, channel: 'shell:exec', args: {} }));
    ws.send('not json');
    await until(() => frames.length === 2);
    expect(frames[0]).toMatchObject({ id: 5, ok: false, error: { code: 'invalid' } });
    expect(frames[1]).toMatchObject({ id: 6, ok: false, error: { message: expect.stringContaining('unknown channel') } });
    await until(() => shell.stats().rejectedFrames === before + 3);
    expect(logLines.some((l) => l.includes('frame rejected at channel'))).toBe(true);
    expect(core.calls.some((c) => c.channel === 'shell:exec')).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('passes a core error back as a result, not a dropped call', async () => {
    const { ws, frames } = await connect('wall-err');
    ws.send(JSON.stringify({ t: 'call', id: 2, channel: 'hub:query', args: { query: { kind: 'indicators' } } }));
    await until(() => frames.length === 1);
    expect(frames[0]).toMatchObject({ id: 2, ok: false, error: { code: 'not_found' } });
    ws.close();
  });

  it('closes a socket that sends a frame over the size cap', async () => {
    const { ws } = await connect('wall-big');
    const code = closed(ws);
    ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'view:hello', args: { pad: 'x'.repeat(MAX_VIEW_FRAME_BYTES) } }));
    expect(await code).toBe(1009);
    await until(() => !core.ports.has('wall-big'));
  });

  it('refuses a foreign Origin and a bad query', async () => {
    await expect(connect('wall-x', 'https://evil.example')).rejects.toThrow(/403/);
    const bad = new WebSocket(`${shell.url.replace('http:', 'ws:')}/view-socket?role=admin&display=1&view=x`);
    await expect(new Promise((resolve, reject) => { bad.once('open', resolve); bad.once('error', reject); })).rejects.toThrow(/400/);
    expect(core.ports.has('wall-x')).toBe(false);
  });

  it('lets a reloaded view’s new connection replace its old one', async () => {
    const first = await connect('wall-r');
    const firstClosed = closed(first.ws);
    const second = await connect('wall-r');
    expect(await firstClosed).toBe(CLOSE_REPLACED);
    await until(() => core.attachCount.get('wall-r') === 2);
    // The old socket's close must not detach the new view.
    await new Promise((r) => setTimeout(r, 50));
    expect(core.ports.has('wall-r')).toBe(true);
    second.ws.close();
  });
});
