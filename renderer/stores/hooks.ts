import { useMemo } from 'react';
import { useWallStore } from './wallStore';
import type { WallStore } from './wallStore';
import { latestIncidents, latestTasks, openIncidentsByBoard, openIncidentsBySeverity, summariseTasks, tasksByState } from './derive';
import type { IncidentQuery } from './derive';

/* Selectors per value, and memoised derivations over them. Indicator values are deliberately
   absent: panels that draw them read `useWallStore.getState()` / `subscribe` outside React. */

export const selectIncidents = (s: WallStore) => s.wall.incidents;
export const selectTasks = (s: WallStore) => s.wall.tasks;
export const selectSeq = (s: WallStore) => s.wall.seq;
export const selectLink = (s: WallStore) => s.link;
export const selectTransport = (s: WallStore) => s.transport;
export const selectOutbox = (s: WallStore) => s.outbox;
export const selectSession = (s: WallStore) => s.session;
export const selectReady = (s: WallStore) => s.ready;
export const selectPlayerKind = (s: WallStore) => s.player?.kind ?? 'live';
export const selectLayout = (s: WallStore) => s.layout;
export const selectControl = (s: WallStore) => s.control;
export const selectThumbnails = (s: WallStore) => s.thumbnails;
export const selectViewId = (s: WallStore) => s.session?.viewId;
export const selectDesk = (s: WallStore) => s.session?.desk ?? null;

export function useOpenIncidentsBySeverity() {
  const incidents = useWallStore(selectIncidents);
  return useMemo(() => openIncidentsBySeverity(incidents), [incidents]);
}

export function useOpenIncidentsByBoard() {
  const incidents = useWallStore(selectIncidents);
  return useMemo(() => openIncidentsByBoard(incidents), [incidents]);
}

export function useLatestIncidents(query: IncidentQuery) {
  const incidents = useWallStore(selectIncidents);
  const { severities, includeClosed, limit } = query;
  return useMemo(() => latestIncidents(incidents, { severities, includeClosed, limit }), [incidents, severities, includeClosed, limit]);
}

export function useTasksByState() {
  const tasks = useWallStore(selectTasks);
  return useMemo(() => tasksByState(tasks), [tasks]);
}

export function useTaskSummary() {
  const tasks = useWallStore(selectTasks);
  return useMemo(() => summariseTasks(tasks), [tasks]);
}

export function useLatestTasks(limit?: number) {
  const tasks = useWallStore(selectTasks);
  return useMemo(() => latestTasks(tasks, limit), [tasks, limit]);
}

/** A unit's name once looked up, else its code. */
export function useUnitName(code: string | undefined): string {
  const name = useWallStore((s) => (code === undefined ? undefined : s.unitNames[code]));
  return name ?? code ?? '';
}
