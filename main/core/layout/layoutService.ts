import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseAtEdge } from '../../../shared/validation';
import type { LayoutExport } from '../../../shared/view/viewChannel';
import { Layout, LAYOUT_MODES, type LayoutCell } from '../../../shared/wall/layout';
import { CAMERA_GRIDS, type CamerasPanelSettings, type PanelSpec } from '../../../shared/wall/panels';
import type { LayoutState } from '../../../shared/wall/layoutState';
import { DEFAULT_PRESET_ID, findPreset } from '../../../shared/wall/presets';
import { DEFAULT_CANVAS, type WallCanvas } from '../../../shared/wall/profile';
import { CoreError } from '../coreError';
import { silentLogger, type Logger } from '../logger';

/** What is on the wall, without the canvas (which belongs to the displays, not the choice). */
const LayoutChoice = z.strictObject({
  layout: Layout,
  mode: z.enum(LAYOUT_MODES),
  presetId: z.string().optional(),
  focusIncidentId: z.string().optional(),
});
type LayoutChoice = z.infer<typeof LayoutChoice>;

const LayoutFile = z.strictObject({
  version: z.literal(1),
  revision: z.number().int().min(0),
  current: LayoutChoice,
  /** What a focus layout reverts to. */
  previous: LayoutChoice.optional(),
});
type LayoutFile = z.infer<typeof LayoutFile>;

export const LAYOUT_FILE = 'layout.json';

export interface LayoutServiceOptions {
  /** Folder of `layout.json` (the wall's data dir + `/layout`). */
  dir: string;
  logger?: Logger;
  /** Called with every change, before it is written to disk: views should hear at once. */
  onChange?: (state: LayoutState) => void;
  /** Fills camera cells a preset leaves empty (the wall unit's cameras); identity when absent. */
  fillCameras?: (layout: Layout) => Promise<Layout>;
}

/**
 * The wall's current layout and why it is up (a preset, or a focus on an incident), kept in the
 * wall's data dir so a restart shows the same picture. Every change gets a new revision.
 */
export class LayoutService {
  private file: LayoutFile;
  private canvas: WallCanvas = DEFAULT_CANVAS;
  private writing: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  private constructor(
    private readonly options: LayoutServiceOptions,
    file: LayoutFile,
  ) {
    this.file = file;
    this.logger = (options.logger ?? silentLogger).child({ component: 'layout' });
  }

  /** Reads the saved layout; a missing or bad file (logged with its field) starts from the overview. */
  static async open(options: LayoutServiceOptions): Promise<LayoutService> {
    const logger = options.logger ?? silentLogger;
    let file: LayoutFile = { version: 1, revision: 0, current: presetChoice(DEFAULT_PRESET_ID) };
    try {
      const parsed = parseAtEdge(LayoutFile, JSON.parse(await readFile(join(options.dir, LAYOUT_FILE), 'utf8')));
      if (parsed.ok) file = parsed.value;
      else logger.warn('layout file rejected, starting from the default preset', { field: parsed.field, message: parsed.message });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('layout file unreadable, starting from the default preset', { error: String(error) });
    }
    await mkdir(options.dir, { recursive: true });
    return new LayoutService(options, file);
  }

  state(): LayoutState {
    const { current, revision } = this.file;
    return { ...current, revision, canvas: this.canvas };
  }

  /** The displays changed (start, hot-plug): same layout, new canvas. */
  setCanvas(canvas: WallCanvas): LayoutState {
    this.canvas = canvas;
    this.file = { ...this.file, revision: this.file.revision + 1 };
    return this.publish();
  }

  async applyPreset(presetId: string): Promise<LayoutState> {
    const preset = findPreset(presetId);
    if (!preset) throw new CoreError('not_found', `presetId: no preset "${presetId}"`, 'presetId');
    return this.change({ current: { ...presetChoice(preset.id), layout: await this.fill(preset.layout) }, previous: undefined });
  }

  /** Shows a layout composed for an incident; revert goes back to what was up before the first focus. */
  async focus(layout: Layout, incidentId: string): Promise<LayoutState> {
    const previous = this.file.current.mode === 'focus' ? this.file.previous : this.file.current;
    return this.change({ current: { layout, mode: 'focus', focusIncidentId: incidentId }, previous });
  }

  /** Leaves a focus layout; outside one it changes nothing. */
  async revert(): Promise<LayoutState> {
    if (this.file.current.mode !== 'focus') return this.state();
    return this.change({ current: this.file.previous ?? presetChoice(DEFAULT_PRESET_ID), previous: undefined });
  }

