// The built views against a fake browser shell: a static server for dist/renderer plus a
// `/view-socket` that speaks the frames of shared/view/wireFrames.ts. Drives the wall and the
// console in Debian's Chromium and checks what a person at the wall would see.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Command } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { OutboxItem, PlayerUpdate, ViewHello } from '../../shared/view/viewChannel';
import type { ViewFrameOut } from '../../shared/view/wireFrames';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = path.join(root, 'dist/renderer');
// Screenshots go to tests/.artifacts; `UPDATE_SCREENSHOTS=1` refreshes the ones in docs/.
const shotDir = process.env.UPDATE_SCREENSHOTS ? path.join(root, 'docs/screenshots') : path.join(root, 'tests/.artifacts/screenshots');

const UNIT_NAMES: Record<string, string> = {
  '500103': '渝中区',
  '500103003': '解放碑街道',
  '500105': '江北区',
  '500105001': '华新街街道',
  '500106': '沙坪坝区',
  '500106001': '小龙坎街道',
  '500107': '九龙坡区',
  '500107001': '杨家坪街道',
  '500108': '南岸区',
  '500108001': '铜元局街道',
  '500109': '北碚区',
  '500109001': '天生街道',
  '500113': '巴南区',
  '500113004': '鱼洞街道',
};

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function incident(seq: number, id: string, title: string, severity: number, board: string, street: string, ageMin: number): HubEvent {
  return {
    seq,
    ts: minutesAgo(ageMin),
    type: 'incident.reported',
    incidentId: id,
    title,
    kind: 'report',
    board: board as 'emergency',
    severity,
    location: [106.55, 29.56],
    units: ['500000', street.slice(0, 6), street],
  } as HubEvent;
}

function task(seq: number, type: string, taskId: string, incidentId: string, state: string, ageMin: number, extra: object = {}): HubEvent {
  return { seq, ts: minutesAgo(ageMin), type, taskId, incidentId, state, by: 'duty01', ...extra } as HubEvent;
}

const seedEvents: HubEvent[] = [
  incident(1, 'inc-fire', '解放碑高层建筑消防报警', 1, 'emergency', '500103003', 42),
  incident(2, 'inc-river', '花溪河断面氟化物超标 0.11 倍', 2, 'ecology', '500113004', 35),
  incident(3, 'inc-gas', '观音桥商圈燃气瓶违规存放', 3, 'facility', '500105001', 28),
  incident(4, 'inc-crowd', '疑似老年人传销聚集，需核查人员', 2, 'governance', '500108001', 20),
  incident(5, 'inc-rain', '小龙坎路段暴雨积水', 3, 'emergency', '500106001', 12),
  incident(6, 'inc-rock', '缙云山危岩地灾隐患', 4, 'emergency', '500109001', 6),
  task(7, 'task.dispatched', 'task-fire', 'inc-fire', 'dispatched', 40, { fromUnit: '500000', toUnit: '500103' }),
  task(8, 'task.accepted', 'task-fire', 'inc-fire', 'accepted', 38),
  task(9, 'task.arrived', 'task-fire', 'inc-fire', 'arrived', 30),
  task(10, 'task.dispatched', 'task-crowd', 'inc-crowd', 'dispatched', 18, { fromUnit: '500000', toUnit: '500108' }),
  task(11, 'task.overdue', 'task-crowd', 'inc-crowd', 'dispatched', 3, { step: 'accept', dueAt: minutesAgo(4), by: 'system' }),
  task(12, 'task.dispatched', 'task-river', 'inc-river', 'dispatched', 33, { fromUnit: '500000', toUnit: '500113' }),
  task(13, 'task.accepted', 'task-river', 'inc-river', 'accepted', 31),
  task(14, 'task.arrived', 'task-river', 'inc-river', 'arrived', 25),
  task(15, 'task.feedback', 'task-river', 'inc-river', 'feedback', 8, { text: '已锁定 17 家疑似企业' }),
];
const seedState = reduceEvents(emptyWallState(), seedEvents);
const PUSH_ID = 1;
const pushedEvent = incident(16, 'inc-food', '杨家坪农贸市场食品安全投诉', 4, 'services', '500107001', 0.5);

