import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/state/wallState';
import { useWallNow } from '../../components/useNow';
import { ageOf } from '../../stores/derive';
import { useUnitName } from '../../stores/hooks';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';
import { SeverityBadge } from './SeverityBadge';

interface IncidentListProps {
  incidents: IncidentView[];
  /** Wall: a large read-only feed; console: a dense table whose rows can carry actions. */
  variant: 'wall' | 'console';
  emptyText: string;
  /**
   * `titleId`: the id of the row's title cell, for actions that name the incident they act on;
   * `detailId`: the id of the row's detail (below), for the action that opens it.
   */
  renderActions?: (incident: IncidentView, titleId: string, detailId: string) => ReactNode;
  /** Console: the incident the wall is focused on, marked in its row. */
  markedIncidentId?: string;
  /**
   * Console: something to show under a row across the whole table (the dispatch proposal), or
   * null for nothing.
   */
  renderDetail?: (incident: IncidentView) => ReactNode;
}

export function IncidentList({ incidents, variant, emptyText, renderActions, markedIncidentId, renderDetail }: IncidentListProps) {
  const { t } = useTranslation();
  const now = useWallNow(5000);
  if (incidents.length === 0) return <p className="empty">{emptyText}</p>;
  if (variant === 'wall') {
    return (
      <FittedList
        className="incident-feed"
        items={incidents}
        itemKey={(incident) => incident.incidentId}
        renderItem={(incident, held) => <IncidentFeedItem incident={incident} now={now} held={held} />}
      />
    );
  }
  return (
    <table className={`incident-table incident-table--${variant}`}>
      <thead>
        <tr>
          <th scope="col">{t('incidents.columns.severity')}</th>
          <th scope="col">{t('incidents.columns.title')}</th>
          <th scope="col">{t('incidents.columns.board')}</th>
          <th scope="col">{t('incidents.columns.location')}</th>
          <th scope="col">{t('incidents.columns.age')}</th>
          {renderActions && <th scope="col">{t('incidents.columns.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <IncidentRow
            key={incident.incidentId}
            incident={incident}
            now={now}
            renderActions={renderActions}
            renderDetail={renderDetail}
            onWall={incident.incidentId === markedIncidentId}
          />
        ))}
      </tbody>
    </table>
  );
}

/** Wall rows: two lines, the title large, so each reads from the back of the hall. */
function IncidentFeedItem({ incident, now, held }: { incident: IncidentView; now: number; held: boolean }) {
  const { t } = useTranslation();
  const age = ageOf(incident.reportedAt, now);
  return (
    <li className={`incident-feed__item sev-${incident.severity} ${held ? HELD_ROW_CLASS : ''}`} data-incident-id={incident.incidentId}>
      <SeverityBadge severity={incident.severity} />
      <span className="incident-feed__title">{incident.title}</span>
      <time className="incident-feed__age" dateTime={incident.reportedAt}>
        {t(`age.${age.unit}`, { count: age.count })}
      </time>
      <span className="incident-feed__meta">
        {t(`board.${incident.board}`)} · <IncidentPlace units={incident.units} />
      </span>
    </li>
  );
}

interface IncidentRowProps {
  incident: IncidentView;
  now: number;
  renderActions?: IncidentListProps['renderActions'];
  renderDetail?: IncidentListProps['renderDetail'];
  onWall: boolean;
}

function IncidentRow({ incident, now, renderActions, renderDetail, onWall }: IncidentRowProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const detailId = useId();
  const age = ageOf(incident.reportedAt, now);
  const detail = renderDetail?.(incident);
  const columns = renderActions ? 6 : 5;
  return (
    <>
      <tr className={`incident-row sev-${incident.severity} ${onWall ? 'incident-row--on-wall' : ''}`} data-incident-id={incident.incidentId} data-on-wall={onWall || undefined}>
        <td className="incident-row__severity">
          <SeverityBadge severity={incident.severity} />
        </td>
        <td className="incident-row__title" id={titleId}>
          {incident.title}
          {incident.status === 'closed' && <span className="tag">{t('incidents.closed')}</span>}
          {onWall && <span className="tag tag--on-wall">{t('incidents.onWall')}</span>}
        </td>
        <td className="incident-row__board">{t(`board.${incident.board}`)}</td>
        <td className="incident-row__location">
          <IncidentPlace units={incident.units} />
        </td>
        <td className="incident-row__age">
          <time dateTime={incident.reportedAt}>{t(`age.${age.unit}`, { count: age.count })}</time>
        </td>
        {renderActions && <td className="incident-row__actions">{renderActions(incident, titleId, detailId)}</td>}
      </tr>
      {detail && (
        <tr className="incident-row__detail" id={detailId}>
          <td colSpan={columns}>{detail}</td>
        </tr>
      )}
    </>
  );
}

/** District and street names (codes until looked up); the city is implied on a city wall. */
function IncidentPlace({ units }: { units: string[] }) {
  const district = useUnitName(units[1]);
  const street = useUnitName(units[2]);
  return <>{[district, street].filter(Boolean).join(' · ')}</>;
}
