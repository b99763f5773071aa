// An in-memory hub for the simulator's tests: it applies commands with the shared task rules,
// appends events with a sequence number, and records every command, as the real hub would.
import { authorizeDispatch, authorizeTaskCommand } from '../../shared/domain/taskAuthority';
import type { TaskCommandType, TaskState } from '../../shared/domain/taskLifecycle';
import type { EventDraft } from '../../shared/protocol/events';
import type { Hierarchy } from '../hierarchy';
import type { CommandAck, CommandInput, HubEvent, SimulatorPorts } from './types';

interface TaskRow { taskId: string; incidentId: string; state: TaskState; fromUnit: string; toUnit: string }

export class TestHub {
  readonly events: HubEvent[] = [];
  readonly commands: { asUnit: string; cmd: CommandInput; ack: CommandAck }[] = [];
  readonly samples: { id: string; value: number; at: string }[][] = [];
  readonly cameraStatus: { cameraId: string; status: 'online' | 'offline' }[] = [];
  readonly staffed = new Set<string>();
  private readonly listeners = new Set<(ev: HubEvent) => void>();
  private readonly tasks = new Map<string, TaskRow>();
  private readonly incidentUnits = new Map<string, string[]>();
  private seq = 0;

  constructor(private readonly hierarchy: Hierarchy, private readonly clock: () => number = Date.now) {}

  ports(): SimulatorPorts {
    return {
      hierarchy: this.hierarchy,
      now: this.clock,
      command: async (asUnit, cmd) => this.command(asUnit, cmd),
      publishSamples: (samples) => { this.samples.push(samples); },
      publishCameraStatus: (cameraId, status) => { this.cameraStatus.push({ cameraId, status }); },
      onEvent: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      isHumanStaffed: (unit) => this.staffed.has(unit),
    };
  }

  /** Applies a command as the duty user of `asUnit` (also what a test's "human" uses). */
  command(asUnit: string, cmd: CommandInput): CommandAck {
    const ack = this.apply(asUnit, cmd);
    this.commands.push({ asUnit, cmd, ack });
    return ack;
  }

  taskEvents(taskId: string): HubEvent[] {
    return this.events.filter((e) => 'taskId' in e && e.taskId === taskId);
  }

  private apply(asUnit: string, cmd: CommandInput): CommandAck {
    const actor = { unit: asUnit, roles: ['duty'] as const };
    const by = `duty-${asUnit}`;
    switch (cmd.type) {
      case 'incident.report': {
        const units = this.hierarchy.locate(cmd.location);
        if (!units.some((u) => u === asUnit)) return refuse('forbidden', 'location outside the unit');
        const incidentId = `inc-${this.seq + 1}`;
        this.incidentUnits.set(incidentId, units);
        const { type: _type, ...body } = cmd;
        return { ...this.append({ ...body, type: 'incident.reported', incidentId, units, by }), incidentId };
      }
      case 'incident.update':
      case 'incident.close': {
        const units = this.incidentUnits.get(cmd.incidentId);
        if (!units) return refuse('not_found', 'incident');
        if (!units.includes(asUnit)) return refuse('forbidden', 'incident outside the unit');
        if (cmd.type === 'incident.close') return this.append({ type: 'incident.closed', incidentId: cmd.incidentId, by });
        return this.append({ type: 'incident.updated', incidentId: cmd.incidentId, title: cmd.title, severity: cmd.severity, by });
      }
      case 'task.dispatch': {
        if (!this.incidentUnits.has(cmd.incidentId)) return refuse('not_found', 'incident');
        // The lead (`toUnit`) and each cooperating unit get a task, as the hub does in one transaction.
        const units = [...new Set([cmd.toUnit, ...(cmd.cooperating ?? [])])];
        for (const unit of units) {
          const verdict = authorizeDispatch(actor, unit);
          if (!verdict.ok) return refuse(verdict.code, verdict.message);
        }
        const taskIds: string[] = [];
        let seq = 0;
        for (const unit of units) {
          const taskId = `task-${this.seq + 1}`;
          this.tasks.set(taskId, { taskId, incidentId: cmd.incidentId, state: 'dispatched', fromUnit: asUnit, toUnit: unit });
          const leadTaskId = taskIds[0];
          taskIds.push(taskId);
          seq = this.append({
            type: 'task.dispatched', taskId, incidentId: cmd.incidentId, state: 'dispatched', by, fromUnit: asUnit, toUnit: unit, note: cmd.note,
            ...(leadTaskId ? { leadTaskId } : {}),
          }).seq;
        }
        return { ok: true, seq, taskId: taskIds[0]!, ...(cmd.cooperating ? { taskIds } : {}) };
      }
      default: {
        const task = this.tasks.get(cmd.taskId);
        if (!task) return refuse('not_found', 'task');
        const toUnit = cmd.type === 'task.redispatch' ? cmd.toUnit : undefined;
        const verdict = authorizeTaskCommand(actor, task, cmd.type as TaskCommandType, toUnit);
        if (!verdict.ok) return refuse(verdict.code, verdict.message);
        task.state = verdict.next;
        const common = { taskId: task.taskId, incidentId: task.incidentId, state: verdict.next, by };
        switch (cmd.type) {
          case 'task.redispatch': {
            const fromUnit = asUnit;
            task.fromUnit = fromUnit;
            task.toUnit = cmd.toUnit;
            return this.append({ ...common, type: 'task.redispatched', fromUnit, toUnit: cmd.toUnit });
          }
          case 'task.accept': return this.append({ ...common, type: 'task.accepted' });
          case 'task.return': return this.append({ ...common, type: 'task.returned', reason: cmd.reason });
          case 'task.arrive': return this.append({ ...common, type: 'task.arrived' });
          case 'task.feedback': return this.append({ ...common, type: 'task.feedback', text: cmd.text });
          case 'task.close': return this.append({ ...common, type: 'task.closed' });
          case 'task.evaluate': return this.append({ ...common, type: 'task.evaluated', score: cmd.score });
          case 'task.escalate': return this.append({ ...common, type: 'task.escalated' });
        }
      }
    }
  }

  /** An event the hub appends by itself or for someone else (a trainer's test control, a sensor). */
  appendSystem(draft: EventDraft): void {
    this.append(draft);
  }

  private append(draft: EventDraft): { ok: true; seq: number } {
    const event = { ...draft, seq: ++this.seq, ts: new Date(this.clock()).toISOString() } as HubEvent;
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return { ok: true, seq: event.seq };
  }
}

function refuse(code: 'forbidden' | 'conflict' | 'not_found' | 'invalid', message: string): CommandAck {
  return { ok: false, error: { code, message } };
}
