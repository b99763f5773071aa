import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/view/viewChannel';
import { Panel } from '../../components/Panel';
import { useNow } from '../../components/useNow';
import { describeLink } from '../../stores/derive';
import type { LinkDisplay } from '../../stores/derive';
import { selectLink, selectOutbox, selectSession, selectTransport, useUnitName } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import './status.css';

const LINK_ICONS: Record<LinkDisplay['kind'], string> = {
  connected: '●',
  connecting: '◌',
  reconnecting: '◐',
  offline: '✕',
  unauthorized: '⚠',
};

/** Link state as icon + words (+ seconds since it went down), updated every second. */
export function LinkIndicator() {
  const { t } = useTranslation();
  const link = useWallStore(selectLink);
  const transport = useWallStore(selectTransport);
  const now = useNow(1000);
  const display = describeLink(link, transport, now);
  const text = 'seconds' in display ? t(`link.${display.kind}`, { seconds: display.seconds }) : t(`link.${display.kind}`);
  return (
    <div className={`link-indicator link-indicator--${display.kind}`} role="status" aria-label={`${t('link.label')}: ${text}`} data-link={display.kind}>
      <span className="link-indicator__icon" aria-hidden="true">
        {LINK_ICONS[display.kind]}
      </span>
      <span className="link-indicator__text">{text}</span>
    </div>
  );
}

/** Who is on duty at this console, and for which unit. */
export function SessionInfo() {
  const { t } = useTranslation();
  const session = useWallStore(selectSession);
  return (
    <dl className="session-info">
      <div>
        <dt>{t('session.user')}</dt>
        <dd data-testid="session-user">{session?.user?.username ?? t('session.nobody')}</dd>
      </div>
      <div>
        <dt>{t('session.unit')}</dt>
        <dd data-testid="session-unit">{session?.unit?.name ?? '—'}</dd>
      </div>
    </dl>
  );
}

/** Commands on their way to the hub, newest first, with where each stands. */
export function OutboxPanel({ limit = 20 }: { limit?: number }) {
  const { t } = useTranslation();
  const outbox = useWallStore(selectOutbox);
  const items = useMemo(() => [...outbox].reverse().slice(0, limit), [outbox, limit]);
  return (
    <Panel title={t('outbox.title')} className="panel--outbox">
      {items.length === 0 ? (
        <p className="empty">{t('outbox.none')}</p>
      ) : (
        <ol className="outbox-list">
          {items.map((item) => (
            <OutboxRow key={item.id} item={item} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const rejection = item.ack && !item.ack.ok ? item.ack.error.message : null;
  return (
    <li className={`outbox-row outbox-row--${item.status}`} data-command-id={item.id} data-status={item.status}>
      <span className="outbox-row__type">{t(`commandType.${item.command.type}`)}</span>
      <span className={`status-pill status-pill--${item.status}`}>{t(`outboxStatus.${item.status}`)}</span>
      <span className="outbox-row__meta">
        <CommandSubject item={item} />
        {item.attempts > 1 && ` · ${t('outbox.attempts', { count: item.attempts })}`}
      </span>
      {rejection && <span className="outbox-row__error">{rejection}</span>}
    </li>
  );
}

/** What the command is about, in words: the incident's title, and where a dispatch goes. */
function CommandSubject({ item }: { item: OutboxItem }) {
  const command = item.command;
  const incidentId = 'incidentId' in command ? command.incidentId : undefined;
  const incidentTitle = useWallStore((s) => (incidentId === undefined ? undefined : s.wall.incidents[incidentId]?.title));
  const target = useUnitName('toUnit' in command ? command.toUnit : undefined);
  const subject = ('title' in command && command.title) || incidentTitle || incidentId || ('taskId' in command ? command.taskId : item.id.slice(0, 8));
  return <>{target ? `${subject} → ${target}` : subject}</>;
}