  /** Replaces the layout with a file's. A bad file throws `invalid` naming the field and changes nothing. */
  async import(text: string): Promise<LayoutState> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new CoreError('invalid', `(file): not JSON: ${(error as Error).message}`, '(file)');
    }
    const parsed = parseAtEdge(Layout, raw);
    if (!parsed.ok) throw new CoreError('invalid', parsed.message, parsed.field);
    const presetId = findPreset(parsed.value.id) ? parsed.value.id : undefined;
    return this.change({ current: { layout: parsed.value, mode: 'preset', ...(presetId ? { presetId } : {}) }, previous: undefined });
  }

  /**
   * Puts a panel in a cell. The wall then shows an edited layout: no preset is pressed any more
   * (mode stays `preset`, a chosen layout), and a focus layout stays a focus.
   */
  async setCell(cellId: string, panel: PanelSpec): Promise<LayoutState> {
    this.cellOf(cellId);
    return this.editCell(cellId, () => panel);
  }

  /**
   * Puts a camera in slot `slot` (0-based) of a camera cell, replacing what was there. A camera
   * already elsewhere in the cell moves (the two swap); a slot past the grid grows it to the next
   * size; a slot past the last camera takes the first free one (a cell's list has no holes).
   * An explicit placement ends the cell's tour.
   */
  async placeCamera(cellId: string, cameraId: string, slot = 0): Promise<LayoutState> {
    const cell = this.cellOf(cellId);
    if (cell.panel.kind !== 'cameras') throw new CoreError('invalid', `cellId: cell "${cellId}" shows ${cell.panel.kind}, not cameras`, 'cellId');
    const { tour: _endedTour, ...settings } = cell.panel.settings;
    return this.editCell(cellId, () => ({ kind: 'cameras', settings: placeInGrid(settings, cameraId, slot) }));
  }

  export(): LayoutExport {
    const { layout } = this.file.current;
    return { text: `${JSON.stringify(layout, null, 2)}\n`, fileName: `layout-${layout.id}.json` };
  }

  /** Fills a preset's empty camera cells once cameras are known (the first start has none yet). */
  async refillCameras(): Promise<void> {
    const { current } = this.file;
    if (current.mode !== 'preset') return;
    const filled = await this.fill(current.layout);
    if (JSON.stringify(filled) === JSON.stringify(current.layout) || this.file.current !== current) return;
    await this.change({ current: { ...current, layout: filled }, previous: this.file.previous });
  }

  /** Resolves once every change so far is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private cellOf(cellId: string): LayoutCell {
    const { layout } = this.file.current;
    const cell = layout.cells.find((c) => c.id === cellId);
    if (!cell) throw new CoreError('not_found', `cellId: no cell "${cellId}" in layout "${layout.id}"`, 'cellId');
    return cell;
  }

  private editCell(cellId: string, panelOf: (cell: LayoutCell) => PanelSpec): Promise<LayoutState> {
    const { current, previous } = this.file;
    const layout = { ...current.layout, cells: current.layout.cells.map((c) => (c.id === cellId ? { ...c, panel: panelOf(c) } : c)) };
    // The layout keeps its id, so the views keep every other cell mounted (their video playing).
    const { presetId: _noLongerThePreset, ...rest } = current;
    return this.change({ current: { ...rest, layout }, previous });
  }

  private async fill(layout: Layout): Promise<Layout> {
    if (!this.options.fillCameras) return layout;
    try {
      return await this.options.fillCameras(layout);
    } catch (error) {
      this.logger.warn('camera fill failed; camera cells stay empty', { error: String(error) });
      return layout;
    }
  }

  private async change(next: { current: LayoutChoice; previous: LayoutChoice | undefined }): Promise<LayoutState> {
    this.file = { version: 1, revision: this.file.revision + 1, current: next.current, ...(next.previous ? { previous: next.previous } : {}) };
    const state = this.publish();
    this.logger.info('layout changed', { layoutId: state.layout.id, mode: state.mode, revision: state.revision });
    await this.persist();
    return state;
  }

  private publish(): LayoutState {
    const state = this.state();
    this.options.onChange?.(state);
    return state;
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify(this.file);
    const target = join(this.options.dir, LAYOUT_FILE);
    // Writes are chained, and each replaces the file whole: a crash leaves the old or the new one.
    this.writing = this.writing.then(async () => {
      await writeFile(`${target}.tmp`, snapshot);
      await rename(`${target}.tmp`, target);
    });
    return this.writing.catch((error: unknown) => {
      this.logger.error('layout not saved', { error: String(error) });
      this.writing = Promise.resolve();
    });
  }
}

/** The camera list and grid after `cameraId` is put in `slot`. */
function placeInGrid(settings: Omit<CamerasPanelSettings, 'tour'>, cameraId: string, slot: number): Omit<CamerasPanelSettings, 'tour'> {
  const ids = [...settings.cameraIds];
  const from = ids.indexOf(cameraId);
  if (slot < ids.length) {
    if (from >= 0) ids[from] = ids[slot]!;
    ids[slot] = cameraId;
  } else {
    if (from >= 0) ids.splice(from, 1);
    ids.push(cameraId);
  }
  const needed = Math.max(slot + 1, ids.length);
  // slot ≤ 24 (the call's schema), so the largest grid always fits.
  const grid = settings.grid >= needed ? settings.grid : CAMERA_GRIDS.find((n) => n >= needed)!;
  return { ...settings, grid, cameraIds: ids };
}

function presetChoice(presetId: string): LayoutChoice {
  const preset = findPreset(presetId) ?? findPreset(DEFAULT_PRESET_ID)!;
  return { layout: preset.layout, mode: 'preset', presetId: preset.id };
}
