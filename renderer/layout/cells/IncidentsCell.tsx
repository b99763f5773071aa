import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentsPanelSettings } from '../../../shared/wall/panels';
import { Panel } from '../../components/Panel';
import { BoardBars, IncidentList, SeverityBadge, SeverityTiles } from '../../panels/incidents';
import { useLatestIncidents } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';

/** A layout cell of incidents: the feed (a focused incident first and marked), a ticker, or counts. */
export function IncidentsCell({ settings }: { settings: IncidentsPanelSettings; cellId: string }) {
  if (settings.view === 'summary') return <IncidentSummary />;
  if (settings.view === 'ticker') return <IncidentTicker settings={settings} />;
  return <IncidentFeed settings={settings} />;
}

function IncidentFeed({ settings }: { settings: IncidentsPanelSettings }) {
  const { t } = useTranslation();
  const incidents = useLatestIncidents({ severities: settings.severities, limit: settings.limit ?? 12 });
  const focused = useWallStore((s) => (settings.focusIncidentId ? s.wall.incidents[settings.focusIncidentId] : undefined));
  const others = useMemo(() => incidents.filter((i) => i.incidentId !== settings.focusIncidentId), [incidents, settings.focusIncidentId]);
  return (
    <Panel title={t(focused ? 'layout.cells.focusIncident' : 'incidents.latest')} className="panel--latest">
      {focused && (
        <div className={`focus-incident focus-incident--sev${focused.severity}`} data-focus-incident={focused.incidentId}>
          <SeverityBadge severity={focused.severity} />
          <strong className="focus-incident__title">{focused.title}</strong>
          <span className="focus-incident__meta">
            {t(`board.${focused.board}`)} · {focused.status === 'open' ? t('layout.cells.open') : t('layout.cells.closed')}
          </span>
        </div>
      )}
      <IncidentList incidents={others} variant="wall" emptyText={t('incidents.none')} />
    </Panel>
  );
}

function IncidentTicker({ settings }: { settings: IncidentsPanelSettings }) {
  const { t } = useTranslation();
  const incidents = useLatestIncidents({ severities: settings.severities, limit: settings.limit ?? 8 });
  return (
    <Panel title={t('layout.cells.ticker')} className="panel--ticker">
      {incidents.length === 0 ? (
        <p className="empty">{t('incidents.none')}</p>
      ) : (
        <ul className="incident-ticker">
          {incidents.map((incident) => (
            <li key={incident.incidentId} className="incident-ticker__item">
              <SeverityBadge severity={incident.severity} />
              <span>{incident.title}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function IncidentSummary() {
  const { t } = useTranslation();
  return (
    <Panel title={t('layout.cells.summary')} className="panel--severity">
      <SeverityTiles />
      <BoardBars />
    </Panel>
  );
}
