// The operator console on the real stack (hub, wall core, browser shell, two 1920×1080 wall
// displays): two desks put cameras and panels on the wall through the live miniature, by mouse
// and by keyboard, take and hand over control, show an incident on the wall; the miniature
// shows the displays' pictures; axe finds nothing serious.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_GRANT_SECONDS } from '../../shared/wall/control';
import { WALL_HEADLINE_PX, WALL_SERVICE_TEXT_PX, WALL_TEXT_PX } from '../../renderer/theme/readability';
import { login, REPO_ROOT } from '../support/hub';
import { waitUntil } from '../support/ports';
import { startLayoutWall, type LayoutWall } from './wall-layout-harness';

let wall: LayoutWall;
let deskA: Page;
let deskB: Page;
const pageErrors: string[] = [];
const duty = { username: 'e2e-duty', unit: '500000', roles: ['duty' as const] };
const shotDir = process.env.UPDATE_SCREENSHOTS ? path.join(REPO_ROOT, 'docs/screenshots') : path.join(REPO_ROOT, 'tests/.artifacts/screenshots');

/** A console window as an officer opens it at another desk: same shell, its own desk name. */
async function openDesk(desk: string): Promise<Page> {
  const page = await wall.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(`${desk}: ${error.message}`));
  await page.goto(`${wall.shell.url}/index.html?role=console&display=1&desk=${encodeURIComponent(desk)}`);
  await waitUntil(async () => (await page.evaluate(() => document.body.dataset.ready === '1' && document.querySelector('[data-miniature]') !== null)), `console of ${desk} ready`, 30_000, 100);
  return page;
}

beforeAll(async () => {
  wall = await startLayoutWall({ simulator: false });
  await wall.page('console').click('button[data-preset="daily"]');
  await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'daily' && (await wall.shownLayout('wall-2')) === 'daily', 'daily on both walls', 10_000);
  deskA = await openDesk('A');
  deskB = await openDesk('B');
}, 240_000);

afterAll(async () => {
  await wall?.close();
});

const wallCell = (viewId: 'wall-1' | 'wall-2', cellId: string) =>
  wall.page(viewId).evaluate((id) => {
    const cell = document.querySelector<HTMLElement>(`[data-layout-cell="${id}"]`);
    return cell ? { kind: cell.dataset.panelKind ?? null, cameraIds: cell.dataset.cameraIds?.split(',') ?? null } : null;
  }, cellId);

const holdingOn = (page: Page, displayId: string) => page.getAttribute(`[data-control-display="${displayId}"]`, 'data-holding');

