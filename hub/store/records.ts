// What the hub keeps besides the event log: current incidents and tasks, accounts, command acks.
import type { Board, LngLat, Role } from '../../shared/protocol/common';
import type { CommandAck } from '../../shared/protocol/commands';
import type { HubEvent, TaskSla } from '../../shared/protocol/events';
import type { TaskState } from '../../shared/domain/taskLifecycle';

export interface IncidentRecord {
  incidentId: string;
  title: string;
  kind: string;
  board: Board;
  severity: number;
  location: LngLat;
  units: string[];
  source?: string;
  status: 'open' | 'closed';
  reportedBy: string;
  reportedAt: string;
}

export type SlaStep = 'accept' | 'arrive' | 'close';

export interface TaskRecord {
  taskId: string;
  incidentId: string;
  state: TaskState;
  fromUnit: string;
  toUnit: string;
  /** Every unit the task has been with, in order; the last is `toUnit`. */
  holders: string[];
  severity: number;
  sla: TaskSla;
  deadline?: string;
  dispatchedAt: string;
  /** Steps done at least once (an SLA step is met once done). */
  done: SlaStep[];
  /** Steps already reported overdue (each at most once). */
  overdue: SlaStep[];
  escalatedBySystem: boolean;
}

export interface AccountRecord {
  username: string;
  passwordHash: string;
  unit: string;
  roles: Role[];
}

export interface AuditEntry {
  username: string;
  commandId?: string;
  type?: string;
  outcome: string;
  detail?: string;
}

export interface StoredCommand {
  id: string;
  username: string;
  type: string;
  ack: CommandAck;
}

/**
 * Units an event concerns: a unit sees the event when one of its anchors lies in its subtree.
 * (Indicator samples are filtered per sample instead, by each indicator's unit.)
 */
export type Anchors = string[];

export interface StoredEvent {
  event: HubEvent;
  anchors: Anchors;
}
