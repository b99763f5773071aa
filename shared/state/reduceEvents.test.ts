import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../protocol/events';
import { HubEvent as HubEventSchema } from '../protocol/events';
import { reduceEvents } from './reduceEvents';
import { chainStory, CITY, JIEFANGBEI, storyUpTo, YUZHONG } from './testing/stories';
import { emptyWallState, WallState as WallStateSchema } from './wallState';

const ts = (s: number) => new Date(Date.UTC(2026, 10, 21, 8, 0, s)).toISOString();

const story: HubEvent[] = [
  { seq: 1, ts: ts(0), type: 'incident.reported', incidentId: 'i1', title: '解放碑 人员聚集', kind: 'crowd', board: 'governance', severity: 2, location: [106.577, 29.557], units: ['500000', '500103'] },
  { seq: 2, ts: ts(5), type: 'task.dispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500103' },
  { seq: 3, ts: ts(9), type: 'task.accepted', taskId: 't1', incidentId: 'i1', state: 'accepted', by: 'd500103-duty' },
  { seq: 4, ts: ts(10), type: 'indicator.samples', samples: [{ id: 'ind-1', value: 3.2, at: ts(10) }] },
  { seq: 5, ts: ts(30), type: 'task.redispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'd500103-duty', fromUnit: '500103', toUnit: '500103001' },
  { seq: 6, ts: ts(40), type: 'incident.closed', incidentId: 'i1' },
];

describe('reduceEvents', () => {
  it('folds a story into incidents, tasks and indicators', () => {
    const state = reduceEvents(emptyWallState(), story);
    expect(state.seq).toBe(6);
    expect(state.incidents.i1).toMatchObject({ status: 'closed', taskIds: ['t1'], severity: 2 });
    expect(state.tasks.t1).toMatchObject({ state: 'dispatched', fromUnit: '500103', toUnit: '500103001' });
    expect(state.tasks.t1?.steps.map((s) => s.type)).toEqual(['task.dispatched', 'task.accepted', 'task.redispatched']);
    expect(state.indicators['ind-1']).toEqual({ value: 3.2, at: ts(10) });
  });

  it('gives the same state in one batch or one event at a time, and ignores duplicates', () => {
    const whole = reduceEvents(emptyWallState(), story);
    let stepwise = emptyWallState();
    for (const event of story) stepwise = reduceEvents(reduceEvents(stepwise, [event]), [event]);
    expect(stepwise).toEqual(whole);
  });

  it('starts a task at its redispatch for a unit that never saw the dispatch', () => {
    const street = reduceEvents(emptyWallState(), [story[4]!]);
    expect(street.tasks.t1).toMatchObject({ state: 'dispatched', fromUnit: '500103', toUnit: '500103001' });
    expect(street.tasks.t1?.steps).toHaveLength(1);
  });

  it('leaves the previous state untouched', () => {
    const before = reduceEvents(emptyWallState(), story.slice(0, 3));
    const frozen = structuredClone(before);
    reduceEvents(before, story.slice(3));
    expect(before).toEqual(frozen);
  });

  it('every event of the story is valid on the wire', () => {
    for (const event of story) expect(HubEventSchema.safeParse(event).success).toBe(true);
  });

  it('keeps the unit that first dispatched a task through redispatches, and names the lead of a cooperating task', () => {
    const state = reduceEvents(emptyWallState(), chainStory);
    expect(state.tasks.t1).toMatchObject({ originUnit: CITY, fromUnit: YUZHONG, toUnit: JIEFANGBEI });
    expect(state.tasks.t1?.leadTaskId).toBeUndefined();
    expect(state.tasks.t2).toMatchObject({ originUnit: CITY, leadTaskId: 't1', escalated: true, overdue: ['accept'] });
    expect(state.tasks.t1?.steps.filter((s) => s.fromUnit !== undefined).map((s) => [s.type, s.fromUnit, s.toUnit])).toEqual([
      ['task.dispatched', CITY, YUZHONG],
      ['task.redispatched', YUZHONG, JIEFANGBEI],
    ]);
    expect(state.incidents.i1).toMatchObject({ reportedBy: 'city-duty', closedBy: 'city-duty' });
  });

  it('takes the first sender it saw as the origin of a task met at a redispatch', () => {
    const street = reduceEvents(emptyWallState(), [story[4]!]);
    expect(street.tasks.t1?.originUnit).toBe('500103');
  });

  it('folds the chain story the same in one batch, event by event, or in uneven pushes', () => {
    const whole = reduceEvents(emptyWallState(), chainStory);
    let stepwise = emptyWallState();
    for (const event of chainStory) stepwise = reduceEvents(stepwise, [event]);
    const pushes = reduceEvents(reduceEvents(reduceEvents(emptyWallState(), storyUpTo(3)), chainStory.slice(2, 9)), chainStory);
    expect(stepwise).toEqual(whole);
    expect(pushes).toEqual(whole);
  });

  it('reads a state checkpointed before tasks had an origin, taking the dispatcher as the origin', () => {
    const state = reduceEvents(emptyWallState(), chainStory);
    const { originUnit: _dropped, ...old } = state.tasks.t2!;
    const parsed = WallStateSchema.parse({ ...state, tasks: { ...state.tasks, t2: old } });
    expect(parsed.tasks.t2?.originUnit).toBe(old.fromUnit);
    expect(WallStateSchema.parse(state)).toEqual(state);
  });
});
