import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useLatestIncidents } from '../../stores/hooks';
import { DispatchButton } from './DispatchButton';
import { BoardBars, SeverityTiles } from './IncidentCounts';
import { IncidentList } from './IncidentList';
import { ReportIncidentForm } from './ReportIncidentForm';
import { SeverityFilter } from './SeverityFilter';
import './incidents.css';

export { SeverityBadge, SeverityIcon } from './SeverityBadge';
export { IncidentList, SeverityFilter, SeverityTiles, BoardBars, DispatchButton, ReportIncidentForm };

/** Wall: open incidents by severity level. */
export function IncidentSeverityPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('incidents.bySeverity')} className="panel--severity">
      <SeverityTiles />
    </Panel>
  );
}

/** Wall: open incidents by board. */
export function IncidentBoardPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('incidents.byBoard')} className="panel--boards">
      <BoardBars />
    </Panel>
  );
}

/** Wall: the newest open incidents, large and read-only. */
export function LatestIncidentsPanel({ limit = 10 }: { limit?: number }) {
  const { t } = useTranslation();
  const incidents = useLatestIncidents({ limit });
  return (
    <Panel title={t('incidents.latest')} className="panel--latest">
      <IncidentList incidents={incidents} variant="wall" emptyText={t('incidents.none')} />
    </Panel>
  );
}

const NO_FILTER: number[] = [];

/** Console: every open incident, filterable by severity, each with a dispatch button. */
export function IncidentDeskPanel() {
  const { t } = useTranslation();
  const [severities, setSeverities] = useState<number[]>(NO_FILTER);
  const incidents = useLatestIncidents({ severities: severities.length ? severities : undefined });
  return (
    <Panel title={t('incidents.list')} className="panel--desk" aside={<SeverityFilter selected={severities} onChange={setSeverities} />}>
      <IncidentList
        incidents={incidents}
        variant="console"
        emptyText={severities.length ? t('incidents.noneMatching') : t('incidents.none')}
        renderActions={(incident) => <DispatchButton incident={incident} />}
      />
    </Panel>
  );
}

/** Console: the report form in its frame. */
export function ReportIncidentPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('report.title')} className="panel--report">
      <ReportIncidentForm />
    </Panel>
  );
}
