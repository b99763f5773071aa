import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../shared/state/wallState';
import { SeverityBadge } from '../panels/incidents/SeverityBadge';
import { playTone } from '../sound/tones';
import { useWallStore } from '../stores/wallStore';
import { arrivalKey, inboxTasks } from './inboxModel';
import { useLookedUpUnitName } from './useLookedUpUnitName';
import './dispatch.css';

/** How long a banner stays up when nobody dismisses it. */
export const BANNER_MS = 30_000;

/**
 * New work for this centre, at the top of the console: large, with the incident and who sent it,
 * and the inbox tone. Only tasks arriving after the console came up count (not the first
 * snapshot); a task sent here again later counts again. Dismissable; hides itself after 30 s.
 */
export function InboxBanner({ hideAfterMs = BANNER_MS }: { hideAfterMs?: number }) {
  const unit = useWallStore((s) => s.session?.unit?.code);
  const [arrivals, setArrivals] = useState<TaskView[]>([]);

  useEffect(() => {
    if (!unit) return;
    const seen = new Set(inboxTasks(useWallStore.getState().wall.tasks, unit).map((task) => arrivalKey(task, unit)));
    return useWallStore.subscribe((state, previous) => {
      if (state.wall.tasks === previous.wall.tasks) return;
      const fresh = inboxTasks(state.wall.tasks, unit).filter((task) => !seen.has(arrivalKey(task, unit)));
      if (fresh.length === 0) return;
      for (const task of fresh) seen.add(arrivalKey(task, unit));
      setArrivals((shown) => [...fresh, ...shown.filter((s) => !fresh.some((f) => f.taskId === s.taskId))]);
      playTone('inbox');
    });
  }, [unit]);

  useEffect(() => {
    if (arrivals.length === 0) return;
    const timer = setTimeout(() => setArrivals([]), hideAfterMs);
    return () => clearTimeout(timer);
  }, [arrivals, hideAfterMs]);

  const newest = arrivals[0];
  if (!newest) return null;
  return <Banner task={newest} more={arrivals.length - 1} onDismiss={() => setArrivals([])} />;
}

function Banner({ task, more, onDismiss }: { task: TaskView; more: number; onDismiss(): void }) {
  const { t } = useTranslation();
  const incident = useWallStore((s) => s.wall.incidents[task.incidentId]);
  const from = useLookedUpUnitName(task.fromUnit);

  function show() {
    const item = [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-task"]')].find((el) => el.dataset.taskId === task.taskId);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
    onDismiss();
  }

  return (
    <div className="inbox-banner" data-testid="inbox-banner" data-task-id={task.taskId} role="alert">
      <span className="inbox-banner__label">{t('inbox.banner.label')}</span>
      {incident && <SeverityBadge severity={incident.severity} />}
      <span className="inbox-banner__title">{incident?.title ?? task.incidentId}</span>
      <span className="inbox-banner__from">{t('inbox.banner.from', { unit: from })}</span>
      {more > 0 && <span className="inbox-banner__more">{t('inbox.banner.more', { count: more })}</span>}
      <span className="inbox-banner__actions">
        <button type="button" className="button button--primary" onClick={show} data-testid="inbox-banner-show">
          {t('inbox.banner.show')}
        </button>
        <button type="button" className="button button--ghost inbox-banner__dismiss" onClick={onDismiss} aria-label={t('inbox.banner.dismiss')} data-testid="inbox-banner-dismiss">
          ×
        </button>
      </span>
    </div>
  );
}
