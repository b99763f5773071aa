import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { project } from '../../shared/geo/projection';
import { BuildingList, UnitAreaList, type UnitArea } from '../../shared/protocol/map';
import type { City3dPanelSettings } from '../../shared/wall/panels';
import { useBridge } from '../bridge/BridgeContext';
import { useWallStore } from '../stores/wallStore';
import { areaColour, legendEntries } from './areaColours';
import { areaBounds, areaOutlinePoints, groundArea } from './areaGeometry';
import { boundsOfPoints } from './cameraPose';
import { LabelBoard, type LabelAnchor } from './labelBoard';
import { effectiveLayers, LayerManager, sceneLevelOf, type SceneLevel } from './layers';
import { areaHeightM, framingWindow, markerScaleM, rankScale, sceneUnitOf, sinceMs, targetPose, unitChain } from './scenePose';
import { SceneBreadcrumb } from './SceneBreadcrumb';
import { SceneCanvas } from './SceneCanvas';
import { SceneLabels } from './SceneLabels';
import { SceneLegend } from './SceneLegend';
import { useAreaColouring } from './useAreaColouring';
import { useCameraFlight } from './useCameraFlight';
import { useHubQuery } from './useHubQuery';
import { useSceneControls } from './useSceneControls';
import { useScenePicture } from './useScenePicture';
import './scene3d.css';

/** How long a refused change (a desk holds the display, say) stays on screen. */
const NOTICE_MS = 6000;
const NO_AREAS: UnitArea[] = [];
const NO_ANCHORS: LabelAnchor[] = [];

/**
 * 三维城市态势: the shown unit's child areas extruded and coloured by open-incident load or an
 * indicator, labelled, with the live markers; a click on a district opens its streets, on a street
 * its buildings. Every change goes through the cell's settings (bridge.setCell), so every window
 * of the wall follows, and every window draws its slice of one camera (useScenePicture).
 */
