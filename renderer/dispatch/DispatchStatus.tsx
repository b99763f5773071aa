import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../shared/state/wallState';
import { useWallStore } from '../stores/wallStore';
import { latestDispatch } from './inboxModel';
import { useLookedUpUnitName } from './useLookedUpUnitName';

/**
 * Where an incident's dispatch stands, on its row: the newest dispatch in the outbox while it
 * travels (待发送 / 发送中 → unit), acknowledged (已派遣 → unit) or refused (code and message);
 * without one in the outbox, the tasks this unit already dispatched for it.
 */
export function DispatchStatus({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const item = useWallStore((s) => latestDispatch(s.outbox, incident.incidentId));
  const ownUnit = useWallStore((s) => s.session?.unit?.code);
  const tasks = useWallStore((s) => s.wall.tasks);
  const dispatched = useMemo(
    () => incident.taskIds.map((id) => tasks[id]).filter((task) => task !== undefined && (ownUnit === undefined || task.originUnit === ownUnit || task.fromUnit === ownUnit)),
    [incident.taskIds, tasks, ownUnit],
  );
  const command = item?.command.type === 'task.dispatch' ? item.command : undefined;
  const leadCode = command?.toUnit ?? dispatched[0]?.toUnit;
  const leadName = useLookedUpUnitName(leadCode);
  const others = command ? (command.cooperating?.length ?? 0) : Math.max(0, dispatched.length - 1);
  const unit = others > 0 ? t('dispatch.status.withOthers', { unit: leadName, count: others }) : leadName;

  if (item) {
    if (item.status === 'rejected') {
      const error = item.ack && !item.ack.ok ? item.ack.error : { code: 'unavailable', message: '' };
      return (
        <span className="dispatch-status dispatch-status--rejected" data-testid="dispatch-status" data-dispatch-state="rejected" data-code={error.code} role="status">
          {t('dispatch.status.rejected', { code: error.code, message: error.message })}
        </span>
      );
    }
    return (
      <span className={`dispatch-status dispatch-status--${item.status}`} data-testid="dispatch-status" data-dispatch-state={item.status} role="status">
        {t(`dispatch.status.${item.status}`, { unit })}
      </span>
    );
  }
  if (dispatched.length === 0) return null;
  return (
    <span className="dispatch-status dispatch-status--acknowledged" data-testid="dispatch-status" data-dispatch-state="dispatched" role="status">
      {t('dispatch.status.acknowledged', { unit })}
    </span>
  );
}
