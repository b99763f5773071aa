import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planViewWindows } from './viewPlan';
import { chooseWallDisplays, profileDisplays, readWallProfile, toWallProfile, type ScreenDisplay } from './wallDisplays';

const screen = (id: string, x: number, primary = false): ScreenDisplay => ({ id, primary, bounds: { x, y: 0, width: 1920, height: 1080 } });
const operator = screen('1', 0, true);
const wallA = screen('2', 1920);
const wallB = screen('3', 3840);

describe('chooseWallDisplays', () => {
  it('uses every display but the operator’s primary one', () => {
    expect(chooseWallDisplays([operator, wallA, wallB]).map((d) => d.id)).toEqual(['2', '3']);
  });

  it('uses the only display when there is one', () => {
    expect(chooseWallDisplays([operator]).map((d) => d.id)).toEqual(['1']);
  });

  it('follows a profile’s display list and order, ignoring displays that are not connected', () => {
    expect(chooseWallDisplays([operator, wallA, wallB], { displays: ['3', '9', '1'] }).map((d) => d.id)).toEqual(['3', '1']);
  });
});

describe('readWallProfile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-profile-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads ids and bounds; a bad file is logged with its field and ignored', () => {
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ displays: [2, { id: 'left', bounds: { x: -1920, y: 0, width: 1920, height: 1080 } }] }));
    expect(profileDisplays(readWallProfile(good))).toEqual([
      { id: '2', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 'left', bounds: { x: -1920, y: 0, width: 1920, height: 1080 } },
    ]);

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ displays: [{ id: 'x', bounds: { x: 0, y: 0, width: 0, height: 5 } }] }));
    const lines: string[] = [];
    expect(readWallProfile(bad, (l) => lines.push(l))).toBeUndefined();
    expect(lines[0]).toContain('displays.0');
    expect(readWallProfile(path.join(dir, 'missing.json'), (l) => lines.push(l))).toBeUndefined();
    expect(lines).toHaveLength(2);
  });
});

describe('toWallProfile', () => {
  it('takes bounds from the screens and bezels from the profile file, by display id', () => {
    const bezel = { left: 6, right: 6, top: 4, bottom: 4 };
    const file = { displays: ['2', { id: '3', bezel }] };
    expect(toWallProfile(chooseWallDisplays([operator, wallA, wallB], file), file)).toEqual({
      displays: [
        { id: '2', bounds: wallA.bounds },
        { id: '3', bounds: wallB.bounds, bezel },
      ],
    });
  });

  it('keeps bezels the browser shell read with its displays', () => {
    const bezel = { left: 0, right: 12, top: 0, bottom: 0 };
    const displays = profileDisplays({ displays: [{ id: 'a', bezel }, 'b'] });
    expect(toWallProfile(displays).displays.map((d) => d.bezel)).toEqual([bezel, undefined]);
  });
});

describe('planViewWindows', () => {
  it('opens one wall view per wall display and the console centred on the operator display', () => {
    const plan = planViewWindows([wallA, wallB], operator);
    expect(plan.map((p) => [p.viewId, p.role, p.displayId])).toEqual([
      ['wall-2', 'wall', '2'],
      ['wall-3', 'wall', '3'],
      ['console', 'console', '1'],
    ]);
    expect(plan[0]!.bounds).toEqual(wallA.bounds);
    expect(plan[2]!.bounds).toEqual({ x: 160, y: 40, width: 1600, height: 1000 });
  });
});
