import { useTranslation } from 'react-i18next';
import { Clock } from '../components/Clock';
import { LanguageToggle } from '../components/LanguageToggle';
import { IncidentDeskPanel, ReportIncidentPanel } from '../panels/incidents';
import { LinkIndicator, OutboxPanel, SessionInfo } from '../panels/status';
import { TaskListPanel } from '../panels/tasks';
import { PresetBar } from '../layout/PresetBar';
import { selectReady } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import './console.css';

/** The duty officer's console: incidents to act on, the report form, the outbox and tasks. */
export function ConsoleScreen() {
  const { t } = useTranslation();
  const ready = useWallStore(selectReady);
  return (
    <div className="console">
      <header className="console__header">
        <div className="console__brand">
          <h1 className="console__title">{t('hall.consoleTitle')}</h1>
          <span className="console__hall">{t('hall.name')}</span>
        </div>
        <SessionInfo />
        <div className="console__tools">
          <LinkIndicator />
          <Clock />
          <LanguageToggle />
        </div>
      </header>
      <div className="console__bar">{ready && <PresetBar />}</div>
      {ready ? (
        <main className="console__body">
          <div className="console__main">
            <IncidentDeskPanel />
            <TaskListPanel />
          </div>
          <aside className="console__side">
            <ReportIncidentPanel />
            <OutboxPanel />
          </aside>
        </main>
      ) : (
        <main className="console__loading">{t('common.loading')}</main>
      )}
    </div>
  );
}
