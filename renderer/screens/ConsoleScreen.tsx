import { useTranslation } from 'react-i18next';
import { Clock } from '../components/Clock';
import { LanguageToggle } from '../components/LanguageToggle';
import { CameraSearch } from '../console/CameraSearch';
import { HandoverPrompt } from '../console/ControlBar';
import { PanelPalette } from '../console/PanelPalette';
import { WallDeskPanel } from '../console/WallDeskPanel';
import { InboxBanner } from '../dispatch/InboxBanner';
import { InboxPanel } from '../dispatch/InboxPanel';
import { IncidentDeskPanel, ReportIncidentPanel } from '../panels/incidents';
import { LinkIndicator, OutboxPanel, SessionInfo } from '../panels/status';
import { TaskListPanel } from '../panels/tasks';
import { PresetBar } from '../layout/PresetBar';
import { selectDesk, selectReady } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import './console.css';

/**
 * The duty officer's console: the wall in miniature to drop panels and cameras on, control of
 * the displays, the preset bar, incidents to act on (and show on the wall), camera search, the
 * report form, the outbox and tasks. New work sent to this centre shows as a banner on top; the
 * inbox leads the main column at a district or street (their work comes from above), and sits
 * beside the task list at the city, whose desk is its incidents.
 */
export function ConsoleScreen() {
  const { t } = useTranslation();
  const ready = useWallStore(selectReady);
  const desk = useWallStore(selectDesk);
  // Without a layout service (a bare shell) there is no wall to drop on: no palette, search or miniature.
  const wallDesk = useWallStore((s) => s.layout !== null);
  const cityDesk = useWallStore((s) => (s.session?.unit?.level ?? 'city') === 'city');
  return (
    <div className="console">
      <header className="console__header">
        <div className="console__brand">
          <h1 className="console__title">{t('hall.consoleTitle')}</h1>
          <span className="console__hall">{t('hall.name')}</span>
        </div>
        {desk && (
          <dl className="console__desk">
            <dt>{t('console.desk')}</dt>
            <dd data-testid="console-desk">{desk}</dd>
          </dl>
        )}
        <SessionInfo />
        <div className="console__tools">
          <LinkIndicator />
          <Clock />
          <LanguageToggle />
        </div>
      </header>
      <div className="console__bar">{ready && <PresetBar />}</div>
      <div className="console__alerts">
        {ready && <InboxBanner />}
        {ready && <HandoverPrompt />}
      </div>
      {ready ? (
        <main className={`console__body ${wallDesk ? '' : 'console__body--no-wall'}`}>
          {wallDesk && (
            <aside className="console__sources" aria-label={t('console.sources')}>
              <PanelPalette />
              <CameraSearch />
            </aside>
          )}
          <div className="console__main">
            {!cityDesk && <InboxPanel />}
            {wallDesk && <WallDeskPanel />}
            <IncidentDeskPanel />
          </div>
          <aside className="console__side" aria-label={t('console.duty')}>
            <ReportIncidentPanel />
            {cityDesk && <InboxPanel />}
            <TaskListPanel />
            <OutboxPanel />
          </aside>
        </main>
      ) : (
        <main className="console__loading">{t('common.loading')}</main>
      )}
    </div>
  );
}
