// The centres nobody staffs, played through the command path: a street or district centre
// dispatches the cases in its area, assignees accept (now and then return or pass the task
// down), arrive and feed back, and a dispatcher closes and evaluates — but only when no human
// sits at any centre that would own that step.
import { isStrictlyBelow, levelOfCode, levelDepth } from '../../shared/domain/units';
import { nextTaskState, type TaskCommandType, type TaskState } from '../../shared/domain/taskLifecycle';
import type { Hierarchy, Random } from '../hierarchy';
import type { CommandAck, CommandInput, HubEvent } from './types';

/** Delays in simulated seconds [min, max]. */
export const TASK_DELAYS = {
  dispatch: [30, 150],
  accept: [20, 120],
  redispatch: [30, 120],
  arrive: [240, 900],
  feedback: [180, 720],
  close: [60, 300],
  evaluate: [30, 120],
  closeIncident: [20, 90],
} as const satisfies Record<string, readonly [number, number]>;

const RETURN_REASONS = ['非本辖区事项，请重新派遣', '现场信息不全，无法定位', '该事项已由行业部门处置'];
const FEEDBACK_TEXTS = [
  '已到达现场处置完毕，现场恢复正常',
  '已协调相关部门完成处置，已拍照留存',
  '隐患已消除，群众表示满意',
  '已现场劝导整改，将持续跟踪回访',
];
/** Odds an assignee passes the task one level down, by its level. */
const REDISPATCH_ODDS: Record<string, number> = { city: 1, district: 0.85, street: 0.5, community: 0.2, grid: 0 };
const RETURN_ODDS = 0.03;
const MAX_TRACKED = 20_000;

export interface TrackedTask {
  taskId: string;
  incidentId: string;
  state: TaskState;
  fromUnit: string;
  toUnit: string;
  /** The unit that first dispatched it (a human city centre keeps the close for itself). */
  originUnit: string;
  scripted: boolean;
}

interface TrackedIncident { units: string[]; tasks: Set<string>; scripted: boolean; closed: boolean }

export interface CentreContext {
  hierarchy: Hierarchy;
  random: Random;
  isHumanStaffed(unit: string): boolean;
  command(asUnit: string, cmd: CommandInput): Promise<CommandAck>;
  /** Runs `action` after `simSeconds` of simulated time. */
  after(simSeconds: number, action: () => Promise<void> | void): void;
}

export class LowerCentres {
  readonly tasks = new Map<string, TrackedTask>();
  readonly incidents = new Map<string, TrackedIncident>();
  /** Keys of actions an episode is about to take, so their events are left to the episode. */
  private readonly claims = new Set<string>();
  private readonly scriptedIds = new Set<string>();

  constructor(private readonly ctx: CentreContext) {}

  /** Marks an action an episode is taking (`report:<title>`, `dispatch:<incident>:<unit>`) until `release`. */
  claim(key: string): void { this.claims.add(key); }
  release(key: string): void { this.claims.delete(key); }

  /** Leaves a case or task to the episode that created it, whichever came first: event or ack. */
  markScripted(ids: { incidentId?: string; taskId?: string }): void {
    if (ids.incidentId) {
      this.scriptedIds.add(ids.incidentId);
      const incident = this.incidents.get(ids.incidentId);
      if (incident) incident.scripted = true;
    }
    if (ids.taskId) {
      this.scriptedIds.add(ids.taskId);
      const task = this.tasks.get(ids.taskId);
      if (task) task.scripted = true;
    }
  }

  onEvent(event: HubEvent): void {
    switch (event.type) {
      case 'incident.reported': {
        const scripted = this.claims.has(`report:${event.title}`) || this.scriptedIds.has(event.incidentId);
        this.remember(this.incidents, event.incidentId, { units: event.units, tasks: new Set(), scripted, closed: false });
        if (!scripted) this.ctx.after(this.delay('dispatch'), () => this.dispatchIncident(event.incidentId, event.severity));
        return;
      }
      case 'incident.closed': {
        const incident = this.incidents.get(event.incidentId);
        if (incident) incident.closed = true;
        return;
      }
      case 'task.dispatched':
      case 'task.redispatched': {
        const known = this.tasks.get(event.taskId);
        const scripted = known?.scripted || this.scriptedIds.has(event.taskId) || this.claims.has(`dispatch:${event.incidentId}:${event.toUnit}`);
        const task: TrackedTask = {
          taskId: event.taskId, incidentId: event.incidentId, state: event.state,
          fromUnit: event.fromUnit, toUnit: event.toUnit, originUnit: known?.originUnit ?? event.fromUnit, scripted,
        };
        this.remember(this.tasks, task.taskId, task);
        this.incidents.get(task.incidentId)?.tasks.add(task.taskId);
        if (!scripted) this.ctx.after(this.delay('accept'), () => this.assigneeAccepts(task.taskId, task.toUnit));
        return;
      }
      default:
        if (!event.type.startsWith('task.') || !('taskId' in event)) return;
        this.onTaskProgress(event.taskId, event.state, 'toUnit' in event ? event.toUnit : undefined);
    }
  }

  /** Issues a task command as `asUnit` if that unit holds the side and the state allows it. */
  async act(asUnit: string, taskId: string, cmd: Extract<CommandInput, { taskId: string }>): Promise<boolean> {
    const task = this.tasks.get(taskId);
    if (!task || this.ctx.isHumanStaffed(asUnit)) return false;
    const next = nextTaskState(task.state, cmd.type as TaskCommandType);
    if (!next) return false;
    const ack = await this.ctx.command(asUnit, cmd);
    if (ack.ok) task.state = next;
    return ack.ok;
  }

