// A severity-1 incident takes the wall into a focus layout built around it (its nearest cameras,
// its board, its tasks); closing it brings the previous layout back. The real hub, simulator off.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/ports';
import { login } from '../support/hub';
import { startLayoutWall, type LayoutWall } from './wall-layout-harness';

let wall: LayoutWall;
const duty = { username: 'e2e-duty', unit: '500000', roles: ['duty' as const] };
const leader = { username: 'e2e-leader', unit: '500000', roles: ['leader' as const] };
const location: [number, number] = [106.5772, 29.5571]; // 解放碑, 渝中区

beforeAll(async () => {
  wall = await startLayoutWall({ simulator: false });
}, 180_000);

afterAll(async () => {
  await wall?.close();
});

async function nearestCameraIds(limit: number): Promise<string[]> {
  const { token } = await login(wall.hub.url, 'city-duty');
  const response = await fetch(`${wall.hub.url}/api/v1/cameras?near=${location[0]},${location[1]}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { id: string }[]).map((c) => c.id);
}

const cameraIdsShown = (viewId: 'wall-1' | 'wall-2') =>
  wall.page(viewId).evaluate(() => document.querySelector<HTMLElement>('[data-layout-cell][data-panel-kind="cameras"]')?.dataset.cameraIds ?? null);

describe('alarm rules: focus layout', () => {
  it('a severity-1 report focuses the walls on it with its nearest cameras; closing it reverts', async () => {
    await wall.page('console').click('button[data-preset="leadership"]');
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'leadership' && (await wall.shownLayout('wall-2')) === 'leadership', 'leadership on both walls', 10_000);

    // A minor incident changes nothing.
    await wall.hub.execute(duty, { id: randomUUID(), type: 'incident.report', title: '路灯故障', kind: 'facility', board: 'facility', severity: 4, location });
    const report = await wall.hub.execute(duty, { id: randomUUID(), type: 'incident.report', title: '解放碑商圈人群聚集', kind: 'crowd', board: 'governance', severity: 1, location });
    expect(report.ok).toBe(true);
    const incidentId = (report as { incidentId: string }).incidentId;
    const focusId = `focus-${incidentId}`;

    await waitUntil(async () => (await wall.shownLayout('wall-1')) === focusId && (await wall.shownLayout('wall-2')) === focusId, 'both walls on the focus layout', 10_000);
    const expected = await nearestCameraIds(9);
    expect(expected).toHaveLength(9);
    expect((await cameraIdsShown('wall-1'))?.split(',')).toEqual(expected);
    const focus = wall.core.layout()!;
    expect(focus).toMatchObject({ mode: 'focus', focusIncidentId: incidentId });
    const indicators = focus.layout.cells.find((c) => c.panel.kind === 'indicators')!.panel.settings;
    expect(indicators).toMatchObject({ board: 'governance', unit: '500103' });
    // The incident feed on the right display leads with the incident, and the console offers the way back.
    await waitUntil(async () => (await wall.page('wall-2').locator(`[data-focus-incident="${incidentId}"]`).count()) === 1, 'the focused incident marked', 10_000);
    await waitUntil(async () => (await wall.page('console').locator('button[data-action="revert"]').count()) === 1, 'the revert button', 5_000);

    const closing = await wall.hub.execute(leader, { id: randomUUID(), type: 'incident.close', incidentId });
    expect(closing.ok).toBe(true);
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'leadership' && (await wall.shownLayout('wall-2')) === 'leadership', 'both walls back on leadership', 10_000);
    expect(wall.core.layout()).toMatchObject({ mode: 'preset', presetId: 'leadership' });
    expect(await wall.page('console').locator('button[data-action="revert"]').count()).toBe(0);
  });

  it('the officer reverts a focus from the console before the incident closes', async () => {
    const report = await wall.hub.execute(duty, { id: randomUUID(), type: 'incident.report', title: '长江水位超警', kind: 'flood', board: 'emergency', severity: 1, location: [106.58, 29.56] });
    const incidentId = (report as { incidentId: string }).incidentId;
    await waitUntil(async () => (await wall.shownLayout('wall-2')) === `focus-${incidentId}`, 'the focus layout', 10_000);
    await waitUntil(async () => (await wall.page('console').locator('button[data-action="revert"]').count()) === 1, 'the revert button', 5_000);
    await wall.page('console').click('button[data-action="revert"]');
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'leadership' && (await wall.shownLayout('wall-2')) === 'leadership', 'both walls back', 10_000);
    expect(wall.core.layout()?.mode).toBe('preset');
  });
});
