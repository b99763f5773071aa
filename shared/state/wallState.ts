import { z } from 'zod';
import { Board, LngLat, Severity } from '../protocol/common';
import { CameraStatus } from '../protocol/cameras';
import { IncidentStatus, TaskSla, TaskState } from '../protocol/events';
import { UnitCode } from '../protocol/units';

/** What the wall knows of one incident, folded from its events. */
export const IncidentView = z.object({
  incidentId: z.string(),
  title: z.string(),
  kind: z.string(),
  board: Board,
  severity: Severity,
  location: LngLat,
  units: z.array(UnitCode),
  source: z.string().optional(),
  /** Who reported it and who closed it (usernames), when the events said. */
  reportedBy: z.string().optional(),
  closedBy: z.string().optional(),
  status: IncidentStatus,
  reportedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  taskIds: z.array(z.string()),
});
export type IncidentView = z.infer<typeof IncidentView>;

/** One step in a task's life: what happened, who did it, when. */
export const TaskStep = z.object({
  seq: z.number().int(),
  ts: z.string(),
  type: z.string(),
  state: TaskState,
  by: z.string(),
  toUnit: UnitCode.optional(),
  /** Dispatch and redispatch: the unit that sent it. */
  fromUnit: UnitCode.optional(),
  detail: z.string().optional(),
});
export type TaskStep = z.infer<typeof TaskStep>;

const TaskViewFields = z.object({
  taskId: z.string(),
  incidentId: z.string(),
  state: TaskState,
  /** The unit answering for it now: the dispatcher, or whoever passed it on last. */
  fromUnit: UnitCode,
  /**
   * The unit that dispatched it in the first place; redispatch never changes it. A view that
   * first met the task at a redispatch (outside its scope before) has that redispatch's sender.
   */
  originUnit: UnitCode,
  /** A cooperating unit's task: the lead task of the same dispatch. */
  leadTaskId: z.string().optional(),
  toUnit: UnitCode,
  note: z.string().optional(),
  deadline: z.string().optional(),
  sla: TaskSla.optional(),
  dispatchedAt: z.string(),
  updatedAt: z.string(),
  overdue: z.array(z.enum(['accept', 'arrive', 'close'])),
  escalated: z.boolean(),
  score: z.number().optional(),
  steps: z.array(TaskStep),
});

/**
 * A task as views hold it. States checkpointed before `originUnit` existed (the hub's stored
 * checkpoints, recorded replay files) still validate: their tasks take `fromUnit` as the origin.
 */
export const TaskView = z.preprocess(
  (raw) => (isRecord(raw) && raw.originUnit === undefined && typeof raw.fromUnit === 'string' ? { ...raw, originUnit: raw.fromUnit } : raw),
  TaskViewFields,
);
export type TaskView = z.infer<typeof TaskViewFields>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const IndicatorValue = z.object({ value: z.number(), at: z.string() });
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** The whole picture a view draws: a pure function of the event stream up to `seq`. */
export const WallState = z.object({
  seq: z.number().int().min(0),
  /** `ts` of the last folded event (null before any). */
  time: z.string().nullable(),
  incidents: z.record(z.string(), IncidentView),
  tasks: z.record(z.string(), TaskView),
  indicators: z.record(z.string(), IndicatorValue),
  cameras: z.record(z.string(), CameraStatus),
});
export type WallState = z.infer<typeof WallState>;

export function emptyWallState(): WallState {
  return { seq: 0, time: null, incidents: {}, tasks: {}, indicators: {}, cameras: {} };
}

/** `GET /api/v1/snapshot` body: the state at an instant and the seq it reflects. */
export const Snapshot = WallState;
export type Snapshot = WallState;
