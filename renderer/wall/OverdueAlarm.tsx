import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { overdueAlarms, type OverdueAlarm as Alarm } from '../../shared/state/overdueAlarms';
import { useWallNow } from '../components/useNow';
import { playTone } from '../sound/tones';
import { selectPlayerKind, selectReady, selectTasks, useUnitName } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { useUnitNameLookups } from '../panels/supervision/useUnits';
import './overdueAlarm.css';

/** Banners shown at once; the rest are counted. */
const MAX_BANNERS = 2;

/**
 * 督办 on the dispatching wall: a red banner across the display for each task this wall's unit
 * dispatched that the SLA clock flagged overdue or escalated (see shared/state/overdueAlarms.ts
 * for whose wall and when it clears), and the overdue tone for an alarm that appears while the
 * view runs live — never for the alarms already standing when the view starts (the first
 * snapshot, a reload) or after a seek, and never in replay.
 */
export function OverdueAlarm() {
  const { t } = useTranslation();
  const ready = useWallStore(selectReady);
  const unit = useWallStore((s) => s.session?.unit?.code ?? null);
  const tasks = useWallStore(selectTasks);
  const kind = useWallStore(selectPlayerKind);
  const seekGeneration = useWallStore((s) => s.player?.seekGeneration ?? 0);
  // Five seconds is fine enough for a hold of minutes, and keeps the wall from re-rendering each second.
  const now = useWallNow(5000);
  const alarms = useMemo(() => (ready && unit !== null ? overdueAlarms(tasks, unit, now) : []), [ready, unit, tasks, now]);
  useAlarmTone(alarms, ready, `${kind}:${seekGeneration}:${unit ?? ''}`, kind === 'live');
  useUnitNameLookups(useMemo(() => alarms.flatMap((alarm) => [alarm.unit, ...(alarm.escalatedTo !== undefined ? [alarm.escalatedTo] : [])]), [alarms]));

  if (alarms.length === 0) return null;
  const hidden = alarms.length - MAX_BANNERS;
  return (
    <section className="overdue-alarms" role="alert" aria-label={t('alarm.region')}>
      {alarms.slice(0, MAX_BANNERS).map((alarm) => (
        <AlarmBanner key={alarm.key} alarm={alarm} />
      ))}
      {hidden > 0 && <p className="overdue-alarms__more">{t('alarm.more', { count: hidden })}</p>}
    </section>
  );
}

/**
 * Plays the tone once per batch of alarms never seen before. The first alarms after the view is
 * ready — and after each change of `epoch` (player kind, seek, unit) — are only remembered.
 */
function useAlarmTone(alarms: readonly Alarm[], ready: boolean, epoch: string, live: boolean): void {
  const seen = useRef<{ epoch: string; keys: Set<string> } | null>(null);
  useEffect(() => {
    if (!ready) return;
    const keys = alarms.map((alarm) => alarm.key);
    if (seen.current === null || seen.current.epoch !== epoch) {
      seen.current = { epoch, keys: new Set(keys) };
      return;
    }
    const known = seen.current.keys;
    const fresh = keys.filter((key) => !known.has(key));
    for (const key of fresh) known.add(key);
    if (fresh.length > 0 && live) playTone('overdue');
  }, [alarms, ready, epoch, live]);
}

function AlarmBanner({ alarm }: { alarm: Alarm }) {
  const { t } = useTranslation();
  const title = useWallStore((s) => s.wall.incidents[alarm.incidentId]?.title ?? alarm.incidentId);
  const unitName = useUnitName(alarm.unit);
  const escalatedTo = useUnitName(alarm.escalatedTo);
  return (
    <div className="overdue-alarm" data-testid="overdue-alarm" data-task-id={alarm.taskId}>
      <span className="overdue-alarm__label">{t('alarm.label')}</span>
      <strong className="overdue-alarm__title">{title}</strong>
      <p className="overdue-alarm__facts">
        <span className="overdue-alarm__step">{alarm.overdueStep ? t(`alarm.steps.${alarm.overdueStep}`) : t('alarm.escalatedOnly')}</span>
        <span className="overdue-alarm__unit">{t('alarm.unit', { unit: unitName })}</span>
        {alarm.escalatedTo !== undefined && <span className="overdue-alarm__escalated">{t('alarm.escalatedTo', { unit: escalatedTo })}</span>}
      </p>
    </div>
  );
}
