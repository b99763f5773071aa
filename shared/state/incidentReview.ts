import type { TaskState } from '../domain/taskLifecycle';
import type { TaskSla } from '../protocol/events';
import type { IncidentView, TaskStep, TaskView, WallState } from './wallState';

/*
 * An incident's review (复盘) for leadership: every step from the report to the last close, in
 * order, with who acted, which unit, how long each step took since the previous step of its task,
 * and whether it met its SLA deadline. Pure, from the folded wall state.
 */

export type SlaStep = 'accept' | 'arrive' | 'close';

/** What the SLA deadline says of a step: met, or late by `lateMs`. */
export interface SlaVerdict {
  step: SlaStep;
  dueAt: string;
  met: boolean;
  /** How far past the deadline (0 when met). */
  lateMs: number;
}

export type ReviewEntryKind = 'report' | 'dispatch' | 'redispatch' | 'transition' | 'overdue' | 'escalation' | 'close';

export interface ReviewEntry {
  /** Unique within the review. */
  key: string;
  kind: ReviewEntryKind;
  /** The event type (`incident.reported`, `task.accepted`, …). */
  type: string;
  ts: string;
  /** The username, `system` for the SLA clock, null where the event did not say. */
  by: string | null;
  /** The unit the task is with after this step (the reporting area's deepest unit for the report). */
  unit?: string;
  /** Dispatch and redispatch: the sending unit; escalation: the unit it went up from. */
  fromUnit?: string;
  taskId?: string;
  /** 1-based, in dispatch order: how the big screen tells the tasks apart. */
  taskNumber?: number;
  /** Dispatch of a task that works with others: the lead, or a cooperating unit's task. */
  role?: 'lead' | 'cooperating';
  /** The task's state after this step. */
  state?: TaskState;
  /** Since the previous step of the same task; a task's first step counts from the report. */
  sinceMs?: number;
  /** The first acceptance, arrival and close of a task against its deadline; an overdue flag is late by definition. */
  sla?: SlaVerdict;
  /** Overdue entries: which step. */
  overdueStep?: SlaStep;
  /** Feedback text, a return's or escalation's reason, a dispatch note. */
  detail?: string;
}

export interface ReviewTask {
  taskId: string;
  number: number;
  role?: 'lead' | 'cooperating';
  leadTaskId?: string;
  originUnit: string;
  toUnit: string;
  state: TaskState;
}

export interface ReviewTotals {
  /** Report to the first dispatch; null before any. */
  toFirstDispatchMs: number | null;
  /** Report to the moment the last task was closed; null while any task is open (or none exists). */
  toAllClosedMs: number | null;
  /** Report to the incident's close; null while open. */
  toIncidentClosedMs: number | null;
  /** SLA steps met and late, and the tasks flagged overdue or escalated. */
  met: number;
  late: number;
  overdueTasks: number;
  escalatedTasks: number;
}

export interface IncidentReview {
  incident: IncidentView;
  tasks: ReviewTask[];
  entries: ReviewEntry[];
  totals: ReviewTotals;
}

const SLA_STEP_OF: Partial<Record<string, SlaStep>> = { 'task.accepted': 'accept', 'task.arrived': 'arrive', 'task.closed': 'close' };
const CLOSED_STATES: readonly TaskState[] = ['closed', 'evaluated'];

export function deadlineOf(sla: TaskSla, step: SlaStep): string {
  return step === 'accept' ? sla.acceptBy : step === 'arrive' ? sla.arriveBy : sla.closeBy;
}

/** `at` against `dueAt`. */
export function slaVerdict(step: SlaStep, dueAt: string, at: string): SlaVerdict {
  const lateMs = Math.max(0, Date.parse(at) - Date.parse(dueAt));
  return { step, dueAt, met: lateMs === 0, lateMs };
}

function kindOf(step: TaskStep): ReviewEntryKind {
  switch (step.type) {
    case 'task.dispatched':
      return 'dispatch';
    case 'task.redispatched':
      return 'redispatch';
    case 'task.overdue':
      return 'overdue';
    case 'task.escalated':
      return 'escalation';
    default:
      return 'transition';
  }
}

/**
 * One task's steps with their durations and SLA verdicts. The first occurrence of an SLA step
 * is the one judged (as the hub's clock counts it); `startAt` is what its first step counts from.
 */
export function taskTimeline(task: TaskView, startAt?: string, number?: number, role?: 'lead' | 'cooperating'): ReviewEntry[] {
  const judged = new Set<SlaStep>();
  let previous = startAt;
  let holder: string | undefined;
  return task.steps.map((step) => {
    const slaStep = SLA_STEP_OF[step.type];
    let sla: SlaVerdict | undefined;
    if (slaStep && task.sla && !judged.has(slaStep)) {
      judged.add(slaStep);
      sla = slaVerdict(slaStep, deadlineOf(task.sla, slaStep), step.ts);
    }
    const overdueStep = step.type === 'task.overdue' ? (step.detail as SlaStep | undefined) : undefined;
    // The clock flags a step at its deadline or after: not met, however few ms past.
    if (overdueStep && task.sla) sla = { ...slaVerdict(overdueStep, deadlineOf(task.sla, overdueStep), step.ts), met: false };
    const kind = kindOf(step);
    const entry: ReviewEntry = {
      key: `${task.taskId}:${step.seq}`,
      kind,
      type: step.type,
      ts: step.ts,
      by: step.by,
      ...(step.toUnit !== undefined ? { unit: step.toUnit } : {}),
      ...(step.fromUnit !== undefined ? { fromUnit: step.fromUnit } : kind === 'escalation' && holder !== undefined ? { fromUnit: holder } : {}),
      taskId: task.taskId,
      ...(number !== undefined ? { taskNumber: number } : {}),
      ...(role !== undefined && kind === 'dispatch' ? { role } : {}),
      state: step.state,
      ...(previous !== undefined ? { sinceMs: Math.max(0, Date.parse(step.ts) - Date.parse(previous)) } : {}),
      ...(sla ? { sla } : {}),
      ...(overdueStep ? { overdueStep } : {}),
      ...(step.detail !== undefined && !overdueStep ? { detail: step.detail } : {}),
    };
    previous = step.ts;
    if (step.toUnit !== undefined) holder = step.toUnit;
    return entry;
  });
}

