import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BridgeProvider } from '../../bridge/BridgeContext';
import { getBridge } from '../../bridge/getBridge';
import { initI18n } from '../../i18n';
import { connectWallStore } from '../../stores/connectWallStore';
import { useWallStore } from '../../stores/wallStore';
import { activeBoards } from './boardRuntime';
import { NaiveIndicatorsBoard } from './NaiveIndicatorsBoard';
import { IndicatorsStandalone, readIndicatorsStandalone } from './standalone';
import '../../theme/base.css';

// The board page on its own (standalone.html), built by bench/indicatorsPage.ts for the
// end-to-end test and the benchmark: the same bridge and store wiring as main.tsx, one panel.
initI18n();
const bridge = getBridge();
connectWallStore(bridge, useWallStore, {
  onApplied: (wall) => {
    document.body.dataset.seq = String(wall.seq);
    if (useWallStore.getState().ready) document.body.dataset.ready = '1';
  },
});

// The benchmark reads the boards' write statistics here.
(window as { indicatorBoards?: typeof activeBoards }).indicatorBoards = activeBoards;
const settings = readIndicatorsStandalone(window.location.search) ?? { board: 'all' as const };
const naive = new URLSearchParams(window.location.search).get('impl') === 'naive';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider value={bridge}>
        {naive ? <NaiveIndicatorsBoard settings={settings} /> : <IndicatorsStandalone settings={settings} />}
      </BridgeProvider>
    </StrictMode>,
  );
}
