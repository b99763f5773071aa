import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutState } from '../../shared/wall/layoutState';
import type { CanvasSlice } from '../../shared/wall/profile';
import type { DisplayControl, DisplayThumbnail } from '../../shared/wall/control';
import { useBridge } from '../bridge/BridgeContext';
import { useNow } from '../components/useNow';
import { HEADER_PX } from '../layout/canvasView';
import { loadCameraDirectory, useCameraDirectory } from '../panels/cameras/cameraDirectory';
import { holdingOf } from '../stores/controlView';
import { selectControl, selectThumbnails, selectViewId } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { describePanel, slotCameraIds } from './describePanel';
import { miniatureCells, miniatureScale, scaled, type MiniatureCell } from './miniatureGeometry';
import { accepts, cancelPick, placeItem, usePlacement, type DropTarget } from './placement';
import { describeRefusal } from './refusal';
import { draggedType, readWallItem, type WallItem } from './wallItem';

/** The tallest the miniature grows on the console (CSS px): the incident list needs the rest. */
const MAX_MINIATURE_HEIGHT = 340;

/**
 * The wall in small, live: every display at its place on the canvas (bezels as gaps), its
 * latest picture behind, the layout's cells outlined on top as drop targets for panels and
 * cameras, and who controls each display.
 */
export function WallMiniature({ state }: { state: LayoutState }) {
  const bridge = useBridge();
  const [frame, width] = useElementWidth<HTMLDivElement>();
  useEffect(() => loadCameraDirectory(bridge), [bridge]);
  useEscapeCancelsPick();
  return (
    <div className="miniature-frame" ref={frame}>
      <MiniatureView state={state} scale={miniatureScale(state.canvas, width, MAX_MINIATURE_HEIGHT)} />
    </div>
  );
}

/** The miniature at a given scale (CSS px per canvas px), live from the store. */
export function MiniatureView({ state, scale }: { state: LayoutState; scale: number }) {
  const { t } = useTranslation();
  const control = useWallStore(selectControl);
  const thumbnails = useWallStore(selectThumbnails);
  const cells = useMemo(() => miniatureCells(state), [state]);
  const now = useNow(1000);
  return (
    <div
      className="miniature"
      role="group"
      aria-label={t('console.wall.map')}
      data-miniature=""
      style={{ width: state.canvas.width * scale, height: state.canvas.height * scale }}
      onKeyDown={moveBetweenTargets}
    >
      {state.canvas.slices.map((slice) => (
        <DisplayView
          key={slice.displayId}
          slice={slice}
          scale={scale}
          control={control?.displays.find((d) => d.displayId === slice.displayId) ?? null}
          thumbnail={thumbnails[slice.displayId]}
          now={now}
        />
      ))}
      {scale > 0 && cells.map((placed) => <CellView key={`${state.layout.id}/${placed.cell.id}`} placed={placed} state={state} scale={scale} />)}
    </div>
  );
}

function DisplayView({ slice, scale, control, thumbnail, now }: { slice: CanvasSlice; scale: number; control: DisplayControl | null; thumbnail: DisplayThumbnail | undefined; now: number }) {
  const { t } = useTranslation();
  const viewId = useWallStore(selectViewId);
  const rect = scaled(slice, scale);
  const holding = control ? holdingOf(control, viewId) : 'free';
  const holderText = holding === 'free' ? t('console.control.free') : holding === 'mine' ? t('console.control.mine') : t('console.control.heldBy', { desk: control!.holder!.desk });
  const age = thumbnail ? Math.max(0, Math.round((now - Date.parse(thumbnail.at)) / 1000)) : null;
  return (
    <div
      className={`mini-display mini-display--${holding}`}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      data-display-id={slice.displayId}
      data-holding={holding}
      data-thumbnail-at={thumbnail?.at}
    >
      {thumbnail && <img className="mini-display__picture" src={thumbnail.dataUrl} alt="" draggable={false} />}
      <div className="mini-display__label" style={{ height: Math.max(18, HEADER_PX * scale) }}>
        <strong>{t('session.display', { id: slice.displayId })}</strong>
        <span className="mini-display__holder" data-testid={`holder-${slice.displayId}`}>
          <span aria-hidden="true">{holding === 'free' ? '○' : '●'}</span> {holderText}
        </span>
        <span className="mini-display__age">{age === null ? t('console.wall.noPicture') : t('console.wall.pictureAge', { seconds: age })}</span>
      </div>
    </div>
  );
}

function CellView({ placed, state, scale }: { placed: MiniatureCell; state: LayoutState; scale: number }) {
  const { t } = useTranslation();
  const { cell } = placed;
  const rect = scaled(placed.rect, scale);
  const label = describePanel(cell.panel, t);
  const picked = usePlacement((s) => s.picked);
  const cellTarget = useDropTarget(state, { cellId: cell.id }, placed.displayIds, t('console.wall.cellName', { panel: label }));
  const displays = placed.displayIds.map((id) => t('session.display', { id })).join(t('console.listSeparator'));
  return (
    <div
      className={`mini-cell mini-cell--${cell.panel.kind}`}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      data-mini-cell={cell.id}
      data-panel-kind={cell.panel.kind}
    >
      <button
        type="button"
        className={`mini-cell__target ${cellTarget.over ? 'is-over' : ''}`}
        data-drop-target="cell"
        aria-label={t('console.wall.cell', { panel: label, displays })}
        {...cellTarget.handlers}
      >
        <span className="mini-cell__label">{label}</span>
      </button>
      {cell.panel.kind === 'cameras' && <CameraSlots state={state} placed={placed} settings={cell.panel.settings} tabbable={picked?.type === 'camera'} />}
    </div>
  );
}

