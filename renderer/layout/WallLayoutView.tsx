import { startTransition, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutState } from '../../shared/view/viewChannel';
import type { LayoutCell } from '../../shared/wall/layout';
import type { PanelKind } from '../../shared/wall/panels';
import { panelComponent, type PanelProps } from '../panels/registry';
import { cellsOnSlice, FOOTER_PX, fitScale, HEADER_PX, sliceFor, type PlacedCell } from './canvasView';
import { PanelBoundary } from './PanelBoundary';
import './layout.css';

/**
 * This display's slice of the wall canvas: the whole canvas is laid out (header band across the
 * top, the layout's cells over the rest), shifted by the slice's offset and clipped to it, so
 * a cell spanning two displays lines up across the bezels. Only cells on this slice are mounted.
 * `headerNotice` (the replay banner) must be seen on every display, so displays that do not show
 * the header's right end carry their own copy.
 */
export function WallLayoutView({ state, displayId, header, footer, headerNotice }: { state: LayoutState; displayId: string; header: ReactNode; footer: ReactNode; headerNotice?: ReactNode }) {
  const { canvas, layout } = state;
  const slice = sliceFor(canvas, displayId);
  const scale = useFitScale(slice.width, slice.height);
  const placed = cellsOnSlice(layout, canvas, slice);
  const retiring = useRetiringLayout(state);
  const retiringCells = retiring ? cellsOnSlice(retiring.layout, retiring.canvas, sliceFor(retiring.canvas, displayId)) : [];
  const bottomRow = slice.y + slice.height >= canvas.height - 1;
  // The header's status group (where `headerNotice` sits too) is at the canvas's right end; every other display repeats the notice at its own right end.
  const holdsHeaderEnd = slice.x + slice.width >= canvas.width - 1;

  const cellIds = placed.map((p) => p.cell.id).join(',');
  useLayoutEffect(() => {
    document.body.dataset.layoutCells = cellIds;
  }, [cellIds]);

  return (
    <div className="wall-slice" style={{ width: slice.width, height: slice.height, transform: `scale(${scale})` }} data-layout-id={layout.id} data-mode={state.mode}>
      <div className="wall-canvas" style={{ width: canvas.width, height: canvas.height, transform: `translate(${-slice.x}px, ${-slice.y}px)` }}>
        <div className="wall-canvas__header" style={{ height: HEADER_PX }}>
          {header}
        </div>
        {retiringCells.map((p) => (
          <CellView key={`${retiring!.layout.id}/${p.cell.id}`} placed={p} retiring />
        ))}
        {placed.map((p, index) => (
          <CellView key={`${layout.id}/${p.cell.id}`} placed={p} order={index} />
        ))}
      </div>
      {headerNotice && !holdsHeaderEnd && slice.y < HEADER_PX && (
        <div className="wall-slice__header-notice" style={{ top: -slice.y, height: HEADER_PX }}>
          {headerNotice}
        </div>
      )}
      {bottomRow && (
        <div className="wall-slice__footer" style={{ height: FOOTER_PX }}>
          {footer}
        </div>
      )}
    </div>
  );
}

/**
 * The layout being replaced, kept mounted (hidden) for one commit: tearing down 16 video tiles
 * and a 1,500-indicator board then happens in a transition after the new frames are painted,
 * not in the commit that switches the wall.
 */
function useRetiringLayout(state: LayoutState): LayoutState | null {
  const [last, setLast] = useState(state);
  const [retiring, setRetiring] = useState<LayoutState | null>(null);
  if (last !== state) {
    // State derived from the previous render (React's documented pattern for it).
    setLast(state);
    setRetiring(last.layout.id !== state.layout.id ? last : null);
  }
  useEffect(() => {
    if (!retiring) return;
    const timer = setTimeout(() => startTransition(() => setRetiring(null)), 0);
    return () => clearTimeout(timer);
  }, [retiring]);
  return retiring;
}

function CellView({ placed, order = 0, retiring = false }: { placed: PlacedCell; order?: number; retiring?: boolean }) {
  const { t } = useTranslation();
  const { cell, rect } = placed;
  const cameraIds = cell.panel.kind === 'cameras' ? cell.panel.settings.cameraIds.join(',') : undefined;
  return (
    <div
      className={`layout-cell layout-cell--${cell.panel.kind}`}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height, ...(retiring ? { visibility: 'hidden' as const, pointerEvents: 'none' as const } : {}) }}
      aria-hidden={retiring || undefined}
      {...(retiring ? {} : { 'data-layout-cell': cell.id })}
      data-panel-kind={cell.panel.kind}
      {...(cameraIds !== undefined ? { 'data-camera-ids': cameraIds } : {})}
    >
      <PanelBoundary fallback={(message) => <p className="layout-cell__failed">{t('layout.cells.panelFailed', { kind: cell.panel.kind, message })}</p>}>
        <AfterFirstPaint order={order}>
          <CellPanel cell={cell} />
        </AfterFirstPaint>
      </PanelBoundary>
    </div>
  );
}

/** Between two cells' panel mounts: each mount is its own task, so a click is never stuck behind all of them. */
const MOUNT_STAGGER_MS = 40;

/**
 * A layout switch first paints the new cells' frames, then mounts their panels one cell at a
 * time as transitions: the whole wall changes at once even when a cell brings 16 video tiles
 * or 1,500 indicators, and the next switch is not queued behind every panel's start-up.
 */
function AfterFirstPaint({ order, children }: { order: number; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setMounted(true)), order * MOUNT_STAGGER_MS);
    return () => clearTimeout(timer);
  }, [order]);
  return mounted ? children : <div className="layout-cell__pending" aria-busy="true" />;
}

function CellPanel({ cell }: { cell: LayoutCell }) {
  const Panel = panelComponent(cell.panel.kind) as (props: PanelProps<PanelKind>) => ReactNode;
  return <Panel settings={cell.panel.settings} cellId={cell.id} />;
}

/** Scale to the window when it is not the slice's size (a hand-opened page, a dev browser). */
function useFitScale(width: number, height: number): number {
  const measure = () => fitScale({ width, height }, window.innerWidth, window.innerHeight);
  const [scale, setScale] = useState(measure);
  useEffect(() => {
    const update = () => setScale(fitScale({ width, height }, window.innerWidth, window.innerHeight));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [width, height]);
  return scale;
}
