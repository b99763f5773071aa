import { BOARDS } from '../../shared/protocol/common';
import type { Board } from '../../shared/protocol/common';
import { TASK_STATES, isOpenTaskState } from '../../shared/domain/taskLifecycle';
import type { TaskState } from '../../shared/domain/taskLifecycle';
import type { IncidentView, TaskView, WallState } from '../../shared/state/wallState';
import type { LinkStatus } from '../../shared/view/viewChannel';
import type { TransportStatus } from '../bridge/webSocketBridge';

/* Pure derivations from store values: components memoise them on the value they select. */

export const SEVERITIES = [1, 2, 3, 4] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];

export function openIncidentsBySeverity(incidents: WallState['incidents']): Record<SeverityLevel, number> {
  const counts: Record<SeverityLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const incident of Object.values(incidents)) {
    if (incident.status === 'open') counts[incident.severity as SeverityLevel] += 1;
  }
  return counts;
}

export function openIncidentsByBoard(incidents: WallState['incidents']): Record<Board, number> {
  const counts = Object.fromEntries(BOARDS.map((b) => [b, 0])) as Record<Board, number>;
  for (const incident of Object.values(incidents)) if (incident.status === 'open') counts[incident.board] += 1;
  return counts;
}

export interface IncidentQuery {
  severities?: readonly number[];
  includeClosed?: boolean;
  limit?: number;
}

/** Newest first; ties broken by id so the order is stable between renders. */
export function latestIncidents(incidents: WallState['incidents'], query: IncidentQuery = {}): IncidentView[] {
  const list = Object.values(incidents).filter(
    (i) => (query.includeClosed || i.status === 'open') && (!query.severities || query.severities.includes(i.severity)),
  );
  list.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || a.incidentId.localeCompare(b.incidentId));
  return query.limit === undefined ? list : list.slice(0, query.limit);
}

export function tasksByState(tasks: WallState['tasks']): Record<TaskState, number> {
  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
  for (const task of Object.values(tasks)) counts[task.state] += 1;
  return counts;
}

export interface TaskSummary {
  open: number;
  overdue: number;
  escalated: number;
}

export function summariseTasks(tasks: WallState['tasks']): TaskSummary {
  const summary: TaskSummary = { open: 0, overdue: 0, escalated: 0 };
  for (const task of Object.values(tasks)) {
    if (!isOpenTaskState(task.state)) continue;
    summary.open += 1;
    if (task.overdue.length > 0) summary.overdue += 1;
    if (task.escalated) summary.escalated += 1;
  }
  return summary;
}

export function latestTasks(tasks: WallState['tasks'], limit?: number): TaskView[] {
  const list = Object.values(tasks).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.taskId.localeCompare(b.taskId));
  return limit === undefined ? list : list.slice(0, limit);
}

export type LinkDisplay =
  | { kind: 'connected' }
  | { kind: 'connecting' }
  | { kind: 'reconnecting'; seconds: number }
  | { kind: 'offline'; seconds: number }
  | { kind: 'unauthorized' };

/** After this long without the view socket, "reconnecting" becomes "offline". */
export const OFFLINE_AFTER_MS = 15_000;

/**
 * What the status line says. The view's own socket comes first (without it nothing below is
 * current), then main's link to the hub.
 */
export function describeLink(link: LinkStatus | null, transport: TransportStatus | null, nowMs: number): LinkDisplay {
  const secondsSince = (since: number) => Math.max(0, Math.floor((nowMs - since) / 1000));
  if (transport && transport.state !== 'open') {
    if (transport.opens === 0) return { kind: 'connecting' };
    const seconds = secondsSince(transport.since);
    return seconds * 1000 >= OFFLINE_AFTER_MS ? { kind: 'offline', seconds } : { kind: 'reconnecting', seconds };
  }
  if (!link) return { kind: 'connecting' };
  const since = Date.parse(link.since);
  const seconds = Number.isNaN(since) ? 0 : secondsSince(since);
  switch (link.state) {
    case 'connected':
      return { kind: 'connected' };
    case 'connecting':
      return { kind: 'reconnecting', seconds };
    case 'offline':
      return { kind: 'offline', seconds };
    case 'unauthorized':
      return { kind: 'unauthorized' };
  }
}

export type AgeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** How long ago, in the largest whole unit: what an "age" column shows. */
export function ageOf(isoTime: string, nowMs: number): { unit: AgeUnit; count: number } {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(isoTime)) / 1000));
  if (seconds < 60) return { unit: 'seconds', count: seconds };
  if (seconds < 3600) return { unit: 'minutes', count: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: 'hours', count: Math.floor(seconds / 3600) };
  return { unit: 'days', count: Math.floor(seconds / 86_400) };
}
