import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../protocol/events';
import { defaultReviewIncidentId, incidentReview, slaVerdict, taskTimeline } from './incidentReview';
import { reduceEvents } from './reduceEvents';
import { at, chainStory, CITY, JIEFANGBEI, storyUpTo, YUBEI, YUBEI_STREET, YUZHONG } from './testing/stories';
import { emptyWallState } from './wallState';

const fold = (events: HubEvent[] = chainStory) => reduceEvents(emptyWallState(), events);
const MIN = 60_000;

describe('incidentReview', () => {
  it('lays out the report, the lead and cooperating dispatches, each transition, the overdue flag and the escalation in order', () => {
    const review = incidentReview(fold(), 'i1')!;
    expect(review.tasks.map((t) => [t.taskId, t.number, t.role])).toEqual([
      ['t1', 1, 'lead'],
      ['t2', 2, 'cooperating'],
    ]);
    expect(review.entries.map((e) => [e.kind, e.type, e.taskNumber ?? null, e.by, e.unit ?? null])).toEqual([
      ['report', 'incident.reported', null, 'city-duty', JIEFANGBEI],
      ['dispatch', 'task.dispatched', 1, 'city-duty', YUZHONG],
      ['dispatch', 'task.dispatched', 2, 'city-duty', YUBEI],
      ['transition', 'task.accepted', 1, 'd500103-duty', YUZHONG],
      ['redispatch', 'task.redispatched', 1, 'd500103-duty', JIEFANGBEI],
      ['transition', 'task.accepted', 1, 's500103003-duty', JIEFANGBEI],
      ['overdue', 'task.overdue', 2, 'system', YUBEI],
      ['escalation', 'task.escalated', 2, 'system', CITY],
      ['redispatch', 'task.redispatched', 2, 'city-duty', YUBEI_STREET],
      ['transition', 'task.accepted', 2, 's500112002-duty', YUBEI_STREET],
      ['transition', 'task.arrived', 1, 's500103003-duty', JIEFANGBEI],
      ['transition', 'task.arrived', 2, 's500112002-duty', YUBEI_STREET],
      ['transition', 'task.feedback', 1, 's500103003-duty', JIEFANGBEI],
      ['transition', 'task.feedback', 2, 's500112002-duty', YUBEI_STREET],
      ['transition', 'task.closed', 1, 'city-duty', JIEFANGBEI],
      ['transition', 'task.closed', 2, 'city-duty', YUBEI_STREET],
      ['close', 'incident.closed', null, 'city-duty', null],
    ]);
    const redispatch = review.entries.find((e) => e.kind === 'redispatch' && e.taskId === 't1')!;
    expect(redispatch).toMatchObject({ fromUnit: YUZHONG, unit: JIEFANGBEI, detail: '就近处置', sinceMs: 3 * MIN });
    expect(review.entries.find((e) => e.kind === 'escalation')).toMatchObject({ fromUnit: YUBEI, unit: CITY, by: 'system', detail: 'accept overdue' });
  });

  it('times each step since the previous step of its task, the first from the report', () => {
    const review = incidentReview(fold(), 'i1')!;
    const t2 = review.entries.filter((e) => e.taskId === 't2').map((e) => [e.type, (e.sinceMs ?? NaN) / MIN]);
    expect(t2).toEqual([
      ['task.dispatched', 2],
      ['task.overdue', 10],
      ['task.escalated', 0],
      ['task.redispatched', 3],
      ['task.accepted', 5],
      ['task.arrived', 20],
      ['task.feedback', 20],
      ['task.closed', 20],
    ]);
  });

  it('judges the first acceptance, arrival and close against the SLA, late by so many minutes', () => {
    const review = incidentReview(fold(), 'i1')!;
    const verdicts = review.entries.filter((e) => e.sla).map((e) => [e.taskNumber, e.type, e.sla!.met, e.sla!.lateMs / MIN]);
    expect(verdicts).toEqual([
      [1, 'task.accepted', true, 0], // 08:05, due 08:12 (the second acceptance, after the redispatch, is not judged again)
      [2, 'task.overdue', false, 0],
      [2, 'task.accepted', false, 8], // 08:20, due 08:12
      [1, 'task.arrived', true, 0],
      [2, 'task.arrived', true, 0],
      [1, 'task.closed', true, 0],
      [2, 'task.closed', true, 0],
    ]);
    expect(review.entries.find((e) => e.kind === 'overdue')).toMatchObject({ overdueStep: 'accept', sla: { dueAt: at(12) } });
    expect(review.totals).toMatchObject({ met: 5, late: 1, overdueTasks: 1, escalatedTasks: 1 });
  });

  it('totals the report to the first dispatch, to the last task closed and to the incident closed', () => {
    expect(incidentReview(fold(), 'i1')!.totals).toMatchObject({ toFirstDispatchMs: 2 * MIN, toAllClosedMs: 80 * MIN, toIncidentClosedMs: 90 * MIN });
    expect(incidentReview(fold(storyUpTo(15)), 'i1')!.totals).toMatchObject({ toFirstDispatchMs: 2 * MIN, toAllClosedMs: null, toIncidentClosedMs: null });
    expect(incidentReview(fold(storyUpTo(1)), 'i1')!.totals).toMatchObject({ toFirstDispatchMs: null, toAllClosedMs: null });
  });

  it('is the same for the live stream and its replay in uneven pushes', () => {
    const live = fold();
    const replay = reduceEvents(reduceEvents(emptyWallState(), storyUpTo(7)), chainStory.slice(5));
    expect(incidentReview(replay, 'i1')).toEqual(incidentReview(live, 'i1'));
  });

  it('knows nothing of an incident it has not seen', () => {
    expect(incidentReview(fold(), 'nope')).toBeNull();
  });
});

