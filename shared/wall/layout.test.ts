import { describe, expect, it } from 'vitest';
import { parseAtEdge } from '../validation';
import { Layout } from './layout';
import { BUILT_IN_PRESETS } from './presets';

const base = {
  id: 'test',
  name: 'Test',
  columns: 4,
  rows: 2,
  cells: [
    { id: 'a', column: 0, row: 0, columnSpan: 2, rowSpan: 2, panel: { kind: 'cameras', settings: { grid: 4, cameraIds: ['cam-1'] } } },
    { id: 'b', column: 2, row: 0, columnSpan: 2, rowSpan: 1, panel: { kind: 'tasks', settings: { view: 'feed' } } },
  ],
};
const withCell = (cell: object) => ({ ...base, cells: [...base.cells, cell] });

describe('Layout validation', () => {
  it('accepts every built-in preset and a hand-written layout', () => {
    for (const preset of BUILT_IN_PRESETS) expect(parseAtEdge(Layout, preset.layout).ok, preset.id).toBe(true);
    expect(parseAtEdge(Layout, base).ok).toBe(true);
  });

  it('refuses a cell outside the grid, naming the cell field', () => {
    const parsed = parseAtEdge(Layout, withCell({ id: 'c', column: 3, row: 1, columnSpan: 2, rowSpan: 1, panel: { kind: 'status', settings: { show: ['tasks'] } } }));
    expect(parsed).toMatchObject({ ok: false, field: 'cells.2.columnSpan' });
    expect(parseAtEdge(Layout, withCell({ id: 'c', column: 2, row: 1, columnSpan: 1, rowSpan: 2, panel: { kind: 'status', settings: { show: ['tasks'] } } }))).toMatchObject({
      ok: false,
      field: 'cells.2.rowSpan',
    });
  });

  it('refuses overlapping cells and says which', () => {
    const parsed = parseAtEdge(Layout, withCell({ id: 'c', column: 1, row: 1, columnSpan: 1, rowSpan: 1, panel: { kind: 'status', settings: { show: ['tasks'] } } }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.field).toBe('cells.2');
      expect(parsed.message).toContain('overlaps cell "a"');
    }
  });

  it('refuses an unknown panel kind, naming the kinds it knows', () => {
    const parsed = parseAtEdge(Layout, withCell({ id: 'c', column: 2, row: 1, columnSpan: 1, rowSpan: 1, panel: { kind: 'weather', settings: {} } }));
    expect(parsed).toMatchObject({ ok: false, field: 'cells.2.panel.kind' });
    if (!parsed.ok) expect(parsed.message).toContain('cameras, indicators');
  });

  it('refuses settings that do not fit the kind, naming the setting', () => {
    const badGrid = { ...base, cells: [{ ...base.cells[0], panel: { kind: 'cameras', settings: { grid: 5, cameraIds: [] } } }, base.cells[1]] };
    expect(parseAtEdge(Layout, badGrid)).toMatchObject({ ok: false, field: 'cells.0.panel.settings.grid' });
    const badBoard = withCell({ id: 'c', column: 2, row: 1, columnSpan: 1, rowSpan: 1, panel: { kind: 'indicators', settings: { board: 'weather' } } });
    expect(parseAtEdge(Layout, badBoard)).toMatchObject({ ok: false, field: 'cells.2.panel.settings.board' });
  });

  it('refuses a repeated cell id and a grid larger than any wall needs', () => {
    expect(parseAtEdge(Layout, withCell({ ...base.cells[1], row: 1 }))).toMatchObject({ ok: false, field: 'cells.2.id' });
    expect(parseAtEdge(Layout, { ...base, columns: 100 })).toMatchObject({ ok: false, field: 'columns' });
  });
});
