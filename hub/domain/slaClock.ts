// The SLA clock: flags each task step that misses its deadline (`task.overdue`, once per step)
// and escalates a task nobody took up or reached to the assignee's parent (`task.escalated`,
// by `system`, once per task). Checks run inside the write transaction, so several hub nodes
// ticking at once still emit each event once.
import { nextTaskState } from '../../shared/domain/taskLifecycle';
import type { EventDraft } from '../../shared/protocol/events';
import type { Hierarchy } from '../hierarchy';
import type { SlaStep, TaskRecord } from '../store/records';
import type { Store, StoreTx } from '../store/store';
import type { CommandService } from './commandService';
import { ESCALATE_ON, deadlineOf } from './slaPolicy';

const STEPS: readonly SlaStep[] = ['accept', 'arrive', 'close'];

export interface SlaClockDeps {
  store: Store;
  commands: CommandService;
  hierarchy: Hierarchy;
  now(): number;
  /** How often to check (default 5 s). */
  intervalMs?: number;
}

export class SlaClock {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: SlaClockDeps) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick().catch(() => undefined), this.deps.intervalMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One check; resolves with how many events it appended. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    const run = this.check();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = undefined;
    }
  }

  private async check(): Promise<number> {
    const nowMs = this.deps.now();
    // Cheap look outside any transaction: most ticks find nothing due.
    if (!(await this.deps.store.openTasks()).some((task) => dueSteps(task, nowMs).length > 0)) return 0;
    const events = await this.deps.commands.appendSystem((tx, txNow) => this.overdueIn(tx, txNow));
    return events.length;
  }

  private async overdueIn(tx: StoreTx, nowMs: number): Promise<EventDraft[]> {
    const drafts: EventDraft[] = [];
    for (const task of await tx.openTasks()) {
      const due = dueSteps(task, nowMs);
      if (due.length === 0) continue;
      let next: TaskRecord = { ...task, overdue: [...task.overdue, ...due] };
      for (const step of due) {
        drafts.push({
          type: 'task.overdue',
          taskId: task.taskId,
          incidentId: task.incidentId,
          state: task.state,
          by: 'system',
          toUnit: task.toUnit,
          step,
          dueAt: deadlineOf(task.sla, step),
        });
      }
      const parent = this.deps.hierarchy.get(task.toUnit)?.parent;
      const escalates = due.some((step) => ESCALATE_ON.includes(step));
      if (escalates && parent && !task.escalatedBySystem && nextTaskState(task.state, 'task.escalate')) {
        drafts.push({
          type: 'task.escalated',
          taskId: task.taskId,
          incidentId: task.incidentId,
          state: 'escalated',
          by: 'system',
          toUnit: parent,
          reason: `${due.filter((s) => ESCALATE_ON.includes(s)).join(', ')} overdue`,
        });
        next = { ...next, state: 'escalated', toUnit: parent, holders: next.holders.includes(parent) ? next.holders : [...next.holders, parent], escalatedBySystem: true };
      }
      await tx.putTask(next, true, nowMs);
    }
    return drafts;
  }
}

/** Steps past their deadline, not yet done, not yet reported. */
export function dueSteps(task: TaskRecord, nowMs: number): SlaStep[] {
  return STEPS.filter((step) => !task.done.includes(step) && !task.overdue.includes(step) && Date.parse(deadlineOf(task.sla, step)) <= nowMs);
}
