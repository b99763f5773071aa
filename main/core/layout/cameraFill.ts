import type { Layout } from '../../../shared/wall/layout';

/**
 * Puts cameras into the camera cells a preset leaves empty, each cell taking the next ones from
 * `cameraIds` so two cells do not show the same streams. Cells with ids or a tour are kept.
 */
export function fillCameraCells(layout: Layout, cameraIds: readonly string[]): Layout {
  if (cameraIds.length === 0) return layout;
  let next = 0;
  const cells = layout.cells.map((cell) => {
    const panel = cell.panel;
    if (panel.kind !== 'cameras' || panel.settings.cameraIds.length > 0 || panel.settings.tour) return cell;
    const take: string[] = [];
    for (let i = 0; i < panel.settings.grid && i < cameraIds.length; i++) take.push(cameraIds[(next + i) % cameraIds.length]!);
    next = (next + take.length) % cameraIds.length;
    return { ...cell, panel: { kind: 'cameras' as const, settings: { ...panel.settings, cameraIds: take } } };
  });
  return { ...layout, cells };
}

/** The wall unit's camera ids, fetched once on success and kept (the catalogue rarely changes). */
export class CameraCatalog {
  private ids: string[] | null = null;
  private loading: Promise<string[]> | null = null;

  constructor(private readonly fetchIds: () => Promise<string[]>) {}

  list(): Promise<string[]> {
    if (this.ids) return Promise.resolve(this.ids);
    this.loading ??= this.fetchIds()
      .then((ids) => (this.ids = ids))
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
