import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultReviewIncidentId, incidentReview, type IncidentReview } from '../../../shared/state/incidentReview';
import type { ReviewPanelSettings } from '../../../shared/wall/panels';
import { Panel } from '../../components/Panel';
import { SeverityBadge } from '../incidents/SeverityBadge';
import { selectIncidents, selectTasks, useUnitName } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { FittedList, HELD_ROW_CLASS } from '../../theme/FittedList';
import { formatClock, formatSpan } from './format';
import { useUnitNameLookups } from '../supervision/useUnits';
import { entryUnits, TimelineRow } from './TimelineRow';
import './review.css';

/**
 * 复盘: one incident's handling for leadership on the big screen — the header (title, level,
 * where, the key times), then every step in order with its duration and SLA verdict. Derived
 * from the folded state, so a trainer's replay shows what the live wall showed.
 */
export function ReviewPanel({ settings }: { settings: ReviewPanelSettings; cellId: string }) {
  const { t } = useTranslation();
  const incidents = useWallStore(selectIncidents);
  const tasks = useWallStore(selectTasks);
  const incidentId = useMemo(() => settings.incidentId ?? defaultReviewIncidentId(incidents), [settings.incidentId, incidents]);
  const review = useMemo(() => (incidentId === null ? null : incidentReview({ incidents, tasks }, incidentId)), [incidentId, incidents, tasks]);

  if (!review) {
    return (
      <Panel title={t('review.title')} className="panel--review">
        <p className="empty">{incidentId === null ? t('review.none') : t('review.unknown', { id: incidentId })}</p>
      </Panel>
    );
  }
  return <ReviewView key={review.incident.incidentId} review={review} />;
}

function ReviewView({ review }: { review: IncidentReview }) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<number[]>([0]);
  const offset = pages[pages.length - 1]!;
  const timeline = useRef<HTMLDivElement>(null);
  const entries = useMemo(() => review.entries.slice(offset), [review.entries, offset]);
  useUnitNameLookups(useMemo(() => [...new Set([...review.incident.units.slice(1), ...entryUnits(review.entries)])], [review]));

  // A page forward starts at the first row the list held back.
  function nextPage() {
    const shown = timeline.current?.querySelectorAll(`.timeline-row:not(.${HELD_ROW_CLASS})`).length ?? 0;
    if (shown > 0 && offset + shown < review.entries.length) setPages([...pages, offset + shown]);
  }
  function previousPage() {
    if (pages.length > 1) setPages(pages.slice(0, -1));
  }
  // A replay seeking back can leave fewer entries than the page starts at.
  useEffect(() => {
    if (offset > 0 && offset >= review.entries.length) setPages([0]);
  }, [offset, review.entries.length]);

  const pager = (
    <div className="review-pager" role="group" aria-label={t('review.pages')}>
      <button type="button" data-action="previous-page" aria-label={t('review.previous')} disabled={pages.length <= 1} onClick={previousPage}>
        ▲
      </button>
      <button type="button" data-action="next-page" aria-label={t('review.next')} disabled={offset + 1 >= review.entries.length} onClick={nextPage}>
        ▼
      </button>
    </div>
  );

  return (
    <Panel title={t('review.title')} className="panel--review" aside={pager}>
      <div className="review" data-incident-id={review.incident.incidentId} onKeyDown={(e) => (e.key === 'PageDown' ? nextPage() : e.key === 'PageUp' ? previousPage() : undefined)}>
        <ReviewHeader review={review} />
        <div className="review__timeline" ref={timeline} aria-label={t('review.timeline')}>
          <FittedList className="review-timeline" items={entries} itemKey={(entry) => entry.key} renderItem={(entry, held) => <TimelineRow entry={entry} held={held} />} />
        </div>
      </div>
    </Panel>
  );
}

function ReviewHeader({ review }: { review: IncidentReview }) {
  const { t, i18n } = useTranslation();
  const { incident, totals } = review;
  const district = useUnitName(incident.units[1]);
  const street = useUnitName(incident.units[2]);
  const place = [district, street].filter((name) => name !== '').join(' · ');
  const reported = formatClock(incident.reportedAt, i18n.language);
  const figure = (ms: number | null) => (ms === null ? t('review.pending') : formatSpan(ms, t));
  return (
    <header className="review__head">
      <div className="review__title-line">
        <SeverityBadge severity={incident.severity} />
        <strong className="review__title">{incident.title}</strong>
        <span className={`review__status review__status--${incident.status}`}>{t(`review.${incident.status}`)}</span>
      </div>
      <p className="review__meta">
        {place && <span className="review__place">{place}</span>}
        <span>{incident.reportedBy ? t('review.reportedBy', { time: reported, by: incident.reportedBy }) : t('review.reportedAt', { time: reported })}</span>
      </p>
      <dl className="review__totals">
        <div className="review-total" data-total="first-dispatch">
          <dt>{t('review.toFirstDispatch')}</dt>
          <dd>{figure(totals.toFirstDispatchMs)}</dd>
        </div>
        <div className="review-total" data-total="all-closed">
          <dt>{t('review.toAllClosed')}</dt>
          <dd>{figure(totals.toAllClosedMs)}</dd>
        </div>
        <div className={`review-total ${totals.late > 0 ? 'review-total--late' : ''}`} data-total="sla">
          <dt>{t('review.slaTitle')}</dt>
          <dd>
            <span className="review-total__met">{totals.met}</span>
            {' / '}
            <span className="review-total__late">{totals.late}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
