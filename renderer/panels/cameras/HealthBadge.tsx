import { useTranslation } from 'react-i18next';
import type { TileHealth, TileHealthState } from '../../video/tileHealth';

/** Each state has its own shape as well as colour and words, for viewers who cannot tell the colours apart. */
const ICONS: Record<TileHealthState, string> = {
  live: '●',
  stalled: '❚❚',
  offline: '✕',
  loading: '◌',
};

/** 直播 / 卡顿 / 离线 / 加载中, with how far behind the live edge the picture is. */
export function HealthBadge({ health }: { health: TileHealth }) {
  const { t } = useTranslation();
  const showBehind = health.secondsBehindLive !== null && (health.state === 'live' || health.state === 'stalled');
  return (
    <span className={`camera-health camera-health--${health.state}`} data-health={health.state} role="status">
      <span className="camera-health__icon" aria-hidden="true">
        {ICONS[health.state]}
      </span>
      <span className="camera-health__text">{t(`cameras.health.${health.state}`)}</span>
      {showBehind && <span className="camera-health__behind">{t('cameras.behind', { seconds: health.secondsBehindLive })}</span>}
    </span>
  );
}
