import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import { splitIndicatorName } from './boardSelection';
import type { BoardRuntime } from './boardRuntime';
import { StaleIcon, ThresholdBadge } from './ThresholdBadge';

/** Canvas pixels of a sparkline; CSS stretches it to the tile's width, so no layout is read. */
export const SPARK_WIDTH = 200;
export const SPARK_HEIGHT = 40;

/**
 * One indicator. React renders its frame and threshold state; the value, the sparkline and the
 * staleness badge are the runtime's, written into the nodes this ref hands over.
 */
export const IndicatorTile = memo(function IndicatorTile({ indicator, state, runtime }: { indicator: Indicator; state: ThresholdState; runtime: BoardRuntime }) {
  const { t } = useTranslation();
  const { place, metric } = splitIndicatorName(indicator.name);
  const { id } = indicator;
  const mount = useCallback(
    (root: HTMLDivElement | null) => {
      if (!root) return;
      const pick = <T extends Element>(role: string) => root.querySelector<T>(`[data-role="${role}"]`) as T;
      return runtime.mountTile(id, {
        root,
        value: pick<HTMLElement>('value'),
        canvas: pick<HTMLCanvasElement>('spark'),
        stale: pick<HTMLElement>('stale'),
        staleText: pick<HTMLElement>('stale-text'),
      });
    },
    [id, runtime],
  );
  const thresholds = t('indicators.thresholds', { warn: indicator.thresholds.warn, alarm: indicator.thresholds.alarm });
  return (
    <div ref={mount} className="ind-tile" role="listitem" data-indicator-id={id} data-state={state} title={`${indicator.name} · ${thresholds}`}>
      <div className="ind-tile__head">
        <span className="ind-tile__metric">{metric}</span>
        <ThresholdBadge state={state} />
      </div>
      <div className="ind-tile__place">{place}</div>
      <div className="ind-tile__reading">
        <span className="ind-tile__value" data-role="value">
          –
        </span>
        {indicator.measure && <span className="ind-tile__measure">{indicator.measure}</span>}
      </div>
      <canvas className="ind-tile__spark" data-role="spark" width={SPARK_WIDTH} height={SPARK_HEIGHT} aria-hidden="true" />
      <div className="ind-tile__stale" data-role="stale" hidden>
        <StaleIcon />
        <span data-role="stale-text" />
      </div>
    </div>
  );
});
