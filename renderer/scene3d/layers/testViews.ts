import type { IncidentView, TaskView } from '../../../shared/state/wallState';

/* Hand-made wall-store values for the layer tests. */

export function incidentView(incidentId: string, fields: Partial<IncidentView> = {}): IncidentView {
  return {
    incidentId,
    title: `事件 ${incidentId}`,
    kind: 'crowd',
    board: 'governance',
    severity: 2,
    location: [106.5772, 29.5571],
    units: ['500000', '500103', '500103003'],
    status: 'open',
    reportedAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    taskIds: [],
    ...fields,
  };
}

export function taskView(taskId: string, fields: Partial<TaskView> = {}): TaskView {
  return {
    taskId,
    incidentId: 'inc-1',
    state: 'dispatched',
    fromUnit: '500000',
    originUnit: '500000',
    toUnit: '500103',
    dispatchedAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    overdue: [],
    escalated: false,
    steps: [],
    ...fields,
  };
}
