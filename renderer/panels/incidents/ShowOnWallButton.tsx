import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/state/wallState';
import { useBridge } from '../../bridge/BridgeContext';
import { describeRefusal, type ShownRefusal } from '../../console/refusal';
import { useWallStore } from '../../stores/wallStore';

/**
 * "Show on wall": the wall switches to this incident's focus layout (its nearest cameras, its
 * board's indicators, its tasks). A refusal, such as another desk holding the wall, is handed
 * to `onRefused` as words naming the holder. Its name is what it says; the row's title cell
 * (`titleId`) describes which incident.
 */
export function ShowOnWallButton({ incident, titleId, onRefused }: { incident: IncidentView; titleId: string; onRefused: (refusal: ShownRefusal | null) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const onWall = useWallStore((s) => s.layout?.mode === 'focus' && s.layout.focusIncidentId === incident.incidentId);

  async function show() {
    setBusy(true);
    onRefused(null);
    try {
      await bridge.focusIncident(incident.incidentId);
    } catch (error) {
      const { control, session, layout } = useWallStore.getState();
      const displayIds = layout?.canvas.slices.map((s) => s.displayId) ?? [];
      onRefused({ text: describeRefusal(error, { t, control, viewId: session?.viewId, displayIds }), ...(control ? { whileControl: control.revision } : {}) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      aria-describedby={titleId}
      aria-pressed={onWall}
      onClick={() => void show()}
      data-testid="show-on-wall"
    >
      {t('incidents.showOnWall')}
    </button>
  );
}