/** A camera of the wall's scope that no cell shows yet, by its exact name. */
async function cameraNotShown(): Promise<{ id: string; name: string }> {
  const { token } = await login(wall.hub.url, 'city-duty');
  const cameras = (await (await fetch(`${wall.hub.url}/api/v1/cameras?limit=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; name: string }[];
  const shown = new Set(wall.core.layout()!.layout.cells.flatMap((c) => (c.panel.kind === 'cameras' ? c.panel.settings.cameraIds : [])));
  const names = new Map<string, number>();
  for (const c of cameras) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const camera = cameras.find((c) => !shown.has(c.id) && names.get(c.name) === 1);
  if (!camera) throw new Error('no unshown camera with a unique name');
  return camera;
}

async function searchByName(page: Page, name: string): Promise<void> {
  await page.fill('[data-testid="camera-search-name"]', name);
  await page.click('[data-testid="camera-search-submit"]');
}

/** Moves keyboard focus through the miniature with the arrow key until it is on `selector`'s element. */
async function arrowTo(page: Page, matches: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, matches)) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`arrow keys never reached ${matches}`);
}

describe('the console on a two-display wall', () => {
  it('shows its desk name, and both displays with the cells of the layout on them', async () => {
    expect(await deskA.textContent('[data-testid="console-desk"]')).toBe('A');
    expect(await deskB.textContent('[data-testid="console-desk"]')).toBe('B');
    const displays = await deskA.$$eval('[data-display-id]', (els) => els.map((e) => (e as HTMLElement).dataset.displayId));
    expect(displays).toEqual(['1', '2']);
    const cells = await deskA.$$eval('[data-mini-cell]', (els) => els.map((e) => (e as HTMLElement).dataset.miniCell));
    expect(cells).toEqual(['overview', 'cameras', 'ticker', 'indicators', 'incidents', 'tasks']);
    // The miniature's camera cell lists the cameras the wall shows, slot by slot.
    const onWall = (await wallCell('wall-1', 'cameras'))!.cameraIds!;
    const inMiniature = await deskA.$$eval('[data-mini-cell="cameras"] [data-slot]', (els) => els.map((e) => (e as HTMLElement).dataset.cameraId));
    expect(inMiniature).toEqual(onWall);
  });

  it('sizes the wall’s words for 5 m and its figures for 10 m (theme/readability.ts) on 1920×1080 displays', async () => {
    for (const viewId of ['wall-1', 'wall-2'] as const) {
      const sizes = await wall.page(viewId).evaluate(() => {
        const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
        const withText = (root: ParentNode, selector: string) =>
          // SVG icons draw their glyphs scaled to the icon, not at their font size.
          [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => !(el instanceof SVGElement) && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && el.getClientRects().length > 0);
        // The words of the header band and of every incident, task and status cell (indicator and camera tiles keep their own geometry).
        const words = withText(document, '.wall-canvas__header *, [data-layout-cell][data-panel-kind="incidents"] *, [data-layout-cell][data-panel-kind="tasks"] *, [data-layout-cell][data-panel-kind="status"] *');
        const smallest = words.reduce((min, el) => (px(el) < min.size ? { size: px(el), text: el.textContent!.trim().slice(0, 20) } : min), { size: Infinity, text: '' });
        const figures = [...document.querySelectorAll('.clock__time, .severity-tile__value, .severity-total__value')].map(px);
        const footer = [...document.querySelectorAll('.wall__footer')].map(px);
        return { root: px(document.documentElement), words: words.length, smallest, figures, footer };
      });
      expect(Math.round(sizes.root), viewId).toBe(WALL_TEXT_PX);
      expect(sizes.words, viewId).toBeGreaterThan(5);
      expect(sizes.smallest.size, `${viewId}: "${sizes.smallest.text}"`).toBeGreaterThanOrEqual(WALL_TEXT_PX - 0.5);
      for (const figure of sizes.figures) expect(figure, viewId).toBeGreaterThanOrEqual(WALL_HEADLINE_PX - 0.5);
      for (const footer of sizes.footer) expect(Math.round(footer), viewId).toBe(WALL_SERVICE_TEXT_PX);
    }
  });

  it('a camera found by name and dragged onto a slot appears on the wall display in that slot', async () => {
    const camera = await cameraNotShown();
    await searchByName(deskA, camera.name);
    const result = deskA.locator(`[data-camera-result="${camera.id}"]`);
    await result.waitFor({ timeout: 10_000 });
    await result.dragTo(deskA.locator('[data-mini-cell="cameras"] [data-slot="4"]'));
    await waitUntil(async () => (await wallCell('wall-1', 'cameras'))?.cameraIds?.[4] === camera.id, 'the camera in slot 5 of the wall', 10_000);
    // Both consoles' miniatures follow.
    await waitUntil(async () => (await deskB.getAttribute('[data-mini-cell="cameras"] [data-slot="4"]', 'data-camera-id')) === camera.id, 'desk B’s miniature', 5_000);
    expect(await deskA.textContent('[data-testid="placement-status"]')).toContain(camera.name);
  });

  it('a panel dragged onto a cell appears on the wall', async () => {
    await deskA.locator('[data-palette-entry="incidents-ticker"]').dragTo(deskA.locator('[data-mini-cell="tasks"] [data-drop-target="cell"]'));
    await waitUntil(async () => (await wallCell('wall-2', 'tasks'))?.kind === 'incidents', 'the ticker in the tasks cell of display 2', 10_000);
    expect(wall.core.layout()!.layout.cells.find((c) => c.id === 'tasks')!.panel).toEqual({ kind: 'incidents', settings: { view: 'ticker' } });
  });

  it('does both by keyboard alone: Enter picks, arrows move, Enter places, Escape cancels', async () => {
    // A panel.
    await deskA.focus('[data-palette-entry="tasks-states"]');
    await deskA.keyboard.press('Enter');
    await arrowTo(deskA, '[data-mini-cell="tasks"] [data-drop-target="cell"]');
    await deskA.keyboard.press('Enter');
    await waitUntil(async () => (await wallCell('wall-2', 'tasks'))?.kind === 'tasks', 'task states in the tasks cell', 10_000);
    // A camera from the search results, into slot 3.
    const camera = await cameraNotShown();
    await searchByName(deskA, camera.name);
    await deskA.locator(`[data-camera-result="${camera.id}"]`).waitFor({ timeout: 10_000 });
    await deskA.focus(`[data-camera-result="${camera.id}"]`);
    await deskA.keyboard.press('Space');
    await arrowTo(deskA, '[data-mini-cell="cameras"] [data-slot="2"]');
    await deskA.keyboard.press('Enter');
    await waitUntil(async () => (await wallCell('wall-1', 'cameras'))?.cameraIds?.[2] === camera.id, 'the camera in slot 3 of the wall', 10_000);
    // Escape drops a pick and puts focus back where it was; nothing changes.
    const revision = wall.core.layout()!.revision;
    await deskA.focus('[data-palette-entry="status"]');
    await deskA.keyboard.press('Enter');
    await waitUntil(() => deskA.evaluate(() => document.activeElement?.closest('[data-miniature]') !== null), 'focus in the miniature', 5_000, 50);
    await deskA.keyboard.press('Escape');
    expect(await deskA.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.paletteEntry)).toBe('status');
    expect(await deskA.locator('[data-testid="picked-item"]').count()).toBe(0);
    expect(wall.core.layout()!.revision).toBe(revision);
  });

  it('A takes control; B’s preset click is refused with a message naming A', async () => {
    await deskA.click('[data-control-action="take-all"]');
    await waitUntil(async () => (await holdingOn(deskB, '1')) === 'other' && (await holdingOn(deskB, '2')) === 'other', 'B sees A holding both', 5_000);
    expect(await holdingOn(deskA, '1')).toBe('mine');
    expect(await deskB.textContent('[data-testid="holder-1"]')).toContain('A 控制');
    await deskB.click('button[data-preset="emergency"]');
    await deskB.locator('[data-testid="layout-notice"]').waitFor({ timeout: 5_000 });
    const notice = await deskB.textContent('[data-testid="layout-notice"]');
    expect(notice).toContain('由 A 控制');
    expect(await deskB.getAttribute('[data-testid="layout-notice"]', 'role')).toBe('alert');
    expect(wall.core.layout()).toMatchObject({ layout: { id: 'daily' } });
    // A drop on a held display is refused the same way.
    await deskB.locator('[data-palette-entry="status"]').dragTo(deskB.locator('[data-mini-cell="incidents"] [data-drop-target="cell"]'));
    await waitUntil(async () => ((await deskB.textContent('[data-testid="placement-error"]')) ?? '').includes('由 A 控制'), 'B told A holds it', 5_000);
  });

  it('B requests, A hands over, B holds', async () => {
    await deskB.click('[data-control-display="1"] [data-control-action="request"]');
    await deskA.locator('[data-testid="handover-prompt"]').waitFor({ timeout: 5_000 });
    expect(await deskA.textContent('[data-testid="handover-prompt"] [role="alert"]')).toBe('B 请求接管显示屏 1');
    expect(await deskA.textContent('[data-testid="handover-prompt"]')).toMatch(/\d+ 秒后自动移交/);
    await deskA.click('[data-handover="grant"]');
    await waitUntil(async () => (await holdingOn(deskB, '1')) === 'mine', 'B holding display 1', 5_000);
    expect(await holdingOn(deskA, '1')).toBe('other');
    expect(await deskA.locator('[data-testid="handover-prompt"]').count()).toBe(0);
  });

  it('a request A leaves unanswered is granted by itself', async () => {
    await deskB.click('[data-control-display="2"] [data-control-action="request"]');
    await deskA.locator('[data-testid="handover-prompt"]').waitFor({ timeout: 5_000 });
    await deskB.locator('[data-testid="request-waiting-2"]').waitFor({ timeout: 5_000 });
    const asked = Date.now();
    await waitUntil(async () => (await holdingOn(deskB, '2')) === 'mine', 'B holding display 2 by itself', (HANDOVER_GRANT_SECONDS + 10) * 1000, 250);
    expect(Date.now() - asked).toBeGreaterThan((HANDOVER_GRANT_SECONDS - 2) * 1000);
    expect(await deskA.locator('[data-testid="handover-prompt"]').count()).toBe(0);
  }, (HANDOVER_GRANT_SECONDS + 40) * 1000);

  it('a click on “show on wall” focuses the wall on that incident, and marks its row', async () => {
    const report = await wall.hub.execute(duty, { id: randomUUID(), type: 'incident.report', title: '七星岗 燃气管道泄漏', kind: 'gas', board: 'facility', severity: 3, location: [106.566, 29.553] });
    expect(report.ok).toBe(true);
    const incidentId = (report as { incidentId: string }).incidentId;
    const row = `[data-incident-id="${incidentId}"]`;
    await deskB.locator(row).waitFor({ timeout: 10_000 });
    await deskB.click(`${row} [data-testid="show-on-wall"]`);
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === `focus-${incidentId}` && (await wall.shownLayout('wall-2')) === `focus-${incidentId}`, 'both walls focused on it', 10_000);
    await waitUntil(async () => (await deskB.getAttribute(row, 'data-on-wall')) === 'true', 'its row marked', 5_000);
    expect(await deskB.textContent(row)).toContain('大屏聚焦中');
    // A, holding nothing now, is refused with B named.
    await deskA.click(`${row} [data-testid="show-on-wall"]`);
    await waitUntil(async () => ((await deskA.textContent('[data-testid="incident-focus-error"]')) ?? '').includes('由 B 控制'), 'A told B holds the wall', 5_000);
  });

  it('axe finds no serious or critical problem on the whole console (miniature, palette, search results, preset bar, control)', async () => {
    await searchByName(deskB, '');
    await deskB.locator('[data-camera-result]').first().waitFor({ timeout: 10_000 });
    // B holds the wall (release buttons, a marked incident); A holds nothing (request buttons, refusals shown).
    for (const desk of [deskA, deskB]) {
      await desk.evaluate(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const violations = await desk.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return (await axe.run()).violations;
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      expect(serious).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });

  it('the miniature shows each display’s picture once the shell sends one', async () => {
    await waitUntil(
      async () => (await deskB.$$eval('[data-display-id] img.mini-display__picture', (imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)) === 2,
      'both displays’ pictures in the miniature',
      30_000,
      250,
    );
    expect(await deskB.textContent('[data-display-id="1"]')).toMatch(/画面 \d+ 秒前/);
    // Pictures keep coming: wait for ones taken after this point (they show the focus layout now on the wall).
    const since = Date.now() + 1000;
    const capturedAt = () => deskB.$$eval('[data-display-id]', (els) => els.map((e) => Date.parse((e as HTMLElement).dataset.thumbnailAt ?? '')));
    await waitUntil(async () => (await capturedAt()).every((at) => at > since), 'newer pictures of both displays', 30_000, 250);
    // A busier desk for the picture: a few more incidents, one dispatched.
    for (const [title, severity] of [['解放碑 商圈人群聚集', 2], ['沙坪坝 行道树倒伏', 4], ['江北嘴 内涝积水', 3]] as const) {
      await wall.hub.execute(duty, { id: randomUUID(), type: 'incident.report', title, kind: 'report', board: 'governance', severity, location: [106.57, 29.56] });
    }
    await deskB.locator('tr[data-incident-id]').nth(3).waitFor({ timeout: 10_000 });
    await deskB.locator('tr[data-incident-id]').nth(1).getByTestId('dispatch-button').click();
    await deskB.getByTestId('dispatch-confirm').click();
    await deskB.locator('.task-item').first().waitFor({ timeout: 10_000 });
    fs.mkdirSync(shotDir, { recursive: true });
    await deskB.screenshot({ path: path.join(shotDir, 'console-miniature.png') });
  });
});
