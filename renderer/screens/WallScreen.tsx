import { useTranslation } from 'react-i18next';
import { Clock } from '../components/Clock';
import { IncidentBoardPanel, IncidentSeverityPanel, LatestIncidentsPanel } from '../panels/incidents';
import { LinkIndicator } from '../panels/status';
import { TaskFeedPanel, TaskStatePanel } from '../panels/tasks';
import { selectPlayerKind, selectReady, selectSeq } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import './wall.css';

/**
 * One wall display: a header band (hall, clock, link) over a grid of panels. Later issues put
 * cameras, the 3D city and indicator boards into the grid through the layout presets.
 */
export function WallScreen({ displayId }: { displayId: string }) {
  const { t } = useTranslation();
  const ready = useWallStore(selectReady);
  return (
    <div className="wall">
      <header className="wall__header">
        <div className="wall__brand">
          <Emblem />
          <div>
            <h1 className="wall__title">{t('hall.name')}</h1>
            <p className="wall__motto">{t('hall.motto')}</p>
          </div>
        </div>
        <div className="wall__status">
          <LinkIndicator />
          <Clock />
        </div>
      </header>
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
