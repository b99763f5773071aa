// How long a task may take at each step, by the incident's severity (1 most severe … 4 least).
// The one table the SLA clock and dispatch both read.
import type { TaskSla } from '../../shared/protocol/events';
import type { SlaStep } from '../store/records';

const MINUTE = 60_000;

/** Minutes from dispatch to each deadline. */
export const SLA_MINUTES: Record<number, { accept: number; arrive: number; close: number }> = {
  1: { accept: 5, arrive: 20, close: 60 },
  2: { accept: 10, arrive: 45, close: 180 },
  3: { accept: 30, arrive: 120, close: 720 },
  4: { accept: 60, arrive: 240, close: 1440 },
};

/**
 * Overdue steps that also escalate the task to the assignee's parent (by `system`): nobody took
 * it up, or nobody got there. A late close is flagged overdue only; the work is under way.
 */
export const ESCALATE_ON: readonly SlaStep[] = ['accept', 'arrive'];

export function slaFor(severity: number, dispatchedAtMs: number): TaskSla {
  const minutes = SLA_MINUTES[severity] ?? SLA_MINUTES[4]!;
  const at = (m: number) => new Date(dispatchedAtMs + m * MINUTE).toISOString();
  return { acceptBy: at(minutes.accept), arriveBy: at(minutes.arrive), closeBy: at(minutes.close) };
}

export function deadlineOf(sla: TaskSla, step: SlaStep): string {
  return step === 'accept' ? sla.acceptBy : step === 'arrive' ? sla.arriveBy : sla.closeBy;
}