  private onTaskProgress(taskId: string, state: TaskState, toUnit: string | undefined): void {
    const task = this.tasks.get(taskId);
    if (!task) return;
    task.state = state;
    if (toUnit) task.toUnit = toUnit;
    if (task.scripted) return;
    if (state === 'returned') this.ctx.after(this.delay('redispatch'), () => this.dispatcherReassigns(taskId));
    if (state === 'feedback') this.ctx.after(this.delay('close'), () => this.dispatcherCloses(taskId));
    if (state === 'evaluated') this.finish(task);
  }

  /** The centre that owns the area dispatches a new case: the district for severe ones. */
  private async dispatchIncident(incidentId: string, severity: number): Promise<void> {
    const incident = this.incidents.get(incidentId);
    if (!incident || incident.scripted || incident.closed || incident.tasks.size > 0) return;
    const depth = severity <= 2 ? 1 : 2;
    const dispatcher = incident.units[depth];
    const target = incident.units[depth + 1];
    if (!dispatcher || !target || this.ctx.isHumanStaffed(dispatcher)) return;
    await this.ctx.command(dispatcher, { type: 'task.dispatch', incidentId, toUnit: target, note: '请核查并处置' });
  }

  private async assigneeAccepts(taskId: string, unit: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (!task || task.scripted || task.toUnit !== unit || task.state !== 'dispatched' || this.ctx.isHumanStaffed(unit)) return;
    if (this.ctx.random.chance(RETURN_ODDS)) {
      await this.act(unit, taskId, { type: 'task.return', taskId, reason: this.ctx.random.pick(RETURN_REASONS) });
      return;
    }
    if (!(await this.act(unit, taskId, { type: 'task.accept', taskId }))) return;
    const below = this.unitBelow(task, unit);
    if (below && this.ctx.random.chance(REDISPATCH_ODDS[levelOfCode(unit)] ?? 0)) {
      this.ctx.after(this.delay('redispatch'), async () => {
        if (task.toUnit === unit) await this.act(unit, taskId, { type: 'task.redispatch', taskId, toUnit: below });
      });
      return;
    }
    this.ctx.after(this.delay('arrive'), async () => {
      if (task.toUnit !== unit || !(await this.act(unit, taskId, { type: 'task.arrive', taskId }))) return;
      this.ctx.after(this.delay('feedback'), async () => {
        if (task.toUnit === unit) await this.act(unit, taskId, { type: 'task.feedback', taskId, text: this.ctx.random.pick(FEEDBACK_TEXTS) });
      });
    });
  }

  /** After a return the dispatcher sends the task to another unit of its own. */
  private async dispatcherReassigns(taskId: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (!task || task.scripted || task.state !== 'returned' || this.ctx.isHumanStaffed(task.fromUnit)) return;
    const others = this.ctx.hierarchy.children(task.fromUnit).filter((u) => u.code !== task.toUnit);
    if (others.length === 0) return;
    await this.act(task.fromUnit, taskId, { type: 'task.redispatch', taskId, toUnit: this.ctx.random.pick(others).code });
  }

  private async dispatcherCloses(taskId: string): Promise<void> {
    const task = this.tasks.get(taskId);
    if (!task || task.scripted || task.state !== 'feedback') return;
    if (this.ctx.isHumanStaffed(task.originUnit) || this.ctx.isHumanStaffed(task.fromUnit)) return;
    if (!(await this.act(task.fromUnit, taskId, { type: 'task.close', taskId }))) return;
    this.ctx.after(this.delay('evaluate'), async () => {
      const score = this.ctx.random.weighted([[5, 6], [4, 3], [3, 1]] as const);
      await this.act(task.fromUnit, taskId, { type: 'task.evaluate', taskId, score });
    });
  }

  /** Once every task of a case is evaluated, the dispatcher closes the case. */
  private finish(task: TrackedTask): void {
    const incident = this.incidents.get(task.incidentId);
    if (!incident || incident.closed || incident.scripted) return;
    const allDone = [...incident.tasks].every((id) => this.tasks.get(id)?.state === 'evaluated');
    if (!allDone) return;
    this.ctx.after(this.delay('closeIncident'), async () => {
      if (incident.closed || this.ctx.isHumanStaffed(task.fromUnit) || this.ctx.isHumanStaffed(task.originUnit)) return;
      const ack = await this.ctx.command(task.fromUnit, { type: 'incident.close', incidentId: task.incidentId });
      if (ack.ok) incident.closed = true;
    });
  }

  /** The unit one level below `unit` on the case's location chain. */
  private unitBelow(task: TrackedTask, unit: string): string | undefined {
    const units = this.incidents.get(task.incidentId)?.units;
    const below = units?.[levelDepth(levelOfCode(unit)) + 1];
    return below && isStrictlyBelow(below, unit) ? below : undefined;
  }

  private delay(step: keyof typeof TASK_DELAYS): number {
    const [min, max] = TASK_DELAYS[step];
    return this.ctx.random.range(min, max);
  }

  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.set(key, value);
    // Oldest first: cases left to humans may never close here, so forget the oldest.
    if (map.size > MAX_TRACKED) map.delete(map.keys().next().value as string);
  }
}
