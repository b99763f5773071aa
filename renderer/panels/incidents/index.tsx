import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useLatestIncidents } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { isCurrent, type ShownRefusal } from '../../console/refusal';
import { useDispatchDesk } from '../../dispatch/dispatchDesk';
import { DispatchProposalForm } from '../../dispatch/DispatchProposalForm';
import { DispatchStatus } from '../../dispatch/DispatchStatus';
import { DispatchButton } from './DispatchButton';
import { BoardBars, SeverityTiles } from './IncidentCounts';
import { IncidentList } from './IncidentList';
import { ReportIncidentForm } from './ReportIncidentForm';
import { SeverityFilter } from './SeverityFilter';
import { ShowOnWallButton } from './ShowOnWallButton';
import './incidents.css';

export { SeverityBadge, SeverityIcon } from './SeverityBadge';
export { IncidentList, SeverityFilter, SeverityTiles, BoardBars, DispatchButton, ReportIncidentForm, ShowOnWallButton };

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

/**
 * Console: every open incident, filterable by severity, each with "show on wall" and dispatch
 * (the hub's proposal opens under the row; the row then says where the dispatch stands); the
 * incident the wall is focused on is marked.
 */
export function IncidentDeskPanel() {
  const { t } = useTranslation();
  const [severities, setSeverities] = useState<number[]>(NO_FILTER);
  const [refusal, setRefusal] = useState<ShownRefusal | null>(null);
  const control = useWallStore((s) => s.control);
  const incidents = useLatestIncidents({ severities: severities.length ? severities : undefined });
  const onWallId = useWallStore((s) => (s.layout?.mode === 'focus' ? s.layout.focusIncidentId : undefined));
  const proposalFor = useDispatchDesk((s) => s.openIncidentId);
  const closeProposal = useDispatchDesk((s) => s.close);
  return (
    <Panel title={t('incidents.list')} className="panel--desk" aside={<SeverityFilter selected={severities} onChange={setSeverities} />}>
      <p className="console-notice console-notice--error" role="alert" data-testid="incident-focus-error">
        {refusal && isCurrent(refusal, control) ? refusal.text : null}
      </p>
      <IncidentList
        incidents={incidents}
        variant="console"
        emptyText={severities.length ? t('incidents.noneMatching') : t('incidents.none')}
        markedIncidentId={onWallId}
        renderActions={(incident, titleId, detailId) => (
          <>
            <ShowOnWallButton incident={incident} titleId={titleId} onRefused={setRefusal} />
            <DispatchButton incident={incident} proposalId={detailId} />
            <DispatchStatus incident={incident} />
          </>
        )}
        renderDetail={(incident) => (incident.incidentId === proposalFor ? <DispatchProposalForm incident={incident} onClose={() => closeProposal(incident.incidentId)} /> : null)}
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
