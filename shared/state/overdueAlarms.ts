import { isOpenTaskState } from '../domain/taskLifecycle';
import type { TaskStep, TaskView, WallState } from './wallState';

/*
 * The overdue alarm (督办) on the wall of the unit that dispatched a task: raised when the SLA
 * clock flags one of its steps overdue or escalates it to the assignee's parent, and cleared
 * when the task moves on past that step, or after a few minutes of player time. Derived from
 * state and a clock, so a reloaded or replaying view shows the same alarms.
 *
 * Whose wall: the task's `originUnit` exactly — the centre that sent the work out answers for
 * it. Units above it (which see the task in their subtree) and units that only passed it down
 * see it on their supervision board, not as an alarm, so a city wall is not flooded by every
 * district's own dispatches.
 */

/** How long an alarm stays up without the task moving on. */
export const ALARM_HOLD_MS = 5 * 60_000;

export type OverdueStep = 'accept' | 'arrive' | 'close';

export interface OverdueAlarm {
  /** Changes when a newer overdue flag or escalation raises the alarm again. */
  key: string;
  taskId: string;
  incidentId: string;
  /** The step that missed its deadline (the latest still standing). */
  overdueStep?: OverdueStep;
  /** The unit that had the task when it fell overdue. */
  unit: string;
  /** Where the SLA clock escalated it. */
  escalatedTo?: string;
  /** When it was raised (the latest flag). */
  raisedAt: string;
}

/** Step types that move a task past each overdue step (and past a system escalation). */
const PAST: Record<OverdueStep | 'escalation', readonly string[]> = {
  accept: ['task.accepted', 'task.arrived', 'task.feedback', 'task.closed', 'task.evaluated'],
  arrive: ['task.arrived', 'task.feedback', 'task.closed', 'task.evaluated'],
  close: ['task.closed', 'task.evaluated'],
  escalation: ['task.accepted', 'task.arrived', 'task.feedback', 'task.closed', 'task.evaluated'],
};

/** The alarm standing on one task, if any (ignoring whose wall and the hold). */
export function standingAlarm(task: TaskView): OverdueAlarm | null {
  if (!isOpenTaskState(task.state)) return null;
  let overdue: TaskStep | undefined;
  let escalation: TaskStep | undefined;
  for (const step of task.steps) {
    if (step.type === 'task.overdue') overdue = step;
    else if (step.type === 'task.escalated' && step.by === 'system') escalation = step;
    if (overdue && PAST[overdue.detail as OverdueStep]?.includes(step.type)) overdue = undefined;
    if (escalation && PAST.escalation.includes(step.type)) escalation = undefined;
  }
  if (!overdue && !escalation) return null;
  const latest = !overdue ? escalation! : !escalation ? overdue : escalation.seq > overdue.seq ? escalation : overdue;
  const overdueStep = overdue?.detail as OverdueStep | undefined;
  return {
    key: `${task.taskId}:${latest.seq}`,
    taskId: task.taskId,
    incidentId: task.incidentId,
    ...(overdueStep !== undefined ? { overdueStep } : {}),
    // `toUnit` is optional on the wire: fall back to who held the task before the flag
    unit: overdue?.toUnit ?? holderBefore(task, overdue ?? escalation!) ?? task.toUnit,
    ...(escalation?.toUnit !== undefined ? { escalatedTo: escalation.toUnit } : {}),
    raisedAt: latest.ts,
  };
}

/** The unit that held the task just before `step`. */
function holderBefore(task: TaskView, step: TaskStep): string | undefined {
  let holder: string | undefined;
  for (const s of task.steps) {
    if (s.seq >= step.seq) break;
    if (s.toUnit !== undefined) holder = s.toUnit;
  }
  return holder;
}

/** The alarms on the wall of `wallUnit` at `nowMs`, newest first. */
export function overdueAlarms(tasks: WallState['tasks'], wallUnit: string, nowMs: number): OverdueAlarm[] {
  const alarms: OverdueAlarm[] = [];
  for (const task of Object.values(tasks)) {
    if (task.originUnit !== wallUnit) continue;
    const alarm = standingAlarm(task);
    if (alarm && nowMs - Date.parse(alarm.raisedAt) < ALARM_HOLD_MS) alarms.push(alarm);
  }
  return alarms.sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || b.key.localeCompare(a.key));
}
