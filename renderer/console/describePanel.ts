import type { TFunction } from 'i18next';
import type { PanelSpec } from '../../shared/wall/panels';
import { fixedPage, tourPage } from '../panels/cameras/tour';

/** A panel in a few words, as the palette and the miniature's cell labels show it: kind and main setting. */
export function describePanel(panel: PanelSpec, t: TFunction): string {
  switch (panel.kind) {
    case 'cameras': {
      const side = Math.sqrt(panel.settings.grid);
      const grid = t('console.panel.cameras', { side });
      return panel.settings.tour ? `${grid} · ${t('console.panel.tour', { count: panel.settings.tour.cameraIds.length })}` : grid;
    }
    case 'indicators': {
      const board = panel.settings.board === 'all' ? t('indicators.allBoards') : t(`board.${panel.settings.board}`);
      return t('console.panel.indicators', { board });
    }
    case 'incidents':
      return t(`console.panel.incidents.${panel.settings.view}`);
    case 'tasks':
      return t(`console.panel.tasks.${panel.settings.view}`);
    case 'status':
      return t('console.panel.status');
    case 'supervision':
      return t('supervision.panelName');
    case 'review':
      return t('review.panelName');
    case 'city3d':
      return t('scene.panelName');
  }
}

/**
 * The camera each slot of a camera cell shows now, as the wall's camera panel picks it (the
 * same `fixedPage`/`tourPage`): listed ids, else the first cameras of the directory; a tour
 * shows its first page.
 */
export function slotCameraIds(settings: Extract<PanelSpec, { kind: 'cameras' }>['settings'], directoryIds: readonly string[]): (string | undefined)[] {
  return settings.tour ? tourPage(settings.tour.cameraIds, settings.grid, 0) : fixedPage(settings.cameraIds, directoryIds, settings.grid);
}