export function City3dPanel({ settings, cellId }: { settings: City3dPanelSettings; cellId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const wallUnit = useWallStore((s) => s.session?.unit?.code);
  const unit = sceneUnitOf(settings.unit, wallUnit);
  const level = sceneLevelOf(unit);
  const layers = effectiveLayers(settings.layers, level);
  const root = useRef<HTMLDivElement>(null);
  const view = useScenePicture(cellId, root);

  const district = unit.slice(0, 6);
  const areasAnswer = useHubQuery({ kind: 'mapAreas', parent: unit }, UnitAreaList);
  const siblingsAnswer = useHubQuery(level === 'street' ? { kind: 'mapAreas', parent: district } : null, UnitAreaList);
  const buildingsAnswer = useHubQuery(level === 'street' && layers.buildings ? { kind: 'mapBuildings', unit } : null, BuildingList);
  const areas = useKeptWhileLoading(areasAnswer?.status === 'ready' ? areasAnswer.value : null, unit);
  const outline = useMemo(() => (siblingsAnswer?.status === 'ready' ? (siblingsAnswer.value.find((a) => a.code === unit) ?? null) : null), [siblingsAnswer, unit]);
  const buildings = buildingsAnswer?.status === 'ready' ? buildingsAnswer.value.buildings : null;

  // What is drawn: this unit's areas once they are here, the previous unit's until then.
  const shown = areas?.areas ?? NO_AREAS;
  const shownLevel = areas ? sceneLevelOf(areas.unit) : level;
  const codes = useMemo(() => shown.map((a) => a.code), [shown]);
  const { colouring, title } = useAreaColouring(settings.colorBy, codes);
  const legend = useMemo(() => legendEntries(colouring, codes), [colouring, codes]);
  const colourOf = useCallback((code: string) => areaColour(colouring, code), [colouring]);
  const heightM = useMemo(() => areaHeightM(shownLevel, areaBounds(shown)), [shownLevel, shown]);

  // What is framed: only this unit (a street by its own outline, its communities if that is all there is).
  const ready = areas?.unit === unit;
  // A street is framed on its buildings (they cluster where the street lives), once they are here.
  const buildingsSettled = !layers.buildings || buildingsAnswer?.status === 'failed' || buildings !== null;
  const frame = useMemo(() => {
    if (level !== 'street') return ready && shown.length > 0 ? areaOutlinePoints(shown) : null;
    if (!buildingsSettled) return null;
    if (buildings && buildings.length > 0) return buildings.flatMap((b) => b.footprint.map((p) => project(p)));
    if (outline) return areaOutlinePoints([outline]);
    return ready && shown.length > 0 ? areaOutlinePoints(shown) : null;
  }, [level, ready, shown, buildingsSettled, buildings, outline]);
  // The tops of what is framed must fit too: the slabs, or a street's tallest building.
  const frameHeightM = useMemo(
    () => (level === 'street' && buildings && buildings.length > 0 ? buildings.reduce((top, b) => Math.max(top, b.heightM), 0) : areaHeightM(level, frame ? boundsOfPoints(frame) : null)),
    [level, buildings, frame],
  );
  const focus = useWallStore((s) => (settings.focusIncidentId ? s.wall.incidents[settings.focusIncidentId] : undefined));
  const aspect = view ? view.fullWidth / view.fullHeight : 16 / 9;
  const fullWidth = view?.fullWidth ?? 0;
  const pose = useMemo(
    () => targetPose({ level, settings, frame, focusLocation: focus?.location ?? null, aspect, window: framingWindow(fullWidth), areaHeightM: frameHeightM }),
    [level, settings, frame, focus?.location, aspect, fullWidth, frameHeightM],
  );
  const { flight, version } = useCameraFlight(pose, sinceMs(settings.since));

  const labels = useMemo(() => new LabelBoard(), []);
  const anchors = useMemo(() => labelAnchors(shown, heightM, shownLevel, colourOf), [shown, heightM, shownLevel, colourOf]);

  const [notice, setNotice] = useState<string | null>(null);
  const change = useCallback(
    (next: City3dPanelSettings) => {
      bridge.setCell(cellId, { kind: 'city3d', settings: { ...next, since: new Date().toISOString() } }).catch((error: unknown) => {
        setNotice(t('scene.refused', { message: error instanceof Error ? error.message : String(error) }));
        setTimeout(() => setNotice(null), NOTICE_MS);
      });
    },
    [bridge, cellId, t],
  );
  const open = useCallback((code: string) => change(withoutCamera({ ...settings, unit: code })), [change, settings]);

  const viewport = useRef<HTMLDivElement>(null);
  const invalidate = useRef<(() => void) | null>(null);
  const setInvalidate = useCallback((fn: () => void) => (invalidate.current = fn), []);
  const shownAnchors = layers.labels ? anchors : NO_ANCHORS;
  useLayoutEffect(() => {
    labels.setAnchors(shownAnchors);
    invalidate.current?.();
  }, [labels, shownAnchors]);
  const controls = useSceneControls(viewport, view !== null, { flight, invalidate, fullHeight: view?.fullHeight ?? 1, commit: (viewPose) => change({ ...settings, view: viewPose }) });
  // A drag that ends over an area or a marker moved the camera; it is not a click on them.
  const onSelectArea = useCallback(
    (area: UnitArea) => {
      if (!controls.wasDrag()) open(area.code);
    },
    [open, controls],
  );
  const focusIncident = useCallback(
    (incidentId: string) => {
      if (!controls.wasDrag()) change({ ...withoutCamera(settings), focusIncidentId: incidentId });
    },
    [change, settings, controls],
  );
  const clearFocus = useCallback(() => change(withoutCamera(settings)), [change, settings]);

  const frames = useRef(0);
  const onFrame = useCallback(() => {
    frames.current += 1;
    root.current?.setAttribute('data-scene-frames', String(frames.current));
  }, []);

  const status = areasAnswer?.status === 'failed' ? 'failed' : ready ? 'ready' : 'loading';
  const drillable = level !== 'street';
  return (
    <div ref={root} className="scene3d" data-scene-unit={unit} data-scene-level={level} data-scene-status={status} data-scene-areas={shown.length} data-scene-buildings={buildings?.length ?? 0}>
      {view && (
        <div ref={viewport} className="scene3d__viewport" style={{ left: view.x, top: view.y, width: view.width, height: view.height }}>
          <SceneCanvas
            view={view}
            flight={flight}
            flightVersion={version}
            labels={labels}
            unit={unit}
            level={shownLevel}
            layers={layers}
            areas={shown}
            outline={level === 'street' ? outline : null}
            areaHeightM={heightM}
            colourOf={colourOf}
            {...(drillable ? { onSelectArea } : {})}
            buildings={buildings}
            markerScaleM={markerScaleM(pose?.distanceM ?? 10_000)}
            markerElevationM={heightM * rankScale(shownLevel, 4) + 1}
            {...(settings.focusIncidentId ? { focusIncidentId: settings.focusIncidentId } : {})}
            onFocusIncident={focusIncident}
            onFrame={onFrame}
            onInvalidator={setInvalidate}
          />
        </div>
      )}
      <SceneLabels anchors={shownAnchors} board={labels} />
      <SceneBreadcrumb
        chain={unitChain(unit, sceneUnitOf(undefined, wallUnit))}
        onOpen={open}
        {...(settings.view ? { onReframe: () => change(withoutView(settings)) } : {})}
        focusTitle={settings.focusIncidentId ? (focus?.title ?? settings.focusIncidentId) : null}
        onClearFocus={clearFocus}
      />
      <LayerManager cellId={cellId} settings={settings} unit={unit} />
      {layers.areas && <SceneLegend title={title ?? t('scene.legend.incidents')} entries={legend} />}
      {status === 'failed' && areasAnswer?.status === 'failed' && <p className="scene3d__notice scene3d__notice--error">{t('scene.failed', { message: areasAnswer.error })}</p>}
      {status !== 'failed' && !pose && <p className="scene3d__notice">{t('scene.loading')}</p>}
      {notice && (
        <p className="scene3d__notice scene3d__notice--error" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}

/** Settings with the camera back to framing the unit: a new unit or focus drops an officer's view and the old focus. */
function withoutCamera(settings: City3dPanelSettings): City3dPanelSettings {
  const next = withoutView(settings);
  delete next.focusIncidentId;
  return next;
}

function withoutView(settings: City3dPanelSettings): City3dPanelSettings {
  const next = { ...settings };
  delete next.view;
  return next;
}

/** The last areas that arrived, kept on screen while the next unit's load (no blank scene between levels). */
function useKeptWhileLoading(areas: UnitArea[] | null, unit: string): { unit: string; areas: UnitArea[] } | null {
  const [kept, setKept] = useState<{ unit: string; areas: UnitArea[] } | null>(null);
  if (areas && (kept?.unit !== unit || kept.areas !== areas)) {
    // State derived from the previous render (React's documented pattern for it).
    setKept({ unit, areas });
    return { unit, areas };
  }
  return kept;
}

/** Each area's name at its label point, on top of its slab; bigger areas win collisions. */
function labelAnchors(areas: readonly UnitArea[], heightM: number, level: SceneLevel, colourOf: (code: string) => { rank: number }): LabelAnchor[] {
  return areas.map((area) => {
    const [x, z] = project(area.centroid);
    return { id: area.code, text: area.name, point: [x, heightM * rankScale(level, colourOf(area.code).rank), z], priority: groundArea(area) };
  });
}
