// task.dispatch and the task lifecycle commands, checked with the shared state machine and
// authority rules; the hub adds existence checks, SLA deadlines and the holder history.
import { authorizeDispatch, authorizeTaskCommand } from '../../shared/domain/taskAuthority';
import { TASK_EVENT_OF, isOpenTaskState, type TaskCommandType } from '../../shared/domain/taskLifecycle';
import type { Command } from '../../shared/protocol/commands';
import type { EventDraft } from '../../shared/protocol/events';
import type { SlaStep, TaskRecord } from '../store/records';
import { refuse, type DecideContext, type Decision } from './decision';
import { slaMinutesFor } from './dispatchRules';
import { slaFor } from './slaPolicy';

type TaskCommand = Extract<Command, { type: `task.${string}` }>;

const STEP_DONE_BY: Partial<Record<TaskCommandType, SlaStep>> = {
  'task.accept': 'accept',
  'task.arrive': 'arrive',
  'task.close': 'close',
};

export async function decideTask(ctx: DecideContext, command: TaskCommand): Promise<Decision> {
  if (command.type === 'task.dispatch') return decideDispatch(ctx, command);
  const task = await ctx.tx.getTask(command.taskId);
  if (!task) return refuse('not_found', `task ${command.taskId} does not exist`);
  const toUnit = command.type === 'task.redispatch' ? command.toUnit : undefined;
  if (toUnit !== undefined && !ctx.hierarchy.get(toUnit)) return refuse('not_found', `unit ${toUnit} does not exist`);
  const verdict = authorizeTaskCommand(ctx.actor, task, command.type, toUnit);
  if (!verdict.ok) return refuse(verdict.code, verdict.message);

  let holder = task.toUnit;
  let fromUnit = task.fromUnit;
  if (command.type === 'task.redispatch') {
    holder = command.toUnit;
    fromUnit = ctx.actor.unit; // whoever passes it on now answers for it as its dispatcher
  } else if (command.type === 'task.escalate') {
    const parent = ctx.hierarchy.get(task.toUnit)?.parent;
    if (!parent) return refuse('conflict', `unit ${task.toUnit} has no unit above it to escalate to`);
    holder = parent;
  }
  const base = { taskId: task.taskId, incidentId: task.incidentId, state: verdict.next, by: ctx.actor.username, toUnit: holder };
  const draft = eventDraftOf(command, base, fromUnit);
  const step = STEP_DONE_BY[command.type];
  const next: TaskRecord = {
    ...task,
    state: verdict.next,
    fromUnit,
    toUnit: holder,
    holders: task.holders.includes(holder) ? task.holders : [...task.holders, holder],
    done: step && !task.done.includes(step) ? [...task.done, step] : task.done,
  };
  return {
    ok: true,
    drafts: [draft],
    ids: { taskId: task.taskId },
    persist: (tx, nowMs) => tx.putTask(next, isOpenTaskState(next.state), nowMs),
  };
}

type TaskBase = { taskId: string; incidentId: string; state: TaskRecord['state']; by: string; toUnit: string };

function eventDraftOf(command: Exclude<TaskCommand, { type: 'task.dispatch' }>, base: TaskBase, fromUnit: string): EventDraft {
  const type = TASK_EVENT_OF[command.type];
  switch (command.type) {
    case 'task.return':
      return { ...base, type: 'task.returned', reason: command.reason };
    case 'task.redispatch':
      return { ...base, type: 'task.redispatched', fromUnit, ...(command.note !== undefined ? { note: command.note } : {}) };
    case 'task.feedback':
      return { ...base, type: 'task.feedback', text: command.text };
    case 'task.evaluate':
      return { ...base, type: 'task.evaluated', score: command.score };
    case 'task.escalate':
      return { ...base, type: 'task.escalated', ...(command.reason !== undefined ? { reason: command.reason } : {}) };
    default:
      return { ...base, type } as EventDraft;
  }
}

/**
 * A dispatch makes one task for the lead (`toUnit`) and, in the same transaction, one per
 * cooperating unit (duplicates and the lead left out), each with its own `task.dispatched`;
 * a cooperating unit's names the lead's task (`leadTaskId`). Any unit refused refuses it all.
 */
async function decideDispatch(ctx: DecideContext, command: Extract<TaskCommand, { type: 'task.dispatch' }>): Promise<Decision> {
  const incident = await ctx.tx.getIncident(command.incidentId);
  if (!incident) return refuse('not_found', `incident ${command.incidentId} does not exist`);
  const admin = ctx.actor.roles.includes('admin');
  if (!admin && !incident.units.includes(ctx.actor.unit)) {
    return refuse('forbidden', `incident ${incident.incidentId} is outside the area of unit ${ctx.actor.unit}`);
  }
  const verdict = authorizeDispatch(ctx.actor, command.toUnit);
  if (!verdict.ok) return refuse(verdict.code, verdict.message);
  if (!ctx.hierarchy.get(command.toUnit)) return refuse('not_found', `unit ${command.toUnit} does not exist`);
  const cooperating: string[] = [];
  for (const [index, unit] of (command.cooperating ?? []).entries()) {
    if (unit === command.toUnit || cooperating.includes(unit)) continue;
    const field = `cooperating.${index}`;
    const allowed = authorizeDispatch(ctx.actor, unit);
    if (!allowed.ok) return refuse(allowed.code, `${field}: unit ${unit} is outside the subtree of ${ctx.actor.unit}`);
    if (!ctx.hierarchy.get(unit)) return refuse('not_found', `${field}: unit ${unit} does not exist`);
    cooperating.push(unit);
  }
  if (command.deadline !== undefined && Date.parse(command.deadline) <= ctx.nowMs) {
    return refuse('invalid', `deadline: ${command.deadline} is not in the future`);
  }
  if (incident.status === 'closed') return refuse('conflict', `incident ${incident.incidentId} is closed`);

  const sla = slaFor(slaMinutesFor(ctx.rules, incident), ctx.nowMs, command.deadline);
  const dispatchedAt = new Date(ctx.nowMs).toISOString();
  const leadTaskId = ctx.newId();
  const tasks: TaskRecord[] = [];
  const drafts: EventDraft[] = [];
  for (const toUnit of [command.toUnit, ...cooperating]) {
    const task: TaskRecord = {
      taskId: tasks.length === 0 ? leadTaskId : ctx.newId(),
      incidentId: incident.incidentId,
      state: 'dispatched',
      fromUnit: ctx.actor.unit,
      toUnit,
      holders: [toUnit],
      severity: incident.severity,
      sla,
      ...(command.deadline !== undefined ? { deadline: command.deadline } : {}),
      dispatchedAt,
      done: [],
      overdue: [],
      escalatedBySystem: false,
    };
    tasks.push(task);
    drafts.push({
      type: 'task.dispatched',
      taskId: task.taskId,
      incidentId: task.incidentId,
      state: 'dispatched',
      by: ctx.actor.username,
      fromUnit: task.fromUnit,
      toUnit,
      ...(command.note !== undefined ? { note: command.note } : {}),
      ...(command.deadline !== undefined ? { deadline: command.deadline } : {}),
      sla,
      ...(task.taskId !== leadTaskId ? { leadTaskId } : {}),
    });
  }
  return {
    ok: true,
    drafts,
    ids: { taskId: leadTaskId, ...(command.cooperating !== undefined ? { taskIds: tasks.map((t) => t.taskId) } : {}) },
    persist: async (tx, nowMs) => {
      for (const task of tasks) await tx.putTask(task, true, nowMs);
    },
  };
}
