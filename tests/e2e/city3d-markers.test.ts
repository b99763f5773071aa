// The 3D city scene marks exactly the hub's open incidents: the real hub (simulator off, incidents
// reported and closed through its command service), the real wall core and browser shell on two
// displays, the `city` preset's scene spanning both, in Chromium with SwiftShader WebGL. The
// markers are read from the canvas's `data-incident-markers` (the ids drawn), not from pixels.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/server';
import type { Snapshot } from '../../shared/state/wallState';
import { login, SHARED_CLIPS_DIR, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';
import { launchChromium, startWallInstance, type WallInstance } from './wall-layout-harness';

const duty = { username: 'e2e-duty', unit: '500000', roles: ['duty' as const] };
const leader = { username: 'e2e-leader', unit: '500000', roles: ['leader' as const] };
/** How soon the markers must follow a report or a close. */
const FOLLOW_MS = 5000;

let hub: RunningHub;
let hubDir: string;
let browser: Browser;
let wall: WallInstance;
let token: string;
/** three.js and WebGL complaints on the wall pages (a marker shader that fails to compile, say). */
const glErrors: string[] = [];

beforeAll(async () => {
  hubDir = tempDir('city3d-markers-hub-');
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: false, seed: 7, logger: false, hlsEager: false, clipsDir: SHARED_CLIPS_DIR });
  browser = await launchChromium({ webgl: true });
  wall = await startWallInstance({ hubUrl: hub.url, browser });
  for (const viewId of ['wall-1', 'wall-2'] as const) {
    wall.page(viewId).on('console', (message) => {
      if (message.type() === 'error' && /THREE|WebGL|shader/i.test(message.text())) glErrors.push(`${viewId}: ${message.text().slice(0, 300)}`);
    });
  }
  token = (await login(hub.url, 'city-duty')).token;
}, 180_000);

afterAll(async () => {
  await wall?.close();
  await browser?.close().catch(() => {});
  await hub?.close().catch(() => {});
  if (hubDir) fs.rmSync(hubDir, { recursive: true, force: true });
});

/** The hub's open incidents as the wall's centre may see them (those on `unit`'s chain), sorted. */
async function hubOpenIncidents(unit?: string): Promise<string[]> {
  const response = await fetch(`${hub.url}/api/v1/snapshot`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const snapshot = (await response.json()) as Snapshot;
  return Object.values(snapshot.incidents)
    .filter((incident) => incident.status !== 'closed' && (unit === undefined || incident.units.includes(unit)))
    .map((incident) => incident.incidentId)
    .sort();
}

/** The incident ids a wall page's scene draws (null before its canvas is up). */
async function markersOn(viewId: 'wall-1' | 'wall-2'): Promise<string[] | null> {
  const ids = await wall.page(viewId).evaluate(() => document.querySelector('canvas[data-incident-markers]')?.getAttribute('data-incident-markers') ?? null);
  return ids === null ? null : ids.split(',').filter((id) => id !== '').sort();
}

async function report(title: string, severity: 2 | 3 | 4, location: [number, number]): Promise<string> {
  // Severity 1 would take the wall into a focus layout: these stay on the city scene.
  const result = await hub.execute(duty, { id: randomUUID(), type: 'incident.report', title, kind: 'facility', board: 'facility', severity, location });
  expect(result.ok).toBe(true);
  return (result as { incidentId: string }).incidentId;
}

/** Waits until both walls draw exactly `expected`; how long that took. */
async function markersFollow(expected: string[], timeoutMs: number, label: string): Promise<number> {
  const start = Date.now();
  const same = (ids: string[] | null) => ids !== null && ids.join(',') === expected.join(',');
  await waitUntil(async () => same(await markersOn('wall-1')) && same(await markersOn('wall-2')), label, timeoutMs, 100).catch(async (error: unknown) => {
    // Name what was drawn, so a failure says which incident is wrongly there or missing.
    throw new Error(`${String(error)}; expected ${expected.join(',')}; wall-1 drew ${(await markersOn('wall-1'))?.join(',')}; wall-2 drew ${(await markersOn('wall-2'))?.join(',')}`);
  });
  return Date.now() - start;
}

describe('3D city scene: incident markers', () => {
  it('marks the hub’s open incidents on both displays, and follows a report and a close', async () => {
    const first = await report('解放碑路灯故障', 4, [106.5772, 29.5571]);
    const second = await report('观音桥积水', 3, [106.5316, 29.5755]);
    const third = await report('两路井盖缺失', 2, [106.6318, 29.7186]);

    await wall.page('console').click('button[data-preset="city"]');
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'city' && (await wall.shownLayout('wall-2')) === 'city', 'the city scene on both walls', 20_000);

    const open = await hubOpenIncidents();
    expect(open).toEqual(expect.arrayContaining([first, second, third]));
    // The first frame in SwiftShader, with the areas loading, gets longer than a change does.
    await markersFollow(open, 60_000, 'markers equal to the hub’s open incidents');

    const fourth = await report('大渡口燃气异味', 3, [106.4826, 29.4842]);
    const closing = await hub.execute(leader, { id: randomUUID(), type: 'incident.close', incidentId: second });
    expect(closing.ok).toBe(true);
    const after = await hubOpenIncidents();
    expect(after).toContain(fourth);
    expect(after).not.toContain(second);
    const followedMs = await markersFollow(after, FOLLOW_MS, 'markers following a report and a close');
    expect(await markersOn('wall-1')).not.toContain(second);
    expect(glErrors).toEqual([]);
    console.log(`[city3d-markers] ${after.length} markers on both displays ${followedMs} ms after a report and a close`);
  });

  it('a district’s scene marks only the district’s open incidents', async () => {
    const inYuzhong = await report('较场口围挡倒塌', 3, [106.5708, 29.5516]);
    // The city layout with its scene on 渝中区, imported as a file (as an officer would).
    const city = wall.core.layout()!.layout;
    const district = {
      ...city,
      id: 'city-yuzhong',
      cells: city.cells.map((cell) => (cell.panel.kind === 'city3d' ? { ...cell, panel: { kind: 'city3d', settings: { ...cell.panel.settings, unit: '500103' } } } : cell)),
    };
    await wall.page('console').setInputFiles('[data-testid="layout-import-file"]', { name: 'city-yuzhong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(district)) });
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'city-yuzhong' && (await wall.shownLayout('wall-2')) === 'city-yuzhong', 'the district scene on both walls', 20_000);

    const inDistrict = await hubOpenIncidents('500103');
    expect(inDistrict).toContain(inYuzhong);
    expect((await hubOpenIncidents()).length).toBeGreaterThan(inDistrict.length);
    await markersFollow(inDistrict, 30_000, 'markers equal to the district’s open incidents');

    const closing = await hub.execute(leader, { id: randomUUID(), type: 'incident.close', incidentId: inYuzhong });
    expect(closing.ok).toBe(true);
    await markersFollow(await hubOpenIncidents('500103'), FOLLOW_MS, 'the district’s markers following a close');
    expect(glErrors).toEqual([]);
  });
});
