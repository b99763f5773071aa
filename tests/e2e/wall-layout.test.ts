// A preset clicked on the console reaches both wall displays of a two-display wall within
// 500 ms; each display draws only its slice of the canvas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/ports';
import { startLayoutWall, watchLayout, type LayoutWall } from './wall-layout-harness';

let wall: LayoutWall;

beforeAll(async () => {
  wall = await startLayoutWall({ simulator: false });
}, 180_000);

afterAll(async () => {
  await wall?.close();
});

async function clickPreset(presetId: string): Promise<number> {
  // Clicked inside the console page, timed on the same clock the wall pages stamp with.
  return wall.page('console').evaluate((id) => {
    const button = document.querySelector<HTMLButtonElement>(`button[data-preset="${id}"]`);
    if (!button) throw new Error(`no button for preset ${id}`);
    const at = Date.now();
    button.click();
    return at;
  }, presetId);
}

describe('wall layout presets on a two-display wall', () => {
  it('starts on the overview; the daily preset splits the canvas across both displays', async () => {
    expect(await wall.shownLayout('wall-1')).toBe('overview');
    expect(await wall.page('console').getAttribute('button[data-preset="overview"]', 'aria-pressed')).toBe('true');
    await clickPreset('daily');
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'daily' && (await wall.shownLayout('wall-2')) === 'daily', 'daily on both walls', 10_000);
    const layout = wall.core.layout()!;
    expect(layout.canvas).toEqual({
      width: 3840,
      height: 1080,
      slices: [
        { displayId: '1', x: 0, y: 0, width: 1920, height: 1080 },
        { displayId: '2', x: 1920, y: 0, width: 1920, height: 1080 },
      ],
    });
    const cells = (viewId: 'wall-1' | 'wall-2') => wall.page(viewId).evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-layout-cell]')].map((e) => e.dataset.layoutCell));
    expect(await cells('wall-1')).toEqual(['overview', 'cameras', 'ticker']);
    expect(await cells('wall-2')).toEqual(['indicators', 'incidents', 'tasks']);
    // The console marks the active preset.
    expect(await wall.page('console').getAttribute('button[data-preset="daily"]', 'aria-pressed')).toBe('true');
  });

  it('a preset clicked on the console changes both wall displays within 500 ms', async () => {
    // Two rounds through every preset. On this 2-core machine another end-to-end file may be
    // starting Chromium at the same moment and stall a page for a few hundred ms, so each preset
    // must make it in its best round, and the typical switch (the median) must too.
    const presets = ['emergency', 'leadership', 'replay', 'overview', 'daily'];
    const latencies = new Map<string, number[]>();
    for (let round = 0; round < 2; round++) {
      for (const presetId of presets) {
        const seen = await Promise.all([watchLayout(wall.page('wall-1'), presetId, round), watchLayout(wall.page('wall-2'), presetId, round)]);
        const clickedAt = await clickPreset(presetId);
        let times: (number | null)[] = [];
        await waitUntil(async () => (times = await Promise.all(seen.map((read) => read()))).every((t) => t !== null), `both walls on ${presetId}`, 5_000, 20);
        latencies.set(presetId, [...(latencies.get(presetId) ?? []), Math.max(...(times as number[])) - clickedAt]);
        await waitUntil(async () => (await wall.page('console').getAttribute(`button[data-preset="${presetId}"]`, 'aria-pressed')) === 'true', 'the console marking it', 5_000);
        await new Promise((r) => setTimeout(r, 300)); // an officer looks before the next click
      }
    }
    console.table([...latencies].map(([preset, ms]) => ({ preset, 'click → both walls (ms)': ms.join(', ') })));
    for (const [preset, ms] of latencies) expect(Math.min(...ms), preset).toBeLessThan(500);
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    expect(all[Math.floor(all.length / 2)]).toBeLessThan(500);
    // The choice is the wall core's, and kept on disk.
    expect(wall.core.layout()).toMatchObject({ mode: 'preset', presetId: 'daily' });
  });

  it('a spanning cell is drawn on both displays, shifted so it lines up across them', async () => {
    await clickPreset('leadership');
    await waitUntil(async () => (await wall.shownLayout('wall-2')) === 'leadership' && (await wall.shownLayout('wall-1')) === 'leadership', 'leadership on both', 5_000);
    const box = (viewId: 'wall-1' | 'wall-2') => wall.page(viewId).locator('[data-layout-cell="indicators"]').boundingBox();
    const [left, right] = await Promise.all([box('wall-1'), box('wall-2')]);
    expect(left && right).toBeTruthy();
    // One rectangle on the 3840-wide canvas: the right display sees it 1920 px further left.
    expect(Math.round(right!.x + 1920)).toBe(Math.round(left!.x));
    expect(Math.round(right!.width)).toBe(Math.round(left!.width));
  });

  it('an invalid layout file is refused with the field named and changes nothing', async () => {
    const console = wall.page('console');
    const before = wall.core.layout()!;
    const bad = JSON.stringify({ ...before.layout, cells: [{ ...before.layout.cells[0], columnSpan: 99 }] });
    await console.setInputFiles('[data-testid="layout-import-file"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await waitUntil(async () => (await console.locator('[data-testid="layout-notice"]').count()) > 0, 'the import notice', 5_000);
    expect(await console.locator('[data-testid="layout-notice"]').getAttribute('role')).toBe('alert');
    expect(await console.locator('[data-testid="layout-notice"]').textContent()).toContain('cells.0.columnSpan');
    expect(wall.core.layout()!.revision).toBe(before.revision);
  });
});
