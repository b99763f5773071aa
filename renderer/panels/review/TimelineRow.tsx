import { useTranslation } from 'react-i18next';
import type { ReviewEntry } from '../../../shared/state/incidentReview';
import { useUnitName } from '../../stores/hooks';
import { HELD_ROW_CLASS } from '../../theme/FittedList';
import { formatClock, formatDuration, lateMinutes } from './format';

/**
 * One step of a timeline on one line: time, task, what happened, where (from → to), who, how
 * long since the task's previous step (blank for a step in the same instant, as the SLA clock's
 * escalation right after its flag), and the SLA verdict. Shared by the review panel and the
 * supervision board's task drill-down.
 */
export function TimelineRow({ entry, held = false }: { entry: ReviewEntry; held?: boolean }) {
  const { t, i18n } = useTranslation();
  const late = entry.sla !== undefined && !entry.sla.met;
  return (
    <li
      className={`timeline-row timeline-row--${entry.kind} ${late ? 'timeline-row--late' : ''} ${held ? HELD_ROW_CLASS : ''}`}
      data-entry={entry.key}
      data-kind={entry.kind}
      {...(entry.taskId !== undefined ? { 'data-task-id': entry.taskId } : {})}
    >
      <time className="timeline-row__time" dateTime={entry.ts}>
        {formatClock(entry.ts, i18n.language)}
      </time>
      <span className="timeline-row__task">{entry.taskNumber !== undefined ? t('review.task', { n: entry.taskNumber }) : ''}</span>
      <span className="timeline-row__what">
        <EntryLabel entry={entry} />
      </span>
      <span className="timeline-row__where">
        <EntryUnits entry={entry} />
      </span>
      <span className="timeline-row__who">{entry.by === 'system' ? t('review.system') : (entry.by ?? '')}</span>
      <span className="timeline-row__since">{entry.sinceMs !== undefined && entry.sinceMs >= 1000 && entry.kind !== 'report' ? t('review.since', { duration: formatDuration(entry.sinceMs, t) }) : ''}</span>
      <span className={`timeline-row__sla ${entry.sla ? (entry.sla.met ? 'sla--met' : 'sla--late') : ''}`} data-sla={entry.sla ? (entry.sla.met ? 'met' : 'late') : undefined}>
        {entry.sla && entry.kind !== 'overdue' && (entry.sla.met ? `✓ ${t('review.met')}` : `✗ ${t('review.late', { minutes: lateMinutes(entry.sla.lateMs) })}`)}
        {entry.kind === 'overdue' && '✗'}
      </span>
    </li>
  );
}

function EntryLabel({ entry }: { entry: ReviewEntry }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'report':
      return <>{t('review.report')}</>;
    case 'close':
      return <>{t('review.close')}</>;
    case 'overdue':
      return <>{t('review.overdue', { step: t(`review.slaSteps.${entry.overdueStep ?? 'accept'}`) })}</>;
    case 'escalation':
      return <>{entry.by === 'system' ? t('review.autoEscalated') : t('taskStep.task.escalated')}</>;
    default:
      return (
        <>
          {t(`taskStep.${entry.type}`, { defaultValue: entry.type })}
          {entry.role && <span className={`timeline-row__role timeline-row__role--${entry.role}`}>{t(`review.${entry.role}`)}</span>}
        </>
      );
  }
}

function EntryUnits({ entry }: { entry: ReviewEntry }) {
  const from = useUnitName(entry.fromUnit);
  const to = useUnitName(entry.unit);
  if (entry.fromUnit !== undefined && entry.unit !== undefined) return <>{`${from} → ${to}`}</>;
  return <>{to}</>;
}

/** Every unit a list of entries names, once each: the ones whose names to look up. */
export function entryUnits(entries: readonly ReviewEntry[]): string[] {
  const units = new Set<string>();
  for (const entry of entries) {
    if (entry.unit !== undefined) units.add(entry.unit);
    if (entry.fromUnit !== undefined) units.add(entry.fromUnit);
  }
  return [...units];
}
