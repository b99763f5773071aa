import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/state/wallState';
import { useBridge } from '../../bridge/BridgeContext';
import { useUnitName } from '../../stores/hooks';
import { submitCommand } from '../../stores/submitCommand';
import { useWallStore } from '../../stores/wallStore';

/**
 * One-click dispatch to the incident's district (`units[1]`). The full flow (pick a unit, note,
 * deadline) replaces this later; the command is the real one.
 */
export function DispatchButton({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const district = incident.units[1];
  const districtName = useUnitName(district);
  const [busy, setBusy] = useState(false);
  const usable = district !== undefined && incident.status === 'open';

  async function dispatch() {
    if (!district) return;
    setBusy(true);
    await submitCommand(bridge, useWallStore, { type: 'task.dispatch', incidentId: incident.incidentId, toUnit: district });
    setBusy(false);
  }

  return (
    <button
      type="button"
      className="button button--small"
      disabled={!usable || busy}
      title={usable ? t('incidents.dispatchTo', { unit: districtName }) : t('incidents.dispatchUnavailable')}
      aria-label={usable ? t('incidents.dispatchTo', { unit: districtName }) : t('incidents.dispatchUnavailable')}
      onClick={() => void dispatch()}
      data-testid="dispatch-button"
    >
      {t('incidents.dispatch')}
    </button>
  );
}