describe('taskTimeline', () => {
  it('gives a task met at a redispatch its steps from there, without a role', () => {
    const street = fold([chainStory[4]!, chainStory[5]!]);
    const steps = taskTimeline(street.tasks.t1!);
    expect(steps.map((s) => [s.kind, s.sinceMs ?? null, s.role ?? null])).toEqual([
      ['redispatch', null, null],
      ['transition', 3 * MIN, null],
    ]);
  });
});

describe('slaVerdict', () => {
  it('is met on the deadline and late by the difference after it', () => {
    expect(slaVerdict('accept', at(12), at(12))).toMatchObject({ met: true, lateMs: 0 });
    expect(slaVerdict('close', at(12), at(13, 30))).toMatchObject({ met: false, lateMs: 1.5 * MIN });
  });
});

describe('defaultReviewIncidentId', () => {
  const reported = (seq: number, incidentId: string, severity: number, minute: number): HubEvent => ({
    seq,
    ts: at(minute),
    type: 'incident.reported',
    incidentId,
    title: incidentId,
    kind: 'fire',
    board: 'emergency',
    severity,
    location: [106.5, 29.5],
    units: [CITY],
  });
  const closed = (seq: number, incidentId: string, minute: number): HubEvent => ({ seq, ts: at(minute), type: 'incident.closed', incidentId });

  it('picks the most recently closed severity-1/2 incident, else the latest reported', () => {
    const base = [reported(1, 'a', 1, 0), reported(2, 'b', 2, 1), reported(3, 'c', 4, 2), reported(4, 'd', 3, 3)];
    expect(defaultReviewIncidentId(fold(base).incidents)).toBe('d');
    expect(defaultReviewIncidentId(fold([...base, closed(5, 'b', 10), closed(6, 'a', 12), closed(7, 'c', 14)]).incidents)).toBe('a');
    expect(defaultReviewIncidentId(fold([...base, closed(5, 'a', 10), closed(6, 'b', 12)]).incidents)).toBe('b');
    expect(defaultReviewIncidentId({})).toBeNull();
  });
});
