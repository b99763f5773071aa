import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutState } from '../../../shared/wall/layoutState';
import { findPreset } from '../../../shared/wall/presets';
import { CoreError } from '../coreError';
import { fillCameraCells } from './cameraFill';
import { LAYOUT_FILE, LayoutService } from './layoutService';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-service-'));
  dirs.push(dir);
  return dir;
}

async function open(dir: string, heard: LayoutState[] = []) {
  return LayoutService.open({ dir, onChange: (s) => heard.push(s), fillCameras: async (l) => fillCameraCells(l, ['cam-a', 'cam-b', 'cam-c', 'cam-d', 'cam-e']) });
}

describe('LayoutService', () => {
  it('starts on the overview, applies a preset for every view to hear, and keeps it across a restart', async () => {
    const dir = tempDir();
    const heard: LayoutState[] = [];
    const service = await open(dir, heard);
    expect(service.state()).toMatchObject({ mode: 'preset', presetId: 'overview' });

    const applied = await service.applyPreset('emergency');
    expect(applied).toMatchObject({ mode: 'preset', presetId: 'emergency', layout: { id: 'emergency' } });
    expect(heard.at(-1)).toEqual(applied);
    expect(applied.revision).toBeGreaterThan(0);
    // Empty camera cells got the catalogue's cameras.
    const cameras = applied.layout.cells.find((c) => c.panel.kind === 'cameras')!.panel;
    expect(cameras.kind === 'cameras' && cameras.settings.cameraIds).toEqual(['cam-a', 'cam-b', 'cam-c', 'cam-d', 'cam-e']);

    const restarted = await open(dir);
    expect(restarted.state()).toMatchObject({ presetId: 'emergency', layout: applied.layout, revision: applied.revision });
  });

  it('refuses an unknown preset and changes nothing', async () => {
    const service = await open(tempDir());
    const before = service.state();
    await expect(service.applyPreset('party')).rejects.toMatchObject({ code: 'not_found', field: 'presetId' });
    expect(service.state()).toEqual(before);
  });

  it('exports a file that imports back to the same layout', async () => {
    const dir = tempDir();
    const service = await open(dir);
    await service.applyPreset('leadership');
    const exported = service.export();
    expect(exported.fileName).toBe('layout-leadership.json');
    await service.applyPreset('replay');

    const imported = await service.import(exported.text);
    expect(imported.layout).toEqual(JSON.parse(exported.text));
    expect(imported).toMatchObject({ mode: 'preset', presetId: 'leadership' });
    expect((await open(dir)).state().layout).toEqual(imported.layout);
  });

  it('a bad import names the field, changes nothing and writes nothing', async () => {
    const dir = tempDir();
    const service = await open(dir);
    await service.applyPreset('emergency');
    const before = service.state();
    const onDisk = fs.readFileSync(path.join(dir, LAYOUT_FILE), 'utf8');

    const bad = structuredClone(findPreset('daily')!.layout) as { cells: { columnSpan: number }[] };
    bad.cells[1]!.columnSpan = 40;
    const error = await service.import(JSON.stringify(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'invalid', field: 'cells.1.columnSpan' });
    await expect(service.import('{ not json')).rejects.toMatchObject({ code: 'invalid', field: '(file)' });
    await expect(service.import(JSON.stringify({ ...findPreset('daily')!.layout, cells: [{ id: 'x', column: 0, row: 0, columnSpan: 1, rowSpan: 1, panel: { kind: 'cameras', settings: { grid: 3, cameraIds: [] } } }] }))).rejects.toMatchObject({
      field: 'cells.0.panel.settings.grid',
    });

    expect(service.state()).toEqual(before);
    expect(fs.readFileSync(path.join(dir, LAYOUT_FILE), 'utf8')).toBe(onDisk);
  });

  it('a focus reverts to the layout before it, even after a second focus; outside a focus revert changes nothing', async () => {
    const service = await open(tempDir());
    await service.applyPreset('leadership');
    const focusLayout = { ...findPreset('replay')!.layout, id: 'focus-a' };
    await service.focus(focusLayout, 'inc-a');
    expect(service.state()).toMatchObject({ mode: 'focus', focusIncidentId: 'inc-a', layout: { id: 'focus-a' } });
    await service.focus({ ...focusLayout, id: 'focus-b' }, 'inc-b');
    const reverted = await service.revert();
    expect(reverted).toMatchObject({ mode: 'preset', presetId: 'leadership' });
    expect(reverted.focusIncidentId).toBeUndefined();
    expect((await service.revert()).revision).toBe(reverted.revision);
  });

  it('a corrupt file is ignored in favour of the overview', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LAYOUT_FILE), JSON.stringify({ version: 1, revision: 3, current: { mode: 'preset' } }));
    expect((await open(dir)).state()).toMatchObject({ presetId: 'overview', revision: 0 });
  });
});
