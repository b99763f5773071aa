import type { HubEvent, TaskEvent } from '../protocol/events';
import type { IncidentView, TaskStep, TaskView, WallState } from './wallState';

/**
 * Folds events into wall state. Pure: the same events give the same state, live or replayed.
 * Events at or below `state.seq` are ignored, so a duplicate delivery cannot double-count.
 * Each call copies only the maps it touches, once per batch, not once per event.
 */
export function reduceEvents(state: WallState, events: readonly HubEvent[]): WallState {
  const fresh = events.filter((e) => e.seq > state.seq);
  if (fresh.length === 0) return state;
  const draft = new Draft(state);
  let last = state.seq;
  let time = state.time;
  for (const event of fresh) {
    if (event.seq <= last) continue; // out of order within a batch: keep the first
    draft.apply(event);
    last = event.seq;
    time = event.ts;
  }
  return { ...draft.finish(), seq: last, time };
}

/** Copy-on-first-write holder for the maps of one batch. */
class Draft {
  private incidents: WallState['incidents'];
  private tasks: WallState['tasks'];
  private indicators: WallState['indicators'];
  private cameras: WallState['cameras'];
  private copied = new Set<string>();

  constructor(private readonly base: WallState) {
    this.incidents = base.incidents;
    this.tasks = base.tasks;
    this.indicators = base.indicators;
    this.cameras = base.cameras;
  }

  apply(event: HubEvent): void {
    switch (event.type) {
      case 'incident.reported':
        this.putIncident({
          incidentId: event.incidentId,
          title: event.title,
          kind: event.kind,
          board: event.board,
          severity: event.severity,
          location: event.location,
          units: event.units,
          ...(event.source !== undefined ? { source: event.source } : {}),
          ...(event.by !== undefined ? { reportedBy: event.by } : {}),
          status: 'open',
          reportedAt: event.ts,
          updatedAt: event.ts,
          taskIds: this.incidents[event.incidentId]?.taskIds ?? [],
        });
        return;
      case 'incident.updated': {
        const incident = this.incidents[event.incidentId];
        if (!incident) return;
        this.putIncident({
          ...incident,
          ...(event.title !== undefined ? { title: event.title } : {}),
          ...(event.severity !== undefined ? { severity: event.severity } : {}),
          updatedAt: event.ts,
        });
        return;
      }
      case 'incident.closed': {
        const incident = this.incidents[event.incidentId];
        if (!incident) return;
        this.putIncident({ ...incident, status: 'closed', closedAt: event.ts, updatedAt: event.ts, ...(event.by !== undefined ? { closedBy: event.by } : {}) });
        return;
      }
      case 'indicator.samples':
        if (!this.copied.has('indicators')) {
          this.indicators = { ...this.indicators };
          this.copied.add('indicators');
        }
        for (const s of event.samples) {
          const prev = this.indicators[s.id];
          if (!prev || prev.at <= s.at) this.indicators[s.id] = { value: s.value, at: s.at };
        }
        return;
      case 'camera.status':
        if (!this.copied.has('cameras')) {
          this.cameras = { ...this.cameras };
          this.copied.add('cameras');
        }
        this.cameras[event.cameraId] = event.status;
        return;
      default:
        this.applyTask(event);
    }
  }

  private applyTask(event: TaskEvent): void {
    const step: TaskStep = {
      seq: event.seq,
      ts: event.ts,
      type: event.type,
      state: event.state,
      by: event.by,
      ...(event.toUnit !== undefined ? { toUnit: event.toUnit } : {}),
      ...(event.type === 'task.dispatched' || event.type === 'task.redispatched' ? { fromUnit: event.fromUnit } : {}),
      ...(stepDetail(event) !== undefined ? { detail: stepDetail(event) } : {}),
    };
    if (event.type === 'task.dispatched') {
      this.putTask({
        taskId: event.taskId,
        incidentId: event.incidentId,
        state: event.state,
        fromUnit: event.fromUnit,
        originUnit: event.fromUnit,
        ...(event.leadTaskId !== undefined ? { leadTaskId: event.leadTaskId } : {}),
        toUnit: event.toUnit,
        ...(event.note !== undefined ? { note: event.note } : {}),
        ...(event.deadline !== undefined ? { deadline: event.deadline } : {}),
        ...(event.sla !== undefined ? { sla: event.sla } : {}),
        dispatchedAt: event.ts,
        updatedAt: event.ts,
        overdue: [],
        escalated: false,
        steps: [step],
      });
      const incident = this.incidents[event.incidentId];
      if (incident && !incident.taskIds.includes(event.taskId)) {
        this.putIncident({ ...incident, taskIds: [...incident.taskIds, event.taskId] });
      }
      return;
    }
    const known = this.tasks[event.taskId];
    // A unit that first sees a task when it is passed down to it starts its record there.
    const task = known ?? (event.type === 'task.redispatched' ? this.taskFromRedispatch(event) : undefined);
    if (!task) return; // outside this view's scope or before its window: nothing to fold into
    const next: TaskView = { ...task, state: event.state, updatedAt: event.ts, steps: known ? [...task.steps, step] : [step] };
    if (event.toUnit !== undefined) next.toUnit = event.toUnit;
    // The unit that passes a task down becomes its dispatcher, as on the hub.
    if (event.type === 'task.redispatched') next.fromUnit = event.fromUnit;
    if (event.type === 'task.overdue' && !next.overdue.includes(event.step)) next.overdue = [...next.overdue, event.step];
    if (event.type === 'task.escalated') next.escalated = true;
    if (event.type === 'task.evaluated') next.score = event.score;
    this.putTask(next);
  }

  private taskFromRedispatch(event: Extract<TaskEvent, { type: 'task.redispatched' }>): TaskView {
    return {
      taskId: event.taskId,
      incidentId: event.incidentId,
      state: event.state,
      fromUnit: event.fromUnit,
      // The dispatch itself was outside this view's scope: the first sender it saw stands for the origin.
      originUnit: event.fromUnit,
      toUnit: event.toUnit,
      dispatchedAt: event.ts,
      updatedAt: event.ts,
      overdue: [],
      escalated: false,
      steps: [],
    };
  }

  private putIncident(incident: IncidentView): void {
    if (!this.copied.has('incidents')) {
      this.incidents = { ...this.incidents };
      this.copied.add('incidents');
    }
    this.incidents[incident.incidentId] = incident;
  }

  private putTask(task: TaskView): void {
    if (!this.copied.has('tasks')) {
      this.tasks = { ...this.tasks };
      this.copied.add('tasks');
    }
    this.tasks[task.taskId] = task;
  }

  finish(): WallState {
    return { ...this.base, incidents: this.incidents, tasks: this.tasks, indicators: this.indicators, cameras: this.cameras };
  }
}

function stepDetail(event: TaskEvent): string | undefined {
  switch (event.type) {
    case 'task.returned':
      return event.reason;
    case 'task.feedback':
      return event.text;
    case 'task.evaluated':
      return String(event.score);
    case 'task.escalated':
      return event.reason;
    case 'task.overdue':
      return event.step;
    case 'task.dispatched':
    case 'task.redispatched':
      return event.note;
    default:
      return undefined;
  }
}
