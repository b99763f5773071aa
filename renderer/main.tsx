import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WallState } from '../shared/state/wallState';
import { App } from './App';
import { BridgeProvider } from './bridge/BridgeContext';
import { getBridge } from './bridge/getBridge';
import { initI18n } from './i18n';
import { readDesk } from './console/desk';
import { readStandalonePanel, StandalonePanel } from './layout/standalonePanel';
import { readWindowPlace } from './screens/windowRole';
import { connectUnitNames } from './stores/connectUnitNames';
import { connectWallStore } from './stores/connectWallStore';
import { useWallStore } from './stores/wallStore';
import './theme/base.css';

const VIEW_ID_KEY = 'wall.viewId';

initI18n();
const place = readWindowPlace(window.location.search);
document.documentElement.dataset.screen = place.role;
const bridge = getBridge();

// The engine runs outside React: the store is fed and acks are sent whether or not anything renders.
connectWallStore(bridge, useWallStore, {
  viewId: readViewId(),
  desk: readDesk(window.location.search),
  onHello: (hello) => storeViewId(hello.viewId),
  onApplied: markDocument,
});
connectUnitNames(bridge, useWallStore);

// `?panel=<kind>&settings=<json>`: one panel full-screen (panel development, tests, benchmarks).
const standalone = readStandalonePanel(window.location.search);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider value={bridge}>
        {standalone ? <StandalonePanel request={standalone} /> : <App place={place} />}
      </BridgeProvider>
    </StrictMode>,
  );
}

/** Marks end-to-end tests (and people in devtools) read: the seq folded, and readiness. */
function markDocument(wall: WallState): void {
  document.body.dataset.seq = String(wall.seq);
  if (useWallStore.getState().ready) document.body.dataset.ready = '1';
}

// A reload keeps its view id for the tab's life, so main can treat it as the same view.
function readViewId(): string | undefined {
  try {
    return sessionStorage.getItem(VIEW_ID_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function storeViewId(viewId: string): void {
  try {
    sessionStorage.setItem(VIEW_ID_KEY, viewId);
  } catch {
    // storage denied: a reload then greets as a new view, which main also handles
  }
}
