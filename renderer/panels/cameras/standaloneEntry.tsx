// A page that is only the standalone camera cells, for the end-to-end test and the benchmark,
// which build it with esbuild (bench/lib/cameraWallHarness.ts) rather than waiting for main.tsx
// to route `?panel=cameras`. Boots like main.tsx: bridge, store (camera status), i18n. A
// `?tune=<JSON>` (renderer/video/tuning.ts) swaps one of the players' settings, so the benchmark
// can measure an alternative beside the wall as it is.
import { createRoot } from 'react-dom/client';
import { BridgeProvider } from '../../bridge/BridgeContext';
import { getBridge } from '../../bridge/getBridge';
import { initI18n } from '../../i18n';
import { connectWallStore } from '../../stores/connectWallStore';
import { useWallStore } from '../../stores/wallStore';
import { readTuning } from '../../video/tuning';
import { getViewTileManager, tuneViewTileManager } from '../../video/viewTileManager';
import { CamerasStandalonePage, readCamerasStandalone } from './standalone';
import '../../theme/base.css';

tuneViewTileManager(readTuning(window.location.search));
initI18n();
const bridge = getBridge();
connectWallStore(bridge, useWallStore, {
  onApplied: (wall) => {
    document.body.dataset.seq = String(wall.seq);
    if (useWallStore.getState().ready) document.body.dataset.ready = '1';
  },
});
// devtools, tests and the benchmark read the manager's counts
(window as unknown as { cameraWall: unknown }).cameraWall = { stats: () => getViewTileManager().stats() };

const page = readCamerasStandalone(window.location.search) ?? { grid: 16, cameraIds: [], cells: 1 };
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <BridgeProvider value={bridge}>
      <CamerasStandalonePage page={page} />
    </BridgeProvider>,
  );
}
