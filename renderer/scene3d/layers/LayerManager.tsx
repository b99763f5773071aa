import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY3D_LAYERS, type City3dLayer, type City3dPanelSettings } from '../../../shared/wall/panels';
import { useBridge } from '../../bridge/BridgeContext';
import { selectIncidents, selectTasks } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { openIncidentsWithin } from './incidentPoints';
import { effectiveLayers, LAYER_POLICY, sceneLevelOf, toggledLayers } from './layerPolicy';
import { MarkerLegend } from './MarkerLegend';
import { useSceneNotice } from './sceneNotice';
import { openTaskArcsWithin } from './taskArcGeometry';
import './layerManager.css';

/** How long a notice (camera opened, a refusal) stays up. */
export const NOTICE_MS = 6000;

export interface LayerManagerProps {
  cellId: string;
  settings: City3dPanelSettings;
  /** The unit shown (settings.unit, or the wall's own unit when that is absent). */
  unit: string;
}

/**
 * The scene's layer switches and legend. A switch changes the cell's `layers` setting through
 * `bridge.setCell`, so every window drawing the cell follows the one layout push; layers the
 * level does not draw (risk points over the whole city, say) are listed but cannot be switched on.
 */
export function LayerManager({ cellId, settings, unit }: LayerManagerProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; at: number } | null>(null);
  const level = sceneLevelOf(unit);
  const visible = effectiveLayers(settings.layers, level);
  const incidents = useWallStore(selectIncidents);
  const tasks = useWallStore(selectTasks);
  const severities = useMemo(() => new Set(openIncidentsWithin(incidents, unit).map((i) => i.severity)), [incidents, unit]);
  const taskStates = useMemo(() => new Set(openTaskArcsWithin(tasks, unit).map((a) => a.state)), [tasks, unit]);

  function toggle(layer: City3dLayer) {
    setRefusal(null);
    const next: City3dPanelSettings = { ...settings, layers: toggledLayers(settings.layers, level, layer) };
    bridge.setCell(cellId, { kind: 'city3d', settings: next }).catch((error: unknown) => {
      setRefusal({ text: t('layers.notice.toggleRefused', { message: error instanceof Error ? error.message : String(error) }), at: Date.now() });
    });
  }

  return (
    <section className="layer-manager" data-layer-manager={cellId} aria-label={t('layers.title')}>
      <button type="button" className="layer-manager__disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t('layers.title')}
      </button>
      <ul id={listId} className="layer-manager__layers" hidden={!open}>
        {CITY3D_LAYERS.map((layer) => {
          const unavailable = LAYER_POLICY[level][layer] === 'unavailable';
          return (
            <li key={layer}>
              <button
                type="button"
                role="switch"
                className="layer-switch"
                data-layer={layer}
                aria-checked={visible[layer]}
                disabled={unavailable}
                onClick={() => toggle(layer)}
              >
                <span className="layer-switch__track" aria-hidden="true" />
                <span className="layer-switch__name">{t(`layers.name.${layer}`)}</span>
                {unavailable && <span className="layer-switch__hint">{t('layers.unavailable')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <MarkerLegend visible={visible} level={level} severities={severities} taskStates={taskStates} />
      <Notice refusal={refusal} />
    </section>
  );
}

/** The latest marker action's outcome, or a refused switch, for a few seconds. */
function Notice({ refusal }: { refusal: { text: string; at: number } | null }) {
  const { t } = useTranslation();
  const notice = useSceneNotice((s) => s.notice);
  const latest = notice && (!refusal || notice.at > refusal.at) ? { text: t(`layers.notice.${notice.key}`, notice.params), at: notice.at } : refusal;
  const [expiredAt, setExpiredAt] = useState(0);
  const latestAt = latest?.at ?? 0;
  useEffect(() => {
    if (latestAt === 0) return;
    const timer = setTimeout(() => setExpiredAt(latestAt), Math.max(0, latestAt + NOTICE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [latestAt]);
  return (
    <p className="layer-manager__notice" role="status">
      {latest && latest.at > expiredAt ? latest.text : ''}
    </p>
  );
}
