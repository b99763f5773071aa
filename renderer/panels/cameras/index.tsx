import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/BridgeContext';
import { useWallStore } from '../../stores/wallStore';
import { getViewTileManager } from '../../video/viewTileManager';
import type { TileManager } from '../../video/tileManager';
import { CameraTile } from './CameraTile';
import { loadCameraDirectory, useCameraDirectory } from './cameraDirectory';
import type { CamerasPanelSettings } from './settings';
import { fixedPage, tourPage } from './tour';
import './cameras.css';

export { CamerasPanelSettings } from './settings';

/**
 * A cell of 1–25 live camera tiles, optionally touring more cameras than it holds. A tile
 * double-clicked fills the cell (and may use the best rendition); double-clicked again, it shrinks.
 */
export function CamerasPanel({ settings, cellId }: { settings: CamerasPanelSettings; cellId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const manager = getViewTileManager();
  const directory = useCameraDirectory();
  const [enlarged, setEnlarged] = useState<number | null>(null);
  const step = useTourStep(settings.tour?.intervalSeconds);

  useEffect(() => loadCameraDirectory(bridge), [bridge]);
  useCameraStatusFeed(manager);

  const directoryIds = useMemo(() => directory.cameras.slice(0, settings.grid).map((c) => c.id), [directory.cameras, settings.grid]);
  const tileCameraIds = settings.tour
    ? tourPage(settings.tour.cameraIds, settings.grid, step)
    : fixedPage(settings.cameraIds, directoryIds, settings.grid);
  const side = Math.sqrt(settings.grid);

  return (
    <section className="camera-wall" data-cell={cellId} data-grid={settings.grid} aria-label={t('cameras.title')} style={{ ['--camera-side' as string]: side }}>
      {directory.status === 'failed' && <p className="camera-wall__notice">{t('cameras.directoryFailed', { reason: directory.error })}</p>}
      {tileCameraIds.map((cameraId, index) => (
        <CameraTile
          key={index}
          manager={manager}
          tileId={`${cellId}:${index}`}
          cameraId={cameraId}
          camera={cameraId === undefined ? undefined : directory.byId.get(cameraId)}
          enlarged={enlarged === index}
          hidden={enlarged !== null && enlarged !== index}
          onToggleEnlarged={() => setEnlarged((current) => (current === index ? null : index))}
        />
      ))}
      {settings.tour && <span className="camera-wall__tour">{t('cameras.tour', { seconds: settings.tour.intervalSeconds })}</span>}
    </section>
  );
}

/** Counts tour steps, one per `intervalSeconds`; 0 and still without a tour. */
function useTourStep(intervalSeconds: number | undefined): number {
  const [step, setStep] = useState(0);
  useEffect(() => {
    setStep(0);
    if (!intervalSeconds) return;
    const timer = setInterval(() => setStep((s) => s + 1), intervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [intervalSeconds]);
  return step;
}

/** Camera status from the wall state reaches the manager outside React renders. */
function useCameraStatusFeed(manager: TileManager): void {
  useEffect(() => {
    const apply = (statuses: Record<string, string>) =>
      Object.entries(statuses).forEach(([cameraId, status]) => manager.setCameraOffline(cameraId, status === 'offline'));
    apply(useWallStore.getState().wall.cameras);
    return useWallStore.subscribe((state, previous) => {
      if (state.wall.cameras !== previous.wall.cameras) apply(state.wall.cameras);
    });
  }, [manager]);
}
