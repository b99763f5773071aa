import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentsPanelSettings } from '../../../shared/wall/panels';
import { Panel } from '../../components/Panel';
import { BoardBars, IncidentList, SeverityBadge, SeverityTiles } from '../../panels/incidents';
import { useLatestIncidents } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';

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
        <FittedList
          className="incident-ticker"
          ordered={false}
          items={incidents}
          itemKey={(incident) => incident.incidentId}
          renderItem={(incident, held) => (
            <li className={`incident-ticker__item ${held ? HELD_ROW_CLASS : ''}`}>
              <SeverityBadge severity={incident.severity} />
              <span className="incident-ticker__title">{incident.title}</span>
            </li>
          )}
        />
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
