import { authorizeTaskCommand, type Actor } from '../../shared/domain/taskAuthority';
import { isOpenTaskState, legalTaskCommands, type TaskCommandType } from '../../shared/domain/taskLifecycle';
import { CITY_CODE, isStrictlyBelow, levelDepth, levelOfCode } from '../../shared/domain/units';
import type { TaskView, WallState } from '../../shared/state/wallState';
import type { OutboxItem } from '../../shared/view/viewChannel';
import type { Session } from '../stores/wallStore';

/* What the console's inbox shows and offers: pure, so the rules are tested without a screen. */

/** The verbs of the task commands, as the buttons' test ids and i18n keys name them. */
export type TaskVerb = 'accept' | 'return' | 'redispatch' | 'arrive' | 'feedback' | 'close' | 'evaluate' | 'escalate';

export function verbOf(command: TaskCommandType): TaskVerb {
  return command.slice('task.'.length) as TaskVerb;
}

/** Who this console acts as: its unit and the signed-in user's roles (null: nobody signed in). */
export function actorOf(session: Session | null): Actor | null {
  if (!session?.unit || !session.user) return null;
  return { unit: session.unit.code, roles: session.user.roles };
}

/** Steps that put a task with a (new) unit: the moment it arrived there. */
const ARRIVING_STEPS = new Set(['task.dispatched', 'task.redispatched', 'task.escalated']);

/** When the task last arrived at `unit` (its latest dispatch, redispatch or escalation there). */
export function arrivalOf(task: TaskView, unit: string): string {
  for (let i = task.steps.length - 1; i >= 0; i -= 1) {
    const step = task.steps[i]!;
    if (ARRIVING_STEPS.has(step.type) && (step.toUnit ?? task.toUnit) === unit) return step.ts;
  }
  return task.dispatchedAt;
}

/** Identifies one arrival: the same task sent here again later is a new arrival. */
export function arrivalKey(task: TaskView, unit: string): string {
  return `${task.taskId}@${arrivalOf(task, unit)}`;
}

const byTime = (time: (t: TaskView) => string) => (a: TaskView, b: TaskView) => time(b).localeCompare(time(a)) || a.taskId.localeCompare(b.taskId);

/**
 * The work waiting on `unit`: open tasks it holds, newest arrival first. A returned task keeps
 * its last holder on record but is back with its dispatcher, so it is listed there instead.
 */
export function inboxTasks(tasks: WallState['tasks'], unit: string): TaskView[] {
  return Object.values(tasks)
    .filter((t) => t.toUnit === unit && isOpenTaskState(t.state) && t.state !== 'returned')
    .sort(byTime((t) => arrivalOf(t, unit)));
}

/**
 * Tasks `unit` dispatched (first, or passed on last) to others that still need it: open ones, and
 * closed ones to evaluate. Returned ones are back with it to send again.
 */
export function dispatchedTasks(tasks: WallState['tasks'], unit: string): TaskView[] {
  return Object.values(tasks)
    .filter((t) => (t.originUnit === unit || t.fromUnit === unit) && (t.toUnit !== unit || t.state === 'returned') && (isOpenTaskState(t.state) || t.state === 'closed'))
    .sort(byTime((t) => t.dispatchedAt));
}

/**
 * The incident's own unit one level below `unit` (the street of a district, say): the default
 * for passing work down. Null when the incident's chain does not go below `unit`.
 */
export function chainUnitBelow(incidentUnits: readonly string[], unit: string): string | null {
  const below = incidentUnits.filter((code) => isStrictlyBelow(code, unit));
  below.sort((a, b) => levelDepth(levelOfCode(a)) - levelDepth(levelOfCode(b)));
  return below[0] ?? null;
}

/**
 * Some unit strictly below `unit`, only to ask the authority rules whether a redispatch is
 * possible at all before a target is picked (they check subtree relations, not existence).
 */
function probeBelow(unit: string): string | null {
  if (levelOfCode(unit) === 'grid') return null;
  return unit === CITY_CODE ? '500101' : `${unit}001`;
}

/**
 * The task commands `actor` may issue on `task` now: legal from its state and authorised for
 * the actor's unit and roles, in the state machine's order.
 */
export function offeredCommands(actor: Actor | null, task: TaskView, incidentUnits: readonly string[] = []): TaskCommandType[] {
  if (!actor) return [];
  return legalTaskCommands(task.state).filter((command) => {
    if (command !== 'task.redispatch') return authorizeTaskCommand(actor, task, command).ok;
    const target = chainUnitBelow(incidentUnits, actor.unit) ?? probeBelow(actor.unit);
    return target !== null && authorizeTaskCommand(actor, task, command, target).ok;
  });
}

export type SlaStep = 'accept' | 'arrive' | 'close';

export interface NextDeadline {
  step: SlaStep;
  at: string;
  /** Already flagged overdue by the hub's SLA clock, or past `at` by `nowMs`. */
  overdue: boolean;
  msLeft: number;
}

const DONE_BY: Record<SlaStep, string> = { accept: 'task.accepted', arrive: 'task.arrived', close: 'task.closed' };

/**
 * The deadline the task runs against now: the first SLA step not yet done (accept by, arrive by,
 * close by). The dispatcher's own close-by deadline counts when it is earlier than the SLA's.
 */
export function nextDeadline(task: TaskView, nowMs: number): NextDeadline | null {
  if (!isOpenTaskState(task.state)) return null;
  const done = new Set(task.steps.map((s) => s.type));
  const closeBy = [task.sla?.closeBy, task.deadline].filter((t): t is string => t !== undefined).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const deadlines: [SlaStep, string | undefined][] = [
    ['accept', task.sla?.acceptBy],
    ['arrive', task.sla?.arriveBy],
    ['close', closeBy],
  ];
  for (const [step, at] of deadlines) {
    if (done.has(DONE_BY[step]) || at === undefined) continue;
    const msLeft = Date.parse(at) - nowMs;
    return { step, at, msLeft, overdue: msLeft < 0 || task.overdue.includes(step) };
  }
  return null;
}

/** "4:05" or "1:02:03" for a span of milliseconds (its absolute value). */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The newest outbox item of a task's commands (what the item says while it travels). */
export function latestTaskCommand(outbox: readonly OutboxItem[], taskId: string): OutboxItem | undefined {
  for (let i = outbox.length - 1; i >= 0; i -= 1) {
    const command = outbox[i]!.command;
    if ('taskId' in command && command.taskId === taskId) return outbox[i];
  }
  return undefined;
}

/** The newest dispatch of an incident in the outbox. */
export function latestDispatch(outbox: readonly OutboxItem[], incidentId: string): OutboxItem | undefined {
  for (let i = outbox.length - 1; i >= 0; i -= 1) {
    const command = outbox[i]!.command;
    if (command.type === 'task.dispatch' && command.incidentId === incidentId) return outbox[i];
  }
  return undefined;
}

export function isInFlight(item: OutboxItem | undefined): boolean {
  return item?.status === 'pending' || item?.status === 'sending';
}
