import { z } from 'zod';
import { Board, IsoTime, LngLat, Severity } from './common';
import { UnitCode } from './units';
import { CameraStatus } from './cameras';
import { IndicatorSample } from './indicators';
import { TASK_STATES } from '../domain/taskLifecycle';

/** Every event: a global sequence number, strictly increasing across the hub, and a time. */
const base = {
  seq: z.number().int().positive(),
  ts: IsoTime,
};

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);

export const IncidentReported = z.object({
  ...base,
  type: z.literal('incident.reported'),
  incidentId: z.string().min(1),
  title: z.string(),
  kind: z.string(),
  board: Board,
  severity: Severity,
  location: LngLat,
  /** The containing unit codes, city first. */
  units: z.array(UnitCode).min(1),
  source: z.string().optional(),
  /** Username that reported it. */
  by: z.string().optional(),
});

export const IncidentUpdated = z.object({
  ...base,
  type: z.literal('incident.updated'),
  incidentId: z.string().min(1),
  title: z.string().optional(),
  severity: Severity.optional(),
  by: z.string().optional(),
});

export const IncidentClosed = z.object({
  ...base,
  type: z.literal('incident.closed'),
  incidentId: z.string().min(1),
  by: z.string().optional(),
});

export const TaskState = z.enum(TASK_STATES);

const taskBase = {
  ...base,
  taskId: z.string().min(1),
  incidentId: z.string().min(1),
  state: TaskState,
  /** The acting username (`system` for the SLA clock). */
  by: z.string(),
  /** Extension: the unit the task is with after this event. */
  toUnit: UnitCode.optional(),
};

/** SLA deadlines set at dispatch (extension). */
export const TaskSla = z.object({ acceptBy: IsoTime, arriveBy: IsoTime, closeBy: IsoTime });
export type TaskSla = z.infer<typeof TaskSla>;

export const TaskDispatched = z.object({
  ...taskBase,
  type: z.literal('task.dispatched'),
  fromUnit: UnitCode,
  toUnit: UnitCode,
  note: z.string().optional(),
  deadline: IsoTime.optional(),
  sla: TaskSla.optional(),
  /** Extension: a cooperating unit's task names the lead's task of the same dispatch. */
  leadTaskId: z.string().optional(),
});
export const TaskAccepted = z.object({ ...taskBase, type: z.literal('task.accepted') });
export const TaskReturned = z.object({ ...taskBase, type: z.literal('task.returned'), reason: z.string() });
export const TaskRedispatched = z.object({
  ...taskBase,
  type: z.literal('task.redispatched'),
  fromUnit: UnitCode,
  toUnit: UnitCode,
  note: z.string().optional(),
});
export const TaskArrived = z.object({ ...taskBase, type: z.literal('task.arrived') });
export const TaskFeedback = z.object({ ...taskBase, type: z.literal('task.feedback'), text: z.string() });
export const TaskClosed = z.object({ ...taskBase, type: z.literal('task.closed') });
export const TaskEvaluated = z.object({ ...taskBase, type: z.literal('task.evaluated'), score: z.number().int().min(1).max(5) });
export const TaskEscalated = z.object({ ...taskBase, type: z.literal('task.escalated'), reason: z.string().optional() });
export const OVERDUE_STEPS = ['accept', 'arrive', 'close'] as const;
export const TaskOverdue = z.object({
  ...taskBase,
  type: z.literal('task.overdue'),
  step: z.enum(OVERDUE_STEPS),
  dueAt: IsoTime,
});

export const IndicatorSamples = z.object({
  ...base,
  type: z.literal('indicator.samples'),
  samples: z.array(IndicatorSample),
});

export const CameraStatusChanged = z.object({
  ...base,
  type: z.literal('camera.status'),
  cameraId: z.string().min(1),
  status: CameraStatus,
});

export const HubEvent = z.discriminatedUnion('type', [
  IncidentReported,
  IncidentUpdated,
  IncidentClosed,
  TaskDispatched,
  TaskAccepted,
  TaskReturned,
  TaskRedispatched,
  TaskArrived,
  TaskFeedback,
  TaskClosed,
  TaskEvaluated,
  TaskEscalated,
  TaskOverdue,
  IndicatorSamples,
  CameraStatusChanged,
]);
export type HubEvent = z.infer<typeof HubEvent>;
export type HubEventType = HubEvent['type'];
export type EventOf<T extends HubEventType> = Extract<HubEvent, { type: T }>;
export type TaskEvent = Extract<HubEvent, { type: `task.${string}` }>;

/** An event before the hub stamps it with seq and ts. */
export type EventDraft = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq' | 'ts'> : never) : never;

/** `GET /api/v1/events` page. */
export const EventPage = z.object({ events: z.array(z.unknown()), next: z.number().int().nullable() });
export type EventPage = { events: HubEvent[]; next: number | null };
