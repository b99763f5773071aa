import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CamerasPanel } from './index';
import { useCameraDirectory } from './cameraDirectory';
import { CamerasPanelSettings } from './settings';

/** What `?panel=cameras` asks for: cells of `grid` tiles each (36 and 64 tiles for the benchmark). */
export interface CamerasStandalone {
  grid: CamerasPanelSettings['grid'];
  cameraIds: string[];
  cells: number;
}

const MAX_CELLS = 9;

/**
 * `?role=wall&panel=cameras&grid=16[&cameras=id1,id2,…][&cells=4]`: the cells to show, or null
 * when the URL asks for another page. A bad grid falls back to 16 tiles.
 */
export function readCamerasStandalone(search: string): CamerasStandalone | null {
  const params = new URLSearchParams(search);
  if (params.get('panel') !== 'cameras') return null;
  const cameraIds = (params.get('cameras') ?? '').split(',').filter(Boolean);
  const parsed = CamerasPanelSettings.shape.grid.safeParse(Number(params.get('grid') ?? 16));
  if (!parsed.success) console.warn(`[cameras] ignoring grid=${params.get('grid')}: one of 1, 4, 9, 16, 25`);
  const cells = Math.min(MAX_CELLS, Math.max(1, Math.floor(Number(params.get('cells') ?? 1)) || 1));
  return { grid: parsed.success ? parsed.data : 16, cameraIds, cells };
}

/** Camera cells filling the window (manual viewing, end-to-end tests, the benchmark). */
export function CamerasStandalonePage({ page }: { page: CamerasStandalone }) {
  const { t } = useTranslation();
  const directory = useCameraDirectory();
  const ids = page.cameraIds.length > 0 ? page.cameraIds : directory.cameras.map((camera) => camera.id);
  const side = Math.ceil(Math.sqrt(page.cells));
  const cells = Array.from({ length: page.cells }, (_, i) => ids.slice(i * page.grid, (i + 1) * page.grid));
  return (
    <main className="camera-standalone" style={{ ['--camera-cells' as string]: side }}>
      <h1 className="visually-hidden">{t('cameras.title')}</h1>
      {cells.map((cameraIds, i) => (
        <CamerasPanel key={i} cellId={`standalone-${i}`} settings={{ grid: page.grid, cameraIds }} />
      ))}
    </main>
  );
}

/** For `main.tsx`: the standalone camera cells when the URL asks for them, else the app. */
export function withCamerasStandalone(app: ReactNode, search: string): ReactNode {
  const page = readCamerasStandalone(search);
  return page ? <CamerasStandalonePage page={page} /> : app;
}
