import { isOpenTaskState, type TaskState } from '../domain/taskLifecycle';
import { CITY_CODE, isInSubtree } from '../domain/units';
import type { TaskView, WallState } from './wallState';

/*
 * The supervision board (督办): for a unit, how the tasks in each child unit's subtree stand —
 * how many are open, overdue, escalated — and how long each step takes, as medians. Pure, from
 * the folded wall state, so a replayed incident shows what the live wall showed.
 */

/** The measured steps, each from entering one state to entering the next. */
export const SUPERVISED_STEPS = ['accept', 'arrive', 'feedback', 'close'] as const;
export type SupervisedStep = (typeof SUPERVISED_STEPS)[number];

/** `from>to` state pairs → the step they measure. */
const MEASURED: Partial<Record<`${TaskState}>${TaskState}`, SupervisedStep>> = {
  'dispatched>accepted': 'accept',
  'accepted>arrived': 'arrive',
  'arrived>feedback': 'feedback',
  'feedback>closed': 'close',
};

export interface SupervisionRow {
  unit: string;
  /** The unit's own level: tasks held by the unit itself, not by any child. */
  own: boolean;
  /** Every task in the subtree, open or not. */
  total: number;
  open: number;
  /** Open tasks with at least one step past its SLA deadline. */
  overdue: number;
  /** Open tasks that have been escalated at least once. */
  escalated: number;
  /** Median minutes of each step, over the tasks that did it; null where none did. */
  medians: Record<SupervisedStep, number | null>;
  /** How many tasks each median is over. */
  samples: Record<SupervisedStep, number>;
}

export interface SupervisionBoard {
  unit: string;
  /** The unit's whole subtree. */
  totals: SupervisionRow;
  /** One row per child unit (and one for the unit's own level when it holds tasks), worst first. */
  rows: SupervisionRow[];
}

/**
 * The child of `unit` on the way down to `code`, or null when `code` is `unit` itself (or not
 * below it). Codes nest by length: the city's children are 6-digit districts, then +3 digits a level.
 */
export function childOnPath(unit: string, code: string): string | null {
  if (!isInSubtree(code, unit)) return null;
  const childLength = unit === CITY_CODE ? 6 : unit.length + 3;
  if (code.length < childLength) return null;
  const child = code.slice(0, childLength);
  return child === unit ? null : child;
}

/**
 * How long a task took over each step, in ms, from the time it entered the step's starting state
 * to the time it entered the next. A dispatch or redispatch restarts the wait for acceptance (a new
 * assignee); where a step happened more than once (accepted again after a redispatch), the last counts.
 */
export function stepDurations(task: TaskView): Partial<Record<SupervisedStep, number>> {
  const durations: Partial<Record<SupervisedStep, number>> = {};
  let state: TaskState | null = null;
  let enteredAt = 0;
  for (const step of task.steps) {
    const at = Date.parse(step.ts);
    if (state !== null && step.state !== state) {
      const measured = MEASURED[`${state}>${step.state}`];
      if (measured) durations[measured] = Math.max(0, at - enteredAt);
    }
    if (step.state !== state || step.type === 'task.dispatched' || step.type === 'task.redispatched') {
      state = step.state;
      enteredAt = at;
    }
  }
  return durations;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Totals and medians over `tasks`. */
export function summariseSupervision(unit: string, own: boolean, tasks: readonly TaskView[]): SupervisionRow {
  const row: SupervisionRow = { unit, own, total: tasks.length, open: 0, overdue: 0, escalated: 0, medians: emptySteps(null), samples: emptySteps(0) };
  const durations: Record<SupervisedStep, number[]> = { accept: [], arrive: [], feedback: [], close: [] };
  for (const task of tasks) {
    if (isOpenTaskState(task.state)) {
      row.open += 1;
      if (task.overdue.length > 0) row.overdue += 1;
      if (task.escalated) row.escalated += 1;
    }
    const took = stepDurations(task);
    for (const step of SUPERVISED_STEPS) if (took[step] !== undefined) durations[step].push(took[step]);
  }
  for (const step of SUPERVISED_STEPS) {
    const ms = median(durations[step]);
    row.medians[step] = ms === null ? null : ms / 60_000;
    row.samples[step] = durations[step].length;
  }
  return row;
}

/**
 * The board for `unit`: a row per child that holds tasks or is listed in `children` (the hub's
 * list, so quiet units show their zeros), plus the unit's own level when it holds tasks itself
 * (an escalated task lands on the parent). Worst first: overdue, then escalated, then open.
 */
export function supervisionBoard(tasks: WallState['tasks'], unit: string, children: readonly string[] = []): SupervisionBoard {
  const inSubtree = Object.values(tasks).filter((task) => isInSubtree(task.toUnit, unit));
  const byChild = new Map<string, TaskView[]>();
  for (const child of children) if (childOnPath(unit, child) === child) byChild.set(child, []);
  const own: TaskView[] = [];
  for (const task of inSubtree) {
    const child = childOnPath(unit, task.toUnit);
    if (child === null) own.push(task);
    else {
      const list = byChild.get(child);
      if (list) list.push(task);
      else byChild.set(child, [task]);
    }
  }
  const rows = [...byChild].map(([child, list]) => summariseSupervision(child, false, list));
  if (own.length > 0) rows.push(summariseSupervision(unit, true, own));
  rows.sort(worstFirst);
  return { unit, totals: summariseSupervision(unit, false, inSubtree), rows };
}

function worstFirst(a: SupervisionRow, b: SupervisionRow): number {
  return b.overdue - a.overdue || b.escalated - a.escalated || b.open - a.open || b.total - a.total || a.unit.localeCompare(b.unit);
}

export const TASK_FILTERS = ['open', 'overdue', 'escalated', 'all'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

/** Whether a task counts under `filter` on the board (the same rules as the counts). */
export function matchesFilter(task: TaskView, filter: TaskFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return isOpenTaskState(task.state);
    case 'overdue':
      return isOpenTaskState(task.state) && task.overdue.length > 0;
    case 'escalated':
      return isOpenTaskState(task.state) && task.escalated;
  }
}

/**
 * The tasks behind a count (drill-down): those in `unit`'s subtree — or at its own level only,
 * with `ownLevel` — that match `filter`; overdue first, then the most recently active.
 */
export function tasksOfUnit(tasks: WallState['tasks'], unit: string, filter: TaskFilter, ownLevel = false): TaskView[] {
  return Object.values(tasks)
    .filter((task) => (ownLevel ? childOnPath(unit, task.toUnit) === null && isInSubtree(task.toUnit, unit) : isInSubtree(task.toUnit, unit)) && matchesFilter(task, filter))
    .sort(
      (a, b) =>
        Number(isOpenTaskState(b.state) && b.overdue.length > 0) - Number(isOpenTaskState(a.state) && a.overdue.length > 0) ||
        b.updatedAt.localeCompare(a.updatedAt) ||
        a.taskId.localeCompare(b.taskId),
    );
}

function emptySteps<T>(value: T): Record<SupervisedStep, T> {
  return { accept: value, arrive: value, feedback: value, close: value };
}
