import { describe, expect, it } from 'vitest';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import { reported } from '../testing/fakeBridge';
import { ageOf, describeLink, latestIncidents, openIncidentsByBoard, openIncidentsBySeverity, summariseTasks } from './derive';

const state = reduceEvents(emptyWallState(), [
  reported(1, 'a', 1),
  reported(2, 'b', 2),
  reported(3, 'c', 2),
  { seq: 4, ts: '2024-05-01T09:00:00.000+08:00', type: 'incident.closed', incidentId: 'b' },
  {
    seq: 5,
    ts: '2024-05-01T09:00:00.000+08:00',
    type: 'task.dispatched',
    taskId: 't1',
    incidentId: 'a',
    state: 'dispatched',
    by: 'duty01',
    fromUnit: '500000',
    toUnit: '500103',
  },
  { seq: 6, ts: '2024-05-01T09:10:00.000+08:00', type: 'task.overdue', taskId: 't1', incidentId: 'a', state: 'dispatched', by: 'system', step: 'accept', dueAt: '2024-05-01T09:05:00.000+08:00' },
]);

describe('derive', () => {
  it('counts only open incidents, by severity and by board', () => {
    expect(openIncidentsBySeverity(state.incidents)).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0 });
    expect(openIncidentsByBoard(state.incidents).emergency).toBe(2);
  });

  it('lists the newest open incidents first and filters by severity', () => {
    expect(latestIncidents(state.incidents).map((i) => i.incidentId)).toEqual(['c', 'a']);
    expect(latestIncidents(state.incidents, { severities: [1] }).map((i) => i.incidentId)).toEqual(['a']);
    expect(latestIncidents(state.incidents, { includeClosed: true, limit: 2 }).map((i) => i.incidentId)).toEqual(['c', 'b']);
  });

  it('summarises open, overdue and escalated tasks', () => {
    expect(summariseTasks(state.tasks)).toEqual({ open: 1, overdue: 1, escalated: 0 });
  });

  it('says reconnecting, then offline, with seconds since the view socket dropped', () => {
    const dropped = { state: 'closed' as const, since: 1_000, opens: 1 };
    expect(describeLink(null, dropped, 6_000)).toEqual({ kind: 'reconnecting', seconds: 5 });
    expect(describeLink(null, dropped, 21_000)).toEqual({ kind: 'offline', seconds: 20 });
    const hubDown = { state: 'offline' as const, lastSeq: 3, hubUrl: '', since: new Date(10_000).toISOString() };
    expect(describeLink(hubDown, { state: 'open', since: 0, opens: 1 }, 40_000)).toEqual({ kind: 'offline', seconds: 30 });
    expect(describeLink({ ...hubDown, state: 'connected' }, null, 40_000)).toEqual({ kind: 'connected' });
  });

  it('gives ages in the largest whole unit', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(ageOf('2024-05-01T09:59:30Z', now)).toEqual({ unit: 'seconds', count: 30 });
    expect(ageOf('2024-05-01T09:15:00Z', now)).toEqual({ unit: 'minutes', count: 45 });
    expect(ageOf('2024-04-29T10:00:00Z', now)).toEqual({ unit: 'days', count: 2 });
  });
});
