import { useEffect, useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/protocol/indicators';
import { thresholdState } from '../../../shared/protocol/indicators';
import { useBridge } from '../../bridge/BridgeContext';
import { useWallStore } from '../../stores/wallStore';
import { selectBoardIndicators, splitIndicatorName } from './boardSelection';
import { formatValue } from './formatValue';
import { loadIndicatorCatalog, useIndicatorCatalog } from './indicatorCatalog';
import { SPARKLINE_SAMPLES } from './sampleRing';
import type { IndicatorsPanelSettings } from './settings';
import { ThresholdBadge } from './ThresholdBadge';

/*
 * BENCHMARK BASELINE ONLY (bench/indicators.ts, `?impl=naive` on the standalone page): the board
 * written the obvious React way, values and history in React state, every tile re-rendered on
 * every update. Kept to show what IndicatorsPanel's design buys; never mounted in the app.
 */
export function NaiveIndicatorsBoard({ settings }: { settings: IndicatorsPanelSettings }) {
  const bridge = useBridge();
  const catalog = useIndicatorCatalog();
  useEffect(() => loadIndicatorCatalog(bridge), [bridge]);
  const indicators = useMemo(() => selectBoardIndicators(catalog.indicators, settings), [catalog.indicators, settings]);
  const values = useWallStore((s) => s.wall.indicators);
  const [history, setHistory] = useState<Record<string, number[]>>({});
  useEffect(() => {
    setHistory((previous) => {
      const next: Record<string, number[]> = {};
      for (const indicator of indicators) {
        const value = values[indicator.id]?.value;
        const past = previous[indicator.id] ?? [];
        next[indicator.id] = value === undefined ? past : [...past, value].slice(-SPARKLINE_SAMPLES);
      }
      return next;
    });
  }, [values, indicators]);
  return (
    <section className="ind-board" aria-label="naive board">
      <div className="ind-grid" role="list" tabIndex={0} style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(184px, 1fr))', flex: '1 1 0', overflowY: 'auto' }}>
        {indicators.map((indicator) => (
          <NaiveTile key={indicator.id} indicator={indicator} value={values[indicator.id]?.value} history={history[indicator.id] ?? []} />
        ))}
      </div>
    </section>
  );
}

function NaiveTile({ indicator, value, history }: { indicator: Indicator; value: number | undefined; history: number[] }) {
  const { place, metric } = splitIndicatorName(indicator.name);
  const state = value === undefined ? 'normal' : thresholdState(value, indicator.thresholds);
  const min = Math.min(...history);
  const span = Math.max(...history) - min || 1;
  const points = history.map((v, i) => `${200 - (history.length - 1 - i) * (200 / SPARKLINE_SAMPLES)},${36 - ((v - min) / span) * 32}`).join(' ');
  return (
    <div className="ind-tile" role="listitem" data-state={state}>
      <div className="ind-tile__head">
        <span className="ind-tile__metric">{metric}</span>
        <ThresholdBadge state={state} />
      </div>
      <div className="ind-tile__place">{place}</div>
      <div className="ind-tile__reading">
        <span className="ind-tile__value">{value === undefined ? '–' : formatValue(value)}</span>
        {indicator.measure && <span className="ind-tile__measure">{indicator.measure}</span>}
      </div>
      <svg className="ind-tile__spark" viewBox="0 0 200 40" preserveAspectRatio="none" aria-hidden="true">
        <polyline points={points} fill="none" stroke="#3ec7ff" strokeWidth="2" />
      </svg>
    </div>
  );
}
