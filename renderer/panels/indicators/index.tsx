import { useEffect, useId, useMemo, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import { useBridge } from '../../bridge/BridgeContext';
import { useWallStore } from '../../stores/wallStore';
import { countStates, orderByName, orderBySeverity, selectBoardIndicators } from './boardSelection';
import { BoardRuntime } from './boardRuntime';
import { IndicatorTile } from './IndicatorTile';
import { loadIndicatorCatalog, useIndicatorCatalog } from './indicatorCatalog';
import type { IndicatorsPanelSettings } from './settings';
import { ThresholdIcon } from './ThresholdBadge';
import { usePages, useElementSize } from './usePages';
import { pageSlice, planBoardLayout, TILE_METRICS } from './boardLayout';
import './indicators.css';

export { IndicatorsPanelSettings } from './settings';

/**
 * A board of vital-sign indicators. Tiles needing attention (alarm, then warning) sit in their
 * own band at the top (up to half the height), always on screen; the normal rest pages below,
 * one screen every 20 s: a wall is watched, not scrolled, and alarms must never page away.
 * React renders only when the indicator set, a threshold state or the page changes; values,
 * sparklines and staleness are written by the board's runtime (see boardRuntime.ts).
 */
export function IndicatorsPanel({ settings, cellId }: { settings: IndicatorsPanelSettings; cellId: string }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const headingId = useId();
  const catalog = useIndicatorCatalog();
  useEffect(() => loadIndicatorCatalog(bridge), [bridge]);

  const { board, unit, ids, sort = 'severity' } = settings;
  const idsKey = ids?.join('\n');
  const indicators = useMemo(
    () => selectBoardIndicators(catalog.indicators, { board, unit, ids: idsKey === undefined ? undefined : idsKey.split('\n') }),
    [catalog.indicators, board, unit, idsKey],
  );
  // Rebuilt only when the indicator set changes: rings (the sparklines' history) live in it.
  const runtime = useMemo(() => new BoardRuntime(indicators, useWallStore, (seconds) => i18n.t('indicators.stale', { seconds })), [indicators, i18n]);
  useEffect(() => runtime.start(), [runtime]);
  const { states, attention: attentionIds } = useSyncExternalStore(runtime.subscribe, runtime.getSnapshot);

  const counts = useMemo(() => countStates(indicators, states), [indicators, states]);
  const { attention, rest } = useMemo(() => arrange(indicators, states, attentionIds, sort), [indicators, states, attentionIds, sort]);
  const body = useRef<HTMLDivElement>(null);
  const size = useElementSize(body);
  const layout = planBoardLayout(size.width, size.height, attention.length);
  const title = board === 'all' ? t('indicators.allBoards') : t(`board.${board}`);

  return (
    <section className="ind-board" aria-labelledby={headingId} data-cell-id={cellId} data-board={board}>
      <header className="ind-board__head">
        <h2 className="ind-board__title" id={headingId}>
          {title} · {t('indicators.title')}
        </h2>
        <div className="ind-board__counts" role="group" aria-label={t('indicators.counts')}>
          <span className="ind-count" data-state="alarm" data-testid="count-alarm">
            <ThresholdIcon state="alarm" />
            {t('indicators.alarmCount', { count: counts.alarm })}
          </span>
          <span className="ind-count" data-state="warning" data-testid="count-warning">
            <ThresholdIcon state="warning" />
            {t('indicators.warningCount', { count: counts.warning })}
          </span>
          <span className="ind-count ind-count--total">{t('indicators.total', { count: indicators.length })}</span>
        </div>
      </header>
      <div className="ind-board__body" ref={body}>
        {catalog.status !== 'ready' ? (
          <p className="ind-board__message" role="status">
            {catalog.status === 'failed' ? t('indicators.loadFailed', { reason: catalog.error ?? '' }) : t('indicators.loading')}
          </p>
        ) : indicators.length === 0 ? (
          <p className="ind-board__message">{t('indicators.empty')}</p>
        ) : size.height > 0 ? (
          <>
            {attention.length > 0 && (
              <TileBand label={t('indicators.attention')} band="attention" indicators={attention} states={states} runtime={runtime} columns={layout.columns} rows={layout.attentionRows} rowHeight={layout.rowHeight} />
            )}
            <TileBand label={t('indicators.normalSection')} band="rest" indicators={rest} states={states} runtime={runtime} columns={layout.columns} rows={layout.restRows} rowHeight={layout.rowHeight} />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Attention band (alarms, warnings, then those recovered within the hold) and the rest. */
function arrange(indicators: readonly Indicator[], states: ReadonlyMap<string, ThresholdState>, attentionIds: ReadonlySet<string>, sort: 'severity' | 'name') {
  if (sort === 'name') return { attention: [], rest: orderByName(indicators) };
  return {
    attention: orderBySeverity(indicators.filter((i) => attentionIds.has(i.id)), states),
    rest: indicators.filter((i) => !attentionIds.has(i.id)),
  };
}

interface TileBandProps {
  label: string;
  band: 'attention' | 'rest';
  indicators: Indicator[];
  states: ReadonlyMap<string, ThresholdState>;
  runtime: BoardRuntime;
  columns: number;
  rows: number;
  rowHeight: number;
}

/**
 * One band, paged: only the tiles of the current page are in the DOM (a 1,500-indicator board
 * keeps about 70 nodes, not 1,500), and the page turns every 20 s. Page Up / Page Down turn it
 * by hand.
 */
function TileBand({ label, band, indicators, states, runtime, columns, rows, rowHeight }: TileBandProps) {
  const { t } = useTranslation();
  const grid = useRef<HTMLDivElement>(null);
  const { pages } = pageSlice(indicators.length, columns * rows, 0);
  const [page, setPage] = usePages(pages, grid);
  const slice = pageSlice(indicators.length, columns * rows, page);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    setPage((slice.page + step + slice.pages) % slice.pages);
  };
  const { gap } = TILE_METRICS;
  return (
    <div className={`ind-band ind-band--${band}`}>
      <div className="ind-band__label">
        <span>{label}</span>
        {slice.pages > 1 && <span className="ind-band__page">{t('indicators.page', { page: slice.page + 1, pages: slice.pages })}</span>}
      </div>
      <div
        className="ind-grid"
        ref={grid}
        role="list"
        aria-label={label}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridAutoRows: rowHeight, height: rows * (rowHeight + gap) - gap }}
      >
        {indicators.slice(slice.start, slice.end).map((indicator) => (
          <IndicatorTile key={indicator.id} indicator={indicator} state={states.get(indicator.id) ?? 'normal'} runtime={runtime} />
        ))}
      </div>
    </div>
  );
}
