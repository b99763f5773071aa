// One click down the hierarchy, on the real stack: one hub and three halls, each its own wall
// core and browser shell (the city's, 渝中区's and 解放碑街道's). The city dispatches an incident
// from its console; the district sees it within a second and passes it to the street; the street
// accepts, arrives and feeds back; the city closes and evaluates; every wall shows each state as
// it happens; the review shows the timeline. A task nobody takes up passes a short SLA, escalates
// and raises the alarm on the dispatching wall.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/server';
import { startTcpProxy, type TcpProxy } from '../../main/core/testing/tcpProxy';
import { DEFAULT_DISPATCH_RULES } from '../../hub/domain/dispatchRules';
import type { TaskState } from '../../shared/domain/taskLifecycle';
import { login, SHARED_CLIPS_DIR, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';
import { launchChromium, startWallInstance, type WallInstance } from './wall-layout-harness';

const DISTRICT = '500103'; // 渝中区
const STREET = '500103001'; // 解放碑街道
const ONE_DISPLAY = [{ id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
/** A drill kind whose SLA runs in seconds: accept within 3 s. */
const DRILL_KIND = 'sla-drill';

let hub: RunningHub;
let hubDir: string;
let browser: Browser;
let city: WallInstance;
let district: WallInstance;
let street: WallInstance;
/** The city hall reaches the hub through this relay, so the test can take its network away. */
let cityLink: TcpProxy;
const pageErrors: string[] = [];
const duty = { username: 'city-duty', unit: '500000', roles: ['duty' as const] };

beforeAll(async () => {
  hubDir = tempDir('dispatch-hub-');
  const drill = { id: 'drill', kinds: [DRILL_KIND], lead: 'next' as const, sla: { accept: 0.05, arrive: 0.1, close: 0.2 } };
  hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: hubDir,
    demo: true,
    simulator: false,
    logger: false,
    hlsEager: false,
    clipsDir: SHARED_CLIPS_DIR,
    slaTickMs: 500,
    dispatchRules: { ...DEFAULT_DISPATCH_RULES, rules: [drill, ...DEFAULT_DISPATCH_RULES.rules] },
  });
  browser = await launchChromium();
  const start = (username: string, hubUrl = hub.url) => startWallInstance({ hubUrl, browser, username, displays: ONE_DISPLAY });
  cityLink = await startTcpProxy(hub.port);
  city = await start('city-duty', cityLink.url);
  district = await start('d500103-duty');
  street = await start('s500103001-duty');
  for (const instance of [city, district, street]) {
    for (const viewId of ['console', 'wall-1']) instance.page(viewId).on('pageerror', (error) => pageErrors.push(`${viewId}: ${error.message}`));
  }
}, 240_000);

afterAll(async () => {
  for (const instance of [city, district, street]) await instance?.close();
  await browser?.close().catch(() => {});
  await cityLink?.close();
  await hub?.close().catch(() => {});
  if (hubDir) fs.rmSync(hubDir, { recursive: true, force: true });
});

/** Reports an incident at the street's centroid; its unit chain must run through the street. */
async function reportInStreet(title: string, kind: string, severity: 1 | 2 | 3 | 4): Promise<string> {
  const { token } = await login(hub.url, 'city-duty');
  const unit = (await (await fetch(`${hub.url}/api/v1/units/${STREET}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { centroid: [number, number] };
  const ack = await hub.execute(duty, { id: randomUUID(), type: 'incident.report', title, kind, board: 'governance', severity, location: unit.centroid });
  if (!ack.ok) throw new Error(`report refused: ${JSON.stringify(ack)}`);
  return (ack as { incidentId: string }).incidentId;
}

const inboxItem = (page: Page, taskId: string) => page.locator(`[data-testid="inbox-task"][data-task-id="${taskId}"]`);

/** Clicks an inbox item's action; for a form (reason, text, unit, score) fills it and submits. */
async function act(page: Page, taskId: string, verb: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  const item = inboxItem(page, taskId);
  await item.getByTestId(`task-action-${verb}`).click();
  const form = item.getByTestId('task-form');
  if (fill) {
    await fill(form);
    await form.getByTestId('task-action-submit').click();
  } else if (await form.count()) {
    await form.getByTestId('task-action-submit').click();
  }
}

/** Every hall's wall shows the task in `state` (its task feed's badge). */
async function everyWallShows(taskId: string, state: TaskState): Promise<void> {
  for (const [name, instance] of [['city', city], ['district', district], ['street', street]] as const) {
    await waitUntil(
      async () =>
        instance.page('wall-1').evaluate(
          ([id, s]) => [...document.querySelectorAll(`[data-task-id="${id}"] .task-badge`)].some((b) => b.classList.contains(`task-state--${s}`)),
          [taskId, state] as const,
        ),
      `${name} wall showing the task ${state}`,
      10_000,
      100,
    );
  }
}

describe('one click down the hierarchy', () => {
  let incidentId: string;
  let taskId: string;

  it('the city dispatches with one click; 渝中区’s console shows it within a second, with a banner and a tone', async () => {
    incidentId = await reportInStreet('解放碑步行街 占道经营', 'street-vendor', 3);
    const cityConsole = city.page('console');
    const districtConsole = district.page('console');
    const row = cityConsole.locator(`tr[data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId('dispatch-button').click();
    const proposal = cityConsole.getByTestId('dispatch-proposal');
    await proposal.waitFor({ timeout: 5_000 });
    // the hub proposes the district containing the incident as the lead
    await waitUntil(async () => (await proposal.getByTestId('dispatch-lead').getAttribute('data-unit-code')) === DISTRICT, 'lead 渝中区 proposed', 5_000, 50);
    // the district console notes when the task appears, and the tone it plays
    await districtConsole.evaluate(() => {
      const w = window as unknown as { seenAt?: Record<string, number>; tones?: string[] };
      w.seenAt = {};
      w.tones = [];
      window.addEventListener('wall:tone', (e) => w.tones!.push((e as CustomEvent<string>).detail));
      new MutationObserver(() => {
        for (const el of document.querySelectorAll<HTMLElement>('[data-testid="inbox-task"][data-task-id]')) w.seenAt![el.dataset.taskId!] ??= Date.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await cityConsole.evaluate(() => {
      const w = window as unknown as { clickedAt?: number };
      document.addEventListener('click', (e) => {
        if ((e.target as Element).closest('[data-testid="dispatch-confirm"]')) w.clickedAt ??= Date.now();
      }, { capture: true });
    });
    // a double click still dispatches once
    await proposal.getByTestId('dispatch-confirm').dblclick();
    await waitUntil(async () => (await districtConsole.evaluate(() => Object.keys((window as unknown as { seenAt: Record<string, number> }).seenAt).length)) > 0, 'the task in 渝中区’s inbox', 5_000, 50);
    const { clickedAt, seen, tones } = {
      clickedAt: await cityConsole.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt),
      seen: await districtConsole.evaluate(() => (window as unknown as { seenAt: Record<string, number> }).seenAt),
      tones: await districtConsole.evaluate(() => (window as unknown as { tones: string[] }).tones),
    };
    const taskIds = Object.keys(seen);
    expect(taskIds).toHaveLength(1);
    taskId = taskIds[0]!;
    const latencyMs = seen[taskId]! - clickedAt;
    console.log(`city click → 渝中区 console showing the task: ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(1000);
    await expect(districtConsole.getByTestId('inbox-banner').getAttribute('data-task-id')).resolves.toBe(taskId);
    expect(tones).toContain('inbox');
    // one task only, on the hub too
    const tasks = Object.values(city.core.state().tasks).filter((t) => t.incidentId === incidentId);
    expect(tasks.map((t) => t.taskId)).toEqual([taskId]);
    await everyWallShows(taskId, 'dispatched');
    // the row says where the dispatch went: acknowledged by the hub (from the outbox), or dispatched (from the tasks)
    await waitUntil(async () => ['acknowledged', 'dispatched'].includes((await row.getByTestId('dispatch-status').getAttribute('data-dispatch-state')) ?? ''), 'the row says dispatched', 5_000, 100);
    await expect(row.getByTestId('dispatch-status').textContent()).resolves.toContain('渝中区');
  });

  it('渝中区 passes it to 解放碑街道, which accepts, arrives and feeds back; every wall follows', async () => {
    const districtConsole = district.page('console');
    const streetConsole = street.page('console');
    await act(districtConsole, taskId, 'redispatch', async (form) => {
      // the incident's own street is the default choice
      await expect(form.locator(`[data-unit-code="${STREET}"]`).first().isVisible()).resolves.toBe(true);
      await form.locator(`[data-unit-code="${STREET}"]`).first().click();
    });
    await inboxItem(streetConsole, taskId).waitFor({ timeout: 10_000 });
    await everyWallShows(taskId, 'dispatched');
    expect(city.core.state().tasks[taskId]?.toUnit).toBe(STREET);

    await act(streetConsole, taskId, 'accept');
    await everyWallShows(taskId, 'accepted');
    await act(streetConsole, taskId, 'arrive');
    await everyWallShows(taskId, 'arrived');
    // some time on site, so the review has a step of whole seconds to show
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await act(streetConsole, taskId, 'feedback', (form) => form.getByTestId('task-form-text').fill('摊贩已劝离，道路恢复通行'));
    await everyWallShows(taskId, 'feedback');
  });

  it('a street may not close the city’s task: the console does not offer it, and the hub refuses it', async () => {
    await expect(inboxItem(street.page('console'), taskId).getByTestId('task-action-close').count()).resolves.toBe(0);
    const ack = await hub.execute({ username: 's500103001-duty', unit: STREET, roles: ['duty'] }, { id: randomUUID(), type: 'task.close', taskId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the city closes and evaluates it; the review shows the whole timeline with step durations', async () => {
    const cityConsole = city.page('console');
    await inboxItem(cityConsole, taskId).waitFor({ timeout: 10_000 });
    await act(cityConsole, taskId, 'close');
    await everyWallShows(taskId, 'closed');
    await act(cityConsole, taskId, 'evaluate', (form) => form.locator('[data-score="5"]').click());
    await everyWallShows(taskId, 'evaluated');
    expect(city.core.state().tasks[taskId]).toMatchObject({ state: 'evaluated', score: 5 });

    // Leadership's review on the city wall: the 复盘 preset, about this incident.
    await city.core.handleCall('console', 'layout:apply', { presetId: 'review' });
    await city.core.handleCall('console', 'layout:setCell', { cellId: 'review', panel: { kind: 'review', settings: { incidentId } } });
    const cityWall = city.page('wall-1');
    await cityWall.locator(`.review[data-incident-id="${incidentId}"]`).waitFor({ timeout: 10_000 });
    const rows = await cityWall.$$eval('.timeline-row', (els) =>
      els.map((el) => ({
        kind: (el as HTMLElement).dataset.kind,
        what: el.querySelector('.timeline-row__what')?.textContent ?? '',
        since: el.querySelector('.timeline-row__since')?.textContent ?? '',
        sla: (el.querySelector('.timeline-row__sla') as HTMLElement | null)?.dataset.sla ?? null,
      })),
    );
    // report, dispatch, redispatch, accept, arrive, feedback, close, evaluate: in order
    expect(rows.map((r) => r.kind)).toEqual(['report', 'dispatch', 'redispatch', 'transition', 'transition', 'transition', 'transition', 'transition']);
    // accept, arrive and close judged against their SLA, all in time
    expect(rows.filter((r) => r.sla !== null && r.sla !== undefined).map((r) => r.sla)).toEqual(['met', 'met', 'met']);
    // the feedback came 1.6 s or more after the arrival: its row says how long the step took
    expect(rows[5]!.what).not.toBe('');
    expect(rows[5]!.since).toMatch(/[1-9]\d* ?秒/);
    await expect(cityWall.locator('[data-total="sla"] dd').textContent()).resolves.toBe('3 / 0');
  });
});

describe('a dispatch clicked while the hub is out of reach', () => {
  it('shows as pending, and is delivered exactly once when the hub returns', async () => {
    const incidentId = await reportInStreet('八一路 窨井冒水', 'drainage', 4);
    const cityConsole = city.page('console');
    const row = cityConsole.locator(`tr[data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 10_000 });
    const tasksOnHub = () => Object.values(district.core.state().tasks).filter((t) => t.incidentId === incidentId);

    cityLink.block();
    cityLink.cut();
    await waitUntil(async () => city.core.status().link.state !== 'connected', 'the city hall offline', 10_000, 50);
    await row.getByTestId('dispatch-button').click();
    // no proposal from the hub: the console offers the incident's district below it, and says why
    await cityConsole.getByTestId('dispatch-confirm').waitFor({ timeout: 10_000 });
    await expect(cityConsole.getByTestId('dispatch-lead').getAttribute('data-unit-code')).resolves.toBe(DISTRICT);
    await cityConsole.getByTestId('dispatch-confirm').click();
    await waitUntil(async () => ['pending', 'sending'].includes((await row.getByTestId('dispatch-status').getAttribute('data-dispatch-state')) ?? ''), 'the row showing the dispatch pending', 5_000, 50);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tasksOnHub()).toEqual([]);
    expect(['pending', 'sending']).toContain(await row.getByTestId('dispatch-status').getAttribute('data-dispatch-state'));

    cityLink.unblock();
    await waitUntil(async () => tasksOnHub().length > 0, 'the dispatch delivered after the hub returned', 30_000, 100);
    await waitUntil(async () => ['acknowledged', 'dispatched'].includes((await row.getByTestId('dispatch-status').getAttribute('data-dispatch-state')) ?? ''), 'the row showing it dispatched', 10_000, 100);
    // and only once: the outbox's retries carry the same command id
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tasksOnHub()).toHaveLength(1);
    expect(tasksOnHub()[0]).toMatchObject({ toUnit: DISTRICT, fromUnit: '500000' });
  });
});

describe('a task nobody takes up', () => {
  it('passes its SLA, escalates to the unit above and raises the alarm on the dispatching wall', async () => {
    const incidentId = await reportInStreet('较场口 井盖缺失', DRILL_KIND, 3);
    const cityConsole = city.page('console');
    const cityWall = city.page('wall-1');
    await cityWall.evaluate(() => {
      const w = window as unknown as { tones?: string[] };
      w.tones = [];
      window.addEventListener('wall:tone', (e) => w.tones!.push((e as CustomEvent<string>).detail));
    });
    const row = cityConsole.locator(`tr[data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId('dispatch-button').click();
    await cityConsole.getByTestId('dispatch-confirm').click();
    let taskId = '';
    await waitUntil(async () => {
      taskId = Object.values(city.core.state().tasks).find((t) => t.incidentId === incidentId)?.taskId ?? '';
      return taskId !== '';
    }, 'the drill task dispatched', 10_000, 100);
    // accept within 3 s, checked every 0.5 s: overdue and escalated by the SLA clock within seconds
    await waitUntil(async () => city.core.state().tasks[taskId]?.escalated === true, 'the task escalated', 15_000, 100);
    const task = city.core.state().tasks[taskId]!;
    expect(task.overdue).toContain('accept');
    expect(task.toUnit).toBe('500000'); // 渝中区's parent: the city itself
    const alarm = cityWall.locator(`[data-testid="overdue-alarm"][data-task-id="${taskId}"]`);
    await alarm.waitFor({ timeout: 10_000 });
    await expect(alarm.textContent()).resolves.toContain('较场口 井盖缺失');
    expect(await cityWall.evaluate(() => (window as unknown as { tones: string[] }).tones)).toContain('overdue');

    // the supervision board counts it: overdue and escalated, now with the city itself
    await city.core.handleCall('console', 'layout:apply', { presetId: 'supervision' });
    const totals = cityWall.getByTestId('supervision-totals');
    await totals.waitFor({ timeout: 10_000 });
    const total = async (count: string) => Number(await totals.locator(`[data-count="${count}"] .supervision-total__value`).textContent());
    expect(await total('overdue')).toBeGreaterThanOrEqual(1);
    expect(await total('escalated')).toBeGreaterThanOrEqual(1);
    await expect(cityWall.locator('.supervision-row[data-unit="500000"][data-own]').count()).resolves.toBe(1);
  });
});

describe('the views', () => {
  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
