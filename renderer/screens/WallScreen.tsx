import { useTranslation } from 'react-i18next';
import { Clock } from '../components/Clock';
import { IncidentBoardPanel, IncidentSeverityPanel, LatestIncidentsPanel } from '../panels/incidents';
import { LinkIndicator } from '../panels/status';
import { TaskFeedPanel, TaskStatePanel } from '../panels/tasks';
import { selectPlayerKind, selectReady, selectSeq } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { useLayoutMarks } from '../layout/useLayoutMarks';
import { WallLayoutView } from '../layout/WallLayoutView';
import { OverdueAlarm } from '../wall/OverdueAlarm';
import { PanelBoundary } from '../layout/PanelBoundary';
import './wall.css';

/** A fault in the alarm banner must never blank the wall under it: it falls back to nothing (and logs). */
function GuardedOverdueAlarm() {
  return (
    <PanelBoundary fallback={() => null}>
      <OverdueAlarm />
    </PanelBoundary>
  );
}

/**
 * One wall display: its slice of the wall canvas, where the header band (hall, clock, link)
 * runs across the top and the layout's cells fill the rest. Without a layout (or an empty one)
 * it shows the overview grid of incidents and tasks. Over either, the 督办 banner of this wall's
 * overdue tasks (renderer/wall/OverdueAlarm.tsx).
 */
export function WallScreen({ displayId }: { displayId: string }) {
  const { t } = useTranslation();
  const ready = useWallStore(selectReady);
  const layout = useWallStore((s) => s.layout);
  useLayoutMarks(ready ? layout : null);
  if (ready && layout && layout.layout.cells.length > 0) {
    return (
      <>
        <WallLayoutView state={layout} displayId={displayId} header={<WallHeader />} footer={<WallFooter displayId={displayId} />} headerNotice={<ReplayBanner />} />
        <GuardedOverdueAlarm />
      </>
    );
  }
  return (
    <div className="wall">
      <GuardedOverdueAlarm />
      <WallHeader />
      {ready ? (
        <main className="wall__body">
          <div className="wall__column">
            <IncidentSeverityPanel />
            <IncidentBoardPanel />
          </div>
          <LatestIncidentsPanel limit={10} />
          <div className="wall__column">
            <TaskStatePanel />
            <TaskFeedPanel />
          </div>
        </main>
      ) : (
        <main className="wall__loading">{t('common.loading')}</main>
      )}
      <WallFooter displayId={displayId} />
    </div>
  );
}

function WallHeader() {
  const { t } = useTranslation();
  return (
    <header className="wall__header">
      <div className="wall__brand">
        <Emblem />
        <div>
          <h1 className="wall__title">{t('hall.name')}</h1>
          <p className="wall__motto">{t('hall.motto')}</p>
        </div>
      </div>
      <div className="wall__status">
        <ReplayBanner />
        <LinkIndicator />
        <Clock />
      </div>
    </header>
  );
}

/**
 * During replay the whole hall must see that these are recorded events, not the city now: a
 * banner in the header at the readable size (the clock beside it shows the recorded time).
 */
function ReplayBanner() {
  const { t } = useTranslation();
  const kind = useWallStore(selectPlayerKind);
  const speed = useWallStore((s) => s.player?.speed ?? 1);
  if (kind !== 'replay') return null;
  return (
    <p className="replay-banner" role="status" data-testid="replay-banner">
      <span className="replay-banner__mark" aria-hidden="true">
        ⏵
      </span>
      {t('player.banner')}
      {speed !== 1 && <span className="replay-banner__speed">{t('player.speed', { speed })}</span>}
    </p>
  );
}

function WallFooter({ displayId }: { displayId: string }) {
  const { t } = useTranslation();
  const kind = useWallStore(selectPlayerKind);
  const seq = useWallStore(selectSeq);
  return (
    <footer className="wall__footer">
      <span className={`mode-pill mode-pill--${kind}`}>{t(`player.${kind}`)}</span>
      <span>{t('session.display', { id: displayId })}</span>
      <span>{t('session.seq', { seq })}</span>
    </footer>
  );
}

/** A simple mark for the header: concentric rings, the "city brain" motif. */
function Emblem() {
  return (
    <svg className="wall__emblem" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="21" />
      <circle cx="24" cy="24" r="13" />
      <circle cx="24" cy="24" r="5" />
      <path d="M24 1v10M24 37v10M1 24h10M37 24h10" />
    </svg>
  );
}
