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

  it('setCell puts a panel in a cell, keeps the rest, un-presses the preset and survives a restart', async () => {
    const dir = tempDir();
    const heard: LayoutState[] = [];
    const service = await open(dir, heard);
    const applied = await service.applyPreset('daily');
    const edited = await service.setCell('ticker', { kind: 'indicators', settings: { board: 'ecology' } });
    expect(edited).toMatchObject({ mode: 'preset', layout: { id: 'daily' } });
    expect(edited.presetId).toBeUndefined();
    expect(edited.revision).toBe(applied.revision + 1);
    expect(heard.at(-1)).toEqual(edited);
    expect(edited.layout.cells.find((c) => c.id === 'ticker')!.panel).toEqual({ kind: 'indicators', settings: { board: 'ecology' } });
    expect(edited.layout.cells.filter((c) => c.id !== 'ticker')).toEqual(applied.layout.cells.filter((c) => c.id !== 'ticker'));
    await service.flushed();
    expect((await open(dir)).state()).toMatchObject({ layout: edited.layout, revision: edited.revision });
    expect((await open(dir)).state().presetId).toBeUndefined();
  });

  it('an unknown cell is not_found naming it, and changes nothing', async () => {
    const service = await open(tempDir());
    await service.applyPreset('daily');
    const before = service.state();
    await expect(service.setCell('nowhere', { kind: 'tasks', settings: { view: 'feed' } })).rejects.toMatchObject({ code: 'not_found', field: 'cellId', message: expect.stringContaining('"nowhere"') });
    await expect(service.placeCamera('nowhere', 'cam-x')).rejects.toMatchObject({ code: 'not_found', field: 'cellId' });
    expect(service.state()).toEqual(before);
  });

  it('an edit of a focus layout stays a focus, and revert still goes back', async () => {
    const service = await open(tempDir());
    await service.applyPreset('leadership');
    await service.focus({ ...findPreset('emergency')!.layout, id: 'focus-a' }, 'inc-a');
    const edited = await service.placeCamera('cameras', 'cam-z', 0);
    expect(edited).toMatchObject({ mode: 'focus', focusIncidentId: 'inc-a', layout: { id: 'focus-a' } });
    expect(await service.revert()).toMatchObject({ mode: 'preset', presetId: 'leadership' });
  });

  describe('placeCamera', () => {
    const camerasOf = (state: LayoutState, cellId = 'cameras') => {
      const panel = state.layout.cells.find((c) => c.id === cellId)!.panel;
      if (panel.kind !== 'cameras') throw new Error(`${cellId} is not a camera cell`);
      return panel.settings;
    };

    it('replaces the camera in the slot; a camera already in the cell swaps places instead of showing twice', async () => {
      const service = await open(tempDir());
      await service.applyPreset('leadership'); // cameras: grid 4, filled with cam-a … cam-d
      expect(camerasOf(service.state()).cameraIds).toEqual(['cam-a', 'cam-b', 'cam-c', 'cam-d']);
      expect(camerasOf(await service.placeCamera('cameras', 'cam-x', 1)).cameraIds).toEqual(['cam-a', 'cam-x', 'cam-c', 'cam-d']);
      expect(camerasOf(await service.placeCamera('cameras', 'cam-d', 0)).cameraIds).toEqual(['cam-d', 'cam-x', 'cam-c', 'cam-a']);
      expect(camerasOf(await service.placeCamera('cameras', 'cam-c')).cameraIds).toEqual(['cam-c', 'cam-x', 'cam-d', 'cam-a']);
      expect(service.state().presetId).toBeUndefined();
    });

    it('a slot past the grid grows it to the next size; past the last camera it takes the first free slot', async () => {
      const service = await open(tempDir());
      await service.applyPreset('leadership');
      const grown = camerasOf(await service.placeCamera('cameras', 'cam-y', 4));
      expect(grown).toEqual({ grid: 9, cameraIds: ['cam-a', 'cam-b', 'cam-c', 'cam-d', 'cam-y'] });
      expect(camerasOf(await service.placeCamera('cameras', 'cam-z', 24)).grid).toBe(25);
      expect(camerasOf(service.state()).cameraIds.at(-1)).toBe('cam-z');
      // Moving a camera to a slot past the end moves it, it is not copied.
      expect(camerasOf(await service.placeCamera('cameras', 'cam-a', 20)).cameraIds).toEqual(['cam-b', 'cam-c', 'cam-d', 'cam-y', 'cam-z', 'cam-a']);
    });

    it('ends the cell’s tour', async () => {
      const service = await open(tempDir());
      await service.applyPreset('leadership');
      await service.setCell('cameras', { kind: 'cameras', settings: { grid: 4, cameraIds: ['t1'], tour: { intervalSeconds: 10, cameraIds: ['t1', 't2', 't3'] } } });
      expect(camerasOf(await service.placeCamera('cameras', 'cam-x', 1))).toEqual({ grid: 4, cameraIds: ['t1', 'cam-x'] });
    });

    it('a cell that is not a camera cell is invalid', async () => {
      const service = await open(tempDir());
      await service.applyPreset('leadership');
      await expect(service.placeCamera('incidents', 'cam-x')).rejects.toMatchObject({ code: 'invalid', field: 'cellId', message: 'cellId: cell "incidents" shows incidents, not cameras' });
    });
  });
});
