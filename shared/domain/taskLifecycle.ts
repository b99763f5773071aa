/**
 * The task state machine: the one definition hub and views share.
 *
 * dispatched → accepted → arrived → feedback → closed → evaluated
 * dispatched|accepted → returned (with a reason) → redispatched by the dispatcher
 * dispatched|accepted → redispatched further down by the assignee (stays `dispatched` for the new assignee)
 * any open state → escalated (up to the assignee's parent, or by the SLA clock) → redispatched
 */
export const TASK_STATES = ['dispatched', 'accepted', 'arrived', 'feedback', 'returned', 'escalated', 'closed', 'evaluated'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_COMMANDS = [
  'task.accept',
  'task.return',
  'task.redispatch',
  'task.arrive',
  'task.feedback',
  'task.close',
  'task.evaluate',
  'task.escalate',
] as const;
export type TaskCommandType = (typeof TASK_COMMANDS)[number];

/**
 * Who may act: the unit the task is with now (`assignee`), the unit that dispatched it or any
 * unit above that (`dispatcher`).
 */
export type TaskSide = 'assignee' | 'dispatcher';

interface TransitionRule {
  from: readonly TaskState[];
  to: TaskState;
  /** Which side may issue it; a rule with both allows either. */
  sides: readonly TaskSide[];
  /** Roles allowed (admin is always allowed). */
  roles: readonly ('duty' | 'leader')[];
}

const OPEN: readonly TaskState[] = ['dispatched', 'accepted', 'arrived', 'feedback', 'returned', 'escalated'];

export const TASK_TRANSITIONS: Record<TaskCommandType, TransitionRule> = {
  'task.accept': { from: ['dispatched'], to: 'accepted', sides: ['assignee'], roles: ['duty', 'leader'] },
  'task.return': { from: ['dispatched', 'accepted'], to: 'returned', sides: ['assignee'], roles: ['duty', 'leader'] },
  'task.redispatch': {
    from: ['dispatched', 'accepted', 'returned', 'escalated'],
    to: 'dispatched',
    sides: ['assignee', 'dispatcher'],
    roles: ['duty', 'leader'],
  },
  'task.arrive': { from: ['accepted'], to: 'arrived', sides: ['assignee'], roles: ['duty', 'leader'] },
  'task.feedback': { from: ['arrived', 'feedback'], to: 'feedback', sides: ['assignee'], roles: ['duty', 'leader'] },
  'task.close': { from: ['feedback'], to: 'closed', sides: ['dispatcher'], roles: ['duty', 'leader'] },
  'task.evaluate': { from: ['closed'], to: 'evaluated', sides: ['dispatcher'], roles: ['duty', 'leader'] },
  'task.escalate': {
    from: ['dispatched', 'accepted', 'arrived', 'returned'],
    to: 'escalated',
    sides: ['assignee', 'dispatcher'],
    roles: ['duty', 'leader'],
  },
};

/** The event type each command produces. */
export const TASK_EVENT_OF: Record<TaskCommandType, string> = {
  'task.accept': 'task.accepted',
  'task.return': 'task.returned',
  'task.redispatch': 'task.redispatched',
  'task.arrive': 'task.arrived',
  'task.feedback': 'task.feedback',
  'task.close': 'task.closed',
  'task.evaluate': 'task.evaluated',
  'task.escalate': 'task.escalated',
};

export function isOpenTaskState(state: TaskState): boolean {
  return OPEN.includes(state);
}

/** The state a command leads to, or null when it is illegal from `state` (a `conflict`). */
export function nextTaskState(state: TaskState, command: TaskCommandType): TaskState | null {
  const rule = TASK_TRANSITIONS[command];
  return rule.from.includes(state) ? rule.to : null;
}

/** The commands legal from a state: what a console offers as buttons. */
export function legalTaskCommands(state: TaskState): TaskCommandType[] {
  return TASK_COMMANDS.filter((c) => TASK_TRANSITIONS[c].from.includes(state));
}
