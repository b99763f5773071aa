import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/state/wallState';
import { useDispatchDesk } from '../../dispatch/dispatchDesk';

/**
 * Opens (or closes) the incident's dispatch proposal under its row; the proposal fetches the
 * hub's suggestion and sends the command. Focus comes back here when the proposal closes.
 */
export function DispatchButton({ incident, proposalId }: { incident: IncidentView; proposalId?: string }) {
  const { t } = useTranslation();
  const open = useDispatchDesk((s) => s.openIncidentId === incident.incidentId);
  const toggle = useDispatchDesk((s) => s.toggle);
  const usable = incident.status === 'open';
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    // Closed from inside the proposal (Esc, cancel, confirm): focus was there and is now lost.
    const active = document.activeElement;
    if (wasOpen.current && !open && (active === null || active === document.body)) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <button
      ref={button}
      type="button"
      className="button button--small"
      disabled={!usable}
      aria-expanded={usable ? open : undefined}
      aria-controls={open ? proposalId : undefined}
      title={usable ? t('dispatch.open', { title: incident.title }) : t('dispatch.closedIncident')}
      aria-label={usable ? t('dispatch.open', { title: incident.title }) : t('dispatch.closedIncident')}
      onClick={() => toggle(incident.incidentId)}
      data-testid="dispatch-button"
    >
      {t('incidents.dispatch')}
    </button>
  );
}
