import { describe, expect, it } from 'vitest';
import type { LayoutState } from '../../../shared/wall/layoutState';
import { FakeBridge } from '../../testing/fakeBridge';
import { firstCameraCellId, openCameraOnWall } from './openCamera';

function layoutWith(kinds: string[]): LayoutState {
  return {
    layout: {
      id: 'test',
      name: 'test',
      columns: kinds.length,
      rows: 1,
      cells: kinds.map((kind, i) => ({
        id: `cell-${i}`,
        column: i,
        row: 0,
        columnSpan: 1,
        rowSpan: 1,
        panel: (kind === 'cameras' ? { kind, settings: { grid: 4, cameraIds: [] } } : { kind: 'status', settings: { show: ['severity'] } }) as LayoutState['layout']['cells'][number]['panel'],
      })),
    },
    mode: 'preset',
    revision: 1,
    canvas: { width: 3840, height: 1080, displays: [] } as unknown as LayoutState['canvas'],
  };
}

describe('openCameraOnWall', () => {
  it('places the camera in slot 0 of the first camera cell', async () => {
    const bridge = new FakeBridge();
    const layout = layoutWith(['status', 'cameras', 'cameras']);
    bridge.layoutState = layout;
    expect(firstCameraCellId(layout)).toBe('cell-1');
    expect(await openCameraOnWall(bridge, layout, 'cam-7')).toEqual({ ok: true, cellId: 'cell-1' });
    expect(bridge.layoutEdits).toEqual([{ call: 'placeCamera', cellId: 'cell-1', cameraId: 'cam-7', slot: 0 }]);
  });

  it('says so when the layout has no camera cell, and sends nothing', async () => {
    const bridge = new FakeBridge();
    expect(await openCameraOnWall(bridge, layoutWith(['status']), 'cam-7')).toEqual({ ok: false, reason: 'noCameraCell' });
    expect(await openCameraOnWall(bridge, null, 'cam-7')).toEqual({ ok: false, reason: 'noCameraCell' });
    expect(bridge.layoutEdits).toEqual([]);
  });

  it('passes on main’s refusal (another desk controls the display)', async () => {
    const bridge = new FakeBridge();
    bridge.refuseNextCall(new Error('display 2 is controlled by desk B'));
    expect(await openCameraOnWall(bridge, layoutWith(['cameras']), 'cam-7')).toEqual({ ok: false, reason: 'refused', message: 'display 2 is controlled by desk B' });
  });
});