interface Shell {
  url: string;
  /** Every call frame the views sent, in order. */
  calls: { role: string; channel: string; args: Record<string, unknown> }[];
  close(): Promise<void>;
}

function helloFor(role: 'wall' | 'console', displayId: string): ViewHello {
  return {
    viewId: `view-${role}-${displayId}`,
    role,
    displayId,
    user: { username: 'duty01', roles: ['duty'] },
    unit: { code: '500000', level: 'city', name: '重庆市' },
    hubUrl: 'http://127.0.0.1:1',
    state: seedState,
    player: { kind: 'live', capabilities: ['live'], speed: 1, currentTime: new Date().toISOString(), seekGeneration: 0 },
    link: { state: 'connected', lastSeq: seedState.seq, hubUrl: 'http://127.0.0.1:1', since: minutesAgo(60) },
    outbox: [],
  };
}

async function startFakeShell(): Promise<Shell> {
  const calls: Shell['calls'] = [];
  const outbox: OutboxItem[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.normalize(path.join(distDir, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
    res.writeHead(200, { 'content-type': `${types[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    fs.createReadStream(file).pipe(res);
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/view-socket') return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => serveView(ws, url.searchParams));
  });

  function serveView(ws: WebSocket, params: URLSearchParams): void {
    const role = params.get('role') === 'console' ? 'console' : 'wall';
    const send = (frame: ViewFrameOut) => ws.send(JSON.stringify(frame));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: number; channel: string; args: Record<string, unknown> };
      calls.push({ role, channel: frame.channel, args: frame.args });
      const answer = (value: unknown) => send({ t: 'result', id: frame.id, ok: true, value });
      switch (frame.channel) {
        case 'view:hello': {
          answer(helloFor(role, params.get('display') ?? 'primary'));
          const update: PlayerUpdate = { pushId: PUSH_ID, events: [pushedEvent], currentTime: new Date().toISOString(), speed: 1, seekGeneration: 0 };
          send({ t: 'push', channel: 'player:update', payload: update });
          return;
        }
        case 'player:ack':
          return answer({ ok: true });
        case 'outbox:list':
          return answer([]);
        case 'hub:query': {
          const code = String((frame.args.query as { code?: string }).code);
          return answer({ code, level: code.length === 6 ? 'district' : 'street', name: UNIT_NAMES[code] ?? code, parent: null, centroid: [106.5, 29.5] });
        }
        case 'command:submit': {
          const command = frame.args.command as Command;
          const item: OutboxItem = { id: command.id, command, status: 'sending', attempts: 1, queuedAt: new Date().toISOString() };
          answer(item);
          // Like main: the hub acks a moment later, and every view gets the whole outbox again.
          outbox.push({ ...item, status: 'acknowledged', ack: { ok: true, seq: 99 } });
          setTimeout(() => send({ t: 'push', channel: 'outbox:changed', payload: outbox }), 50);
          return;
        }
        default:
          send({ t: 'result', id: frame.id, ok: false, error: { code: 'invalid', message: `unknown channel ${frame.channel}` } });
      }
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    calls,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function waitForCall(shell: Shell, predicate: (call: Shell['calls'][number]) => boolean): Promise<Shell['calls'][number]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = shell.calls.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching call among: ${shell.calls.map((c) => c.channel).join(', ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** axe-core's serious and critical findings (contrast, names, labels), as "rule: target" lines. */
async function seriousAccessibilityIssues(page: Page): Promise<string[]> {
  // Evaluated through devtools, not a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('renderer against a fake browser shell', () => {
  let shell: Shell;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // tests/support/globalSetup.ts has built dist/renderer.
    fs.mkdirSync(shotDir, { recursive: true });
    shell = await startFakeShell();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
  });

  async function open(query: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text()); // CSP violations land here
    });
    await page.goto(`${shell.url}?${query}`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15_000 });
    return page;
  }

  it('wall: shows the hello state and the pushed incident in Chinese, then acks the push', async () => {
    const page = await open('role=wall&display=d0', { width: 1920, height: 1080 });
    const ack = await waitForCall(shell, (c) => c.role === 'wall' && c.channel === 'player:ack');
    expect(ack.args).toEqual({ viewId: 'view-wall-d0', pushId: PUSH_ID });
    expect(await page.evaluate(() => document.body.dataset.seq)).toBe(String(pushedEvent.seq));

    const incidentRows = page.locator('li[data-incident-id]');
    await incidentRows.getByText('杨家坪农贸市场食品安全投诉').waitFor();
    // At wall text sizes only whole rows are shown, newest first; a line says how many are held back.
    const shownRows = page.locator('li[data-incident-id]:not(.fitted-list__held)');
    expect(await shownRows.count()).toBeGreaterThanOrEqual(3);
    for (const row of await shownRows.all()) await expect(row.isVisible()).resolves.toBe(true);
    await expect(shownRows.first().textContent()).resolves.toContain('杨家坪农贸市场食品安全投诉'); // the pushed one, newest
    const incidentList = page.locator('.fitted-list', { has: page.locator('li[data-incident-id]') });
    const heldBack = Number(await incidentList.locator('.fitted-list__more').getAttribute('data-held'));
    expect((await shownRows.count()) + heldBack).toBe(7);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('重庆市城市运行和治理中心');
    // 7 open incidents: one Ⅰ级, two Ⅱ级, two Ⅲ级, two Ⅳ级 (one of them pushed).
    await expect(page.getByTestId('open-total').textContent()).resolves.toContain('7');
    await expect(page.getByTestId('severity-count-4').textContent()).resolves.toContain('2');
    await expect(page.getByTestId('tasks-overdue').textContent()).resolves.toContain('1');
    await page.getByText('九龙坡区 · 杨家坪街道').waitFor(); // unit names looked up through hub:query
    await expect(page.locator('[data-link="connected"]').textContent()).resolves.toContain('已连接');

    await page.screenshot({ path: path.join(shotDir, 'wall-foundation.png') });
    expect(await seriousAccessibilityIssues(page)).toEqual([]);
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('console: filters by keyboard, dispatches and reports real commands, switches to English', async () => {
    const page = await open('role=console&display=console', { width: 1600, height: 900 });
    await page.getByRole('cell', { name: '解放碑高层建筑消防报警', exact: true }).waitFor();
    await expect(page.getByTestId('session-user').textContent()).resolves.toBe('duty01');

    // Severity filter from the keyboard: only the Ⅰ级 incident stays.
    await page.getByTestId('filter-severity-1').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('filter-severity-1').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('tr[data-incident-id]').count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await expect(page.locator('tr[data-incident-id]').count()).resolves.toBe(7);

    // Dispatch goes to the incident's district: the proposal opens, one click confirms it.
    await page.locator('tr[data-incident-id="inc-fire"]').getByTestId('dispatch-button').click();
    await page.getByTestId('dispatch-confirm').click();
    const dispatch = await waitForCall(shell, (c) => c.channel === 'command:submit' && (c.args.command as Command).type === 'task.dispatch');
    expect(dispatch.args.command).toMatchObject({ type: 'task.dispatch', incidentId: 'inc-fire', toUnit: '500103' });
    expect((dispatch.args.command as Command).id).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator('[data-status="acknowledged"]').first().waitFor();

    // Report an incident through the form.
    const form = page.getByTestId('report-form');
    await form.getByLabel('事件标题').fill('朝天门码头人员聚集');
    await form.getByLabel('事件类型').fill('crowd');
    await form.getByRole('button', { name: '提交上报' }).click();
    const report = await waitForCall(shell, (c) => c.channel === 'command:submit' && (c.args.command as Command).type === 'incident.report');
    expect(report.args.command).toMatchObject({ type: 'incident.report', title: '朝天门码头人员聚集', kind: 'crowd', board: 'emergency', severity: 3 });
    await page.getByText('已提交，等待平台确认').waitFor();
    await page.locator('[data-status="acknowledged"]').nth(1).waitFor();

    await page.screenshot({ path: path.join(shotDir, 'console-foundation.png') });
    expect(await seriousAccessibilityIssues(page)).toEqual([]);

    await page.getByTestId('language-toggle').click();
    await page.getByText('Duty console').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByText('Chongqing City Operation and Governance Center').isVisible()).resolves.toBe(true);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
