import type { Role } from '../protocol/common';
import { isInSubtree, isStrictlyBelow } from './units';
import { TASK_TRANSITIONS, nextTaskState, type TaskCommandType, type TaskState } from './taskLifecycle';

export interface Actor {
  unit: string;
  roles: readonly Role[];
}

export interface TaskPosition {
  state: TaskState;
  /** The unit that dispatched the task. */
  fromUnit: string;
  /** The unit the task is with now. */
  toUnit: string;
}

export type TaskVerdict =
  | { ok: true; next: TaskState }
  | { ok: false; code: 'forbidden' | 'conflict'; message: string };

/** Which side of the task the actor stands on, if any. */
export function sidesOf(actor: Actor, task: TaskPosition): ('assignee' | 'dispatcher')[] {
  const sides: ('assignee' | 'dispatcher')[] = [];
  if (actor.unit === task.toUnit) sides.push('assignee');
  if (isInSubtree(task.fromUnit, actor.unit)) sides.push('dispatcher');
  return sides;
}

/**
 * Whether `actor` may issue `command` on `task` now: role, side, state and, for a redispatch,
 * the target unit. `forbidden` is checked before `conflict`, so a stranger learns nothing of state.
 */
export function authorizeTaskCommand(actor: Actor, task: TaskPosition, command: TaskCommandType, toUnit?: string): TaskVerdict {
  const rule = TASK_TRANSITIONS[command];
  const admin = actor.roles.includes('admin');
  if (!admin && !actor.roles.some((r) => (rule.roles as readonly string[]).includes(r))) {
    return { ok: false, code: 'forbidden', message: `role ${actor.roles.join(',')} may not ${command}` };
  }
  const sides = sidesOf(actor, task);
  if (!admin && !sides.some((s) => rule.sides.includes(s))) {
    return { ok: false, code: 'forbidden', message: `unit ${actor.unit} may not ${command} a task of ${task.fromUnit}→${task.toUnit}` };
  }
  if (command === 'task.redispatch') {
    if (!toUnit) return { ok: false, code: 'forbidden', message: 'redispatch needs toUnit' };
    // The assignee passes work further down; the dispatcher may pick any unit of its own subtree.
    const downward = isStrictlyBelow(toUnit, actor.unit);
    const withinDispatcher = sides.includes('dispatcher') && isInSubtree(toUnit, actor.unit) && toUnit !== actor.unit;
    if (!admin && !downward && !withinDispatcher) {
      return { ok: false, code: 'forbidden', message: `toUnit ${toUnit} is outside the subtree of ${actor.unit}` };
    }
  }
  const next = nextTaskState(task.state, command);
  if (!next) return { ok: false, code: 'conflict', message: `cannot ${command} a task that is ${task.state}` };
  return { ok: true, next };
}

/** Whether `actor` may dispatch a new task from `fromUnit` to `toUnit`. */
export function authorizeDispatch(actor: Actor, toUnit: string): TaskVerdict {
  if (!actor.roles.some((r) => r === 'duty' || r === 'leader' || r === 'admin')) {
    return { ok: false, code: 'forbidden', message: `role ${actor.roles.join(',')} may not dispatch` };
  }
  if (!actor.roles.includes('admin') && !isStrictlyBelow(toUnit, actor.unit)) {
    return { ok: false, code: 'forbidden', message: `toUnit ${toUnit} is outside the subtree of ${actor.unit}` };
  }
  return { ok: true, next: 'dispatched' };
}
