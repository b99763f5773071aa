import { useTranslation } from 'react-i18next';
import type { StatusPanelSettings } from '../../../shared/wall/panels';
import { IncidentBoardPanel, IncidentSeverityPanel } from '../../panels/incidents';
import { TaskStatePanel } from '../../panels/tasks';

/** A layout cell of overview counts: open incidents by severity and board, tasks by state. */
export function StatusCell({ settings }: { settings: StatusPanelSettings; cellId: string }) {
  const { t } = useTranslation();
  return (
    <div className="status-cell" aria-label={t('layout.cells.overview')}>
      {settings.show.map((section) => {
        if (section === 'severity') return <IncidentSeverityPanel key={section} />;
        if (section === 'boards') return <IncidentBoardPanel key={section} />;
        return <TaskStatePanel key={section} />;
      })}
    </div>
  );
}
