import { describe, expect, it } from 'vitest';
import { findPaletteEntry } from './palette';
import { DRAG_TYPES, draggedType, readWallItem, writeWallItem, type DragData } from './wallItem';

/** A DataTransfer as a drop sees it. */
function transfer(entries: Record<string, string> = {}): DragData & { effectAllowed?: string } {
  const data = new Map(Object.entries(entries));
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (format, value) => void data.set(format, value),
    getData: (format) => data.get(format) ?? '',
  };
}

describe('drag data', () => {
  it('carries a palette panel and a camera to the drop, each under its own type', () => {
    const panelDrag = transfer();
    writeWallItem(panelDrag, { type: 'panel', entry: findPaletteEntry('indicators-ecology')! });
    expect(draggedType(panelDrag)).toBe('panel');
    expect(readWallItem(panelDrag)).toEqual({ ok: true, item: { type: 'panel', entry: findPaletteEntry('indicators-ecology') } });

    const cameraDrag = transfer();
    writeWallItem(cameraDrag, { type: 'camera', cameraId: 'cam-0042', name: '解放碑 01' });
    expect(draggedType(cameraDrag)).toBe('camera');
    expect(cameraDrag.effectAllowed).toBe('copy');
    expect(readWallItem(cameraDrag)).toEqual({ ok: true, item: { type: 'camera', cameraId: 'cam-0042', name: '解放碑 01' } });
  });

  it('refuses drops from elsewhere that do not parse, naming the field', () => {
    expect(readWallItem(transfer({ 'text/plain': 'hello' }))).toEqual({ ok: false, reason: 'not a panel or a camera' });
    expect(readWallItem(transfer({ [DRAG_TYPES.camera]: '{' }))).toEqual({ ok: false, reason: 'camera: not JSON' });
    const noId = readWallItem(transfer({ [DRAG_TYPES.camera]: JSON.stringify({ cameraId: '', name: 'x' }) }));
    expect(noId.ok === false && noId.reason).toMatch(/^camera\.cameraId/);
    const unknown = readWallItem(transfer({ [DRAG_TYPES.panel]: JSON.stringify({ entryId: 'weather' }) }));
    expect(unknown.ok === false && unknown.reason).toMatch(/no palette entry "weather"/);
  });
});
