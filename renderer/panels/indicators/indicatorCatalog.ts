import { create } from 'zustand';
import { IndicatorList } from '../../../shared/protocol/indicators';
import type { Indicator } from '../../../shared/protocol/indicators';
import type { WallBridge } from '../../../shared/view/bridge';
import { parseAtEdge } from '../../../shared/validation';

/** The 1,500 indicator definitions, fetched once per window and shared by every board. */
export interface IndicatorCatalog {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  indicators: Indicator[];
  error: string | null;
}

export const useIndicatorCatalog = create<IndicatorCatalog>(() => ({ status: 'idle', indicators: [], error: null }));

const RETRY_MS = 5_000;

/** Starts the one catalog fetch (a no-op once loading or loaded); a failure is shown, then retried. */
export function loadIndicatorCatalog(bridge: WallBridge, log: (message: string) => void = console.warn): void {
  const { status } = useIndicatorCatalog.getState();
  if (status === 'loading' || status === 'ready') return;
  useIndicatorCatalog.setState({ status: 'loading' });
  const fail = (reason: string) => {
    log(`[indicators] catalog: ${reason}`);
    useIndicatorCatalog.setState({ status: 'failed', error: reason });
    setTimeout(() => loadIndicatorCatalog(bridge, log), RETRY_MS);
  };
  bridge.query({ kind: 'indicators' }).then(
    (raw) => {
      const parsed = parseAtEdge(IndicatorList, raw);
      if (parsed.ok) useIndicatorCatalog.setState({ status: 'ready', indicators: parsed.value, error: null });
      else fail(`rejected: ${parsed.message}`);
    },
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
}
