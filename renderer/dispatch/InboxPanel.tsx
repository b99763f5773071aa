import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../components/Panel';
import { useWallNow } from '../components/useNow';
import { selectTasks } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { dispatchedTasks, inboxTasks } from './inboxModel';
import { InboxItem } from './InboxItem';
import './dispatch.css';

/**
 * Console: the work waiting on this centre (tasks sent to its unit and still open, newest first)
 * with the actions it may take on each, then the tasks it dispatched that still need it (close,
 * evaluate, escalate, redispatch a returned one).
 */
export function InboxPanel() {
  const { t } = useTranslation();
  const unit = useWallStore((s) => s.session?.unit?.code);
  const tasks = useWallStore(selectTasks);
  const received = useMemo(() => (unit ? inboxTasks(tasks, unit) : []), [tasks, unit]);
  const sent = useMemo(() => (unit ? dispatchedTasks(tasks, unit) : []), [tasks, unit]);
  const now = useWallNow(1000);
  const sentHeadingId = useId();
  return (
    <Panel title={t('inbox.title', { count: received.length })} className="panel--inbox">
      <div className="inbox" data-testid="inbox">
        <section className="inbox__section" aria-label={t('inbox.received')}>
          {received.length === 0 ? (
            <p className="empty">{t('inbox.none')}</p>
          ) : (
            <ol className="inbox__list" data-section="received">
              {received.map((task) => (
                <InboxItem key={task.taskId} task={task} side="received" nowMs={now} />
              ))}
            </ol>
          )}
        </section>
        <section className="inbox__section" aria-labelledby={sentHeadingId}>
          <h3 className="inbox__heading" id={sentHeadingId}>
            {t('inbox.sent', { count: sent.length })}
          </h3>
          {sent.length === 0 ? (
            <p className="empty">{t('inbox.noneSent')}</p>
          ) : (
            <ol className="inbox__list" data-section="sent">
              {sent.map((task) => (
                <InboxItem key={task.taskId} task={task} side="sent" nowMs={now} />
              ))}
            </ol>
          )}
        </section>
      </div>
    </Panel>
  );
}