function CameraSlots({ state, placed, settings, tabbable }: { state: LayoutState; placed: MiniatureCell; settings: Extract<MiniatureCell['cell']['panel'], { kind: 'cameras' }>['settings']; tabbable: boolean }) {
  const directory = useCameraDirectory();
  const directoryIds = useMemo(() => directory.cameras.slice(0, settings.grid).map((c) => c.id), [directory.cameras, settings.grid]);
  const slots = slotCameraIds(settings, directoryIds);
  const side = Math.sqrt(settings.grid);
  return (
    <div className="mini-cell__slots" style={{ gridTemplateColumns: `repeat(${side}, minmax(0, 1fr))` }}>
      {slots.map((cameraId, slot) => (
        <CameraSlot key={slot} state={state} placed={placed} slot={slot} cameraId={cameraId} name={cameraId === undefined ? undefined : (directory.byId.get(cameraId)?.name ?? cameraId)} tabbable={tabbable} />
      ))}
    </div>
  );
}

function CameraSlot({ state, placed, slot, cameraId, name, tabbable }: { state: LayoutState; placed: MiniatureCell; slot: number; cameraId: string | undefined; name: string | undefined; tabbable: boolean }) {
  const { t } = useTranslation();
  const shown = name ?? t('console.wall.emptySlot');
  const panel = describePanel(placed.cell.panel, t);
  const target = useDropTarget(state, { cellId: placed.cell.id, slot }, placed.displayIds, t('console.wall.slotName', { panel, n: slot + 1 }));
  return (
    <button
      type="button"
      className={`mini-slot ${cameraId === undefined ? 'mini-slot--empty' : ''} ${target.over ? 'is-over' : ''}`}
      data-drop-target="slot"
      data-slot={slot}
      data-camera-id={cameraId}
      tabIndex={tabbable ? 0 : -1}
      title={shown}
      aria-label={t('console.wall.slot', { panel, n: slot + 1, camera: shown })}
      {...target.handlers}
    >
      {shown}
    </button>
  );
}

/**
 * One drop target's mouse and keyboard handling: HTML5 dragover/drop for a dragged item, Enter
 * or Space (a click) to place the item picked by keyboard. Both end in `placeItem`, and both report the
 * outcome (or the refusal, naming the desk that holds the display) in the live region.
 */
function useDropTarget(state: LayoutState, target: DropTarget, displayIds: string[], targetName: string) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [over, setOver] = useState(false);

  async function place(item: WallItem): Promise<boolean> {
    const { announce } = usePlacement.getState();
    if (!accepts(state, item, target)) {
      announce(t('console.place.cameraNeedsSlot'), 'error');
      return false;
    }
    try {
      await placeItem(bridge, state, item, target);
      const itemName = item.type === 'panel' ? describePanel(item.entry.panel, t) : item.name;
      announce(t('console.place.placed', { item: itemName, target: targetName }));
      return true;
    } catch (error) {
      const { control, session } = useWallStore.getState();
      announce(describeRefusal(error, { t, control, viewId: session?.viewId, displayIds }), 'error', control?.revision);
      return false;
    }
  }

  const handlers = {
    onDragOver(event: DragEvent) {
      const type = draggedType(event.dataTransfer);
      if (type === null || !accepts(state, { type }, target)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(event: DragEvent) {
      event.preventDefault();
      event.stopPropagation();
      setOver(false);
      const read = readWallItem(event.dataTransfer);
      if (!read.ok) {
        console.warn(`[console] refused a drop: ${read.reason}`);
        usePlacement.getState().announce(t('console.place.badDrop', { reason: read.reason }), 'error');
        return;
      }
      void place(read.item);
    },
    // Enter and Space click a button: the keyboard's place (a mouse click after a pick too).
    onClick() {
      const { picked, release, announce } = usePlacement.getState();
      if (!picked) {
        announce(t('console.place.nothingPicked'));
        return;
      }
      void place(picked).then((placed) => {
        if (placed) release();
      });
    },
  };
  return { over, handlers };
}

/** Escape drops the item picked by keyboard, wherever focus is, and goes back to where it came from. */
function useEscapeCancelsPick(): void {
  const { t } = useTranslation();
  useEffect(() => {
    // Always listening (a no-op with nothing picked): an Escape right after the pick is not lost.
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') cancelPick(t('console.place.cancelled'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [t]);
}

/** Arrow keys walk the miniature's drop targets in reading order (Tab does too). */
function moveBetweenTargets(event: KeyboardEvent<HTMLDivElement>): void {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (step === undefined) return;
  const targets = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-drop-target]')].filter((el) => el.tabIndex >= 0);
  const index = targets.indexOf(document.activeElement as HTMLElement);
  if (targets.length === 0) return;
  event.preventDefault();
  const next = index < 0 ? 0 : (index + step + targets.length) % targets.length;
  targets[next]!.focus();
}

/** The width an element has to give (re-measured when it resizes). */
function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
