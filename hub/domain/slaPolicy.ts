// How a task's SLA deadlines are set at dispatch and which missed ones escalate. The minutes come
// from the routing rules (`dispatchRules.ts`: the matching rule's own, else the severity's); a
// `deadline` in the command overrides the close-by.
import type { SlaMinutes } from '../../shared/protocol/dispatch';
import type { TaskSla } from '../../shared/protocol/events';
import type { SlaStep } from '../store/records';

const MINUTE = 60_000;

/**
 * Overdue steps that also escalate the task to the assignee's parent (by `system`): nobody took
 * it up, or nobody got there. A late close is flagged overdue only; the work is under way.
 */
export const ESCALATE_ON: readonly SlaStep[] = ['accept', 'arrive'];

/**
 * Deadlines from dispatch. `closeBy` (the command's `deadline`, already checked to lie ahead)
 * replaces the close deadline, and pulls accept and arrive in when it comes before them.
 */
export function slaFor(minutes: SlaMinutes, dispatchedAtMs: number, closeBy?: string): TaskSla {
  const closeMs = closeBy !== undefined ? Date.parse(closeBy) : dispatchedAtMs + minutes.close * MINUTE;
  const at = (ms: number) => new Date(Math.round(Math.min(ms, closeMs))).toISOString();
  return {
    acceptBy: at(dispatchedAtMs + minutes.accept * MINUTE),
    arriveBy: at(dispatchedAtMs + minutes.arrive * MINUTE),
    closeBy: at(closeMs),
  };
}

export function deadlineOf(sla: TaskSla, step: SlaStep): string {
  return step === 'accept' ? sla.acceptBy : step === 'arrive' ? sla.arriveBy : sla.closeBy;
}