/** The review of one incident, or null when the view does not know it. */
export function incidentReview(state: Pick<WallState, 'incidents' | 'tasks'>, incidentId: string): IncidentReview | null {
  const incident = state.incidents[incidentId];
  if (!incident) return null;
  const own = Object.values(state.tasks).filter((task) => task.incidentId === incidentId);
  // Dispatch order: the incident's list, then any task it does not list (met at a redispatch).
  const order = new Map(incident.taskIds.map((id, index) => [id, index]));
  own.sort((a, b) => (order.get(a.taskId) ?? Infinity) - (order.get(b.taskId) ?? Infinity) || (a.steps[0]?.seq ?? 0) - (b.steps[0]?.seq ?? 0));
  const leads = new Set(own.flatMap((task) => (task.leadTaskId !== undefined ? [task.leadTaskId] : [])));
  const tasks: ReviewTask[] = own.map((task, index) => {
    const role = task.leadTaskId !== undefined ? 'cooperating' : leads.has(task.taskId) ? 'lead' : undefined;
    return {
      taskId: task.taskId,
      number: index + 1,
      ...(role ? { role } : {}),
      ...(task.leadTaskId !== undefined ? { leadTaskId: task.leadTaskId } : {}),
      originUnit: task.originUnit,
      toUnit: task.toUnit,
      state: task.state,
    };
  });

  const report: ReviewEntry = {
    key: `${incidentId}:reported`,
    kind: 'report',
    type: 'incident.reported',
    ts: incident.reportedAt,
    by: incident.reportedBy ?? null,
    ...(incident.units.length > 0 ? { unit: incident.units[incident.units.length - 1]! } : {}),
    ...(incident.source !== undefined ? { detail: incident.source } : {}),
  };
  const taskEntries = own.flatMap((task, index) => taskTimeline(task, incident.reportedAt, index + 1, tasks[index]!.role));
  const close: ReviewEntry[] =
    incident.status === 'closed' && incident.closedAt !== undefined
      ? [{ key: `${incidentId}:closed`, kind: 'close', type: 'incident.closed', ts: incident.closedAt, by: incident.closedBy ?? null, sinceMs: Math.max(0, Date.parse(incident.closedAt) - Date.parse(incident.reportedAt)) }]
      : [];
  const seqOf = (entry: ReviewEntry) => (entry.kind === 'report' ? -Infinity : entry.kind === 'close' ? Infinity : Number(entry.key.slice(entry.key.lastIndexOf(':') + 1)));
  const entries = [report, ...taskEntries, ...close].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts) || seqOf(a) - seqOf(b));

  return { incident, tasks, entries, totals: totalsOf(incident, own, taskEntries) };
}

function totalsOf(incident: IncidentView, tasks: readonly TaskView[], entries: readonly ReviewEntry[]): ReviewTotals {
  const reported = Date.parse(incident.reportedAt);
  const dispatches = entries.filter((e) => e.kind === 'dispatch').map((e) => Date.parse(e.ts));
  const closes = tasks.map((task) => task.steps.find((s) => s.type === 'task.closed'));
  const allClosed = tasks.length > 0 && tasks.every((task) => CLOSED_STATES.includes(task.state)) && closes.every((s) => s !== undefined);
  const judged = entries.filter((e) => e.sla && e.kind !== 'overdue');
  return {
    toFirstDispatchMs: dispatches.length > 0 ? Math.min(...dispatches) - reported : null,
    toAllClosedMs: allClosed ? Math.max(...closes.map((s) => Date.parse(s!.ts))) - reported : null,
    toIncidentClosedMs: incident.closedAt !== undefined ? Date.parse(incident.closedAt) - reported : null,
    met: judged.filter((e) => e.sla!.met).length,
    late: judged.filter((e) => !e.sla!.met).length,
    overdueTasks: tasks.filter((task) => task.overdue.length > 0).length,
    escalatedTasks: tasks.filter((task) => task.escalated).length,
  };
}

/** The incident a review panel shows when none is named: the most recently closed severity-1/2 one, else the latest reported. */
export function defaultReviewIncidentId(incidents: WallState['incidents']): string | null {
  let closed: IncidentView | undefined;
  let latest: IncidentView | undefined;
  for (const incident of Object.values(incidents)) {
    if (incident.status === 'closed' && incident.severity <= 2 && incident.closedAt !== undefined && (!closed || later(incident.closedAt, incident.incidentId, closed.closedAt!, closed.incidentId))) closed = incident;
    if (!latest || later(incident.reportedAt, incident.incidentId, latest.reportedAt, latest.incidentId)) latest = incident;
  }
  return (closed ?? latest)?.incidentId ?? null;
}

function later(at: string, id: string, otherAt: string, otherId: string): boolean {
  const diff = Date.parse(at) - Date.parse(otherAt);
  return diff > 0 || (diff === 0 && id > otherId);
}
