import { useTranslation } from 'react-i18next';
import type { ThresholdState } from '../../../shared/protocol/indicators';

/* A distinct shape per state, so the state reads without colour: circle+tick, triangle+!, octagon+×. */
const ICONS: Record<ThresholdState, string> = {
  normal: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-3 7.2 2 2 4-4.4-1-1-3 3.3-1-1.1Z',
  warning: 'M8 1 15.5 14.5H.5ZM7.1 6v4.4h1.8V6Zm0 5.6v1.7h1.8v-1.7Z',
  alarm: 'M5 1h6l4 4v6l-4 4H5l-4-4V5Zm.6 3.3-1.3 1.3L6.7 8l-2.4 2.4 1.3 1.3L8 9.3l2.4 2.4 1.3-1.3L9.3 8l2.4-2.4-1.3-1.3L8 6.7Z',
};

export function ThresholdIcon({ state }: { state: ThresholdState }) {
  return (
    <svg className="ind-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false" data-icon={state}>
      <path d={ICONS[state]} fillRule="evenodd" />
    </svg>
  );
}

/** Threshold state by colour, shape and word. */
export function ThresholdBadge({ state }: { state: ThresholdState }) {
  const { t } = useTranslation();
  return (
    <span className="ind-state" data-state={state}>
      <ThresholdIcon state={state} />
      <span className="ind-state__text">{t(`indicators.state.${state}`)}</span>
    </span>
  );
}

export function StaleIcon() {
  return (
    <svg className="ind-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" data-icon="stale">
      <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.6a5.4 5.4 0 1 0 0 10.8A5.4 5.4 0 0 0 8 2.6ZM7.2 4h1.6v3.7l2.6 1.6-.8 1.3-3.4-2.1Z" fillRule="evenodd" />
    </svg>
  );
}
