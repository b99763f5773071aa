import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../protocol/events';
import { ALARM_HOLD_MS, overdueAlarms, standingAlarm } from './overdueAlarms';
import { reduceEvents } from './reduceEvents';
import { at, chainStory, CITY, JIEFANGBEI, storyUpTo, YUBEI, YUZHONG } from './testing/stories';
import { emptyWallState } from './wallState';

const fold = (events: HubEvent[]) => reduceEvents(emptyWallState(), events);
const ms = (iso: string) => Date.parse(iso);

describe('overdueAlarms', () => {
  it('raises the alarm on the dispatching city’s wall when the SLA clock flags and escalates its task', () => {
    const tasks = fold(storyUpTo(8)).tasks;
    expect(overdueAlarms(tasks, CITY, ms(at(13)))).toEqual([{ key: 't2:8', taskId: 't2', incidentId: 'i1', overdueStep: 'accept', unit: YUBEI, escalatedTo: CITY, raisedAt: at(12) }]);
  });

  it('stands through the redispatch that follows and clears once the task is accepted', () => {
    expect(overdueAlarms(fold(storyUpTo(9)).tasks, CITY, ms(at(16)))).toHaveLength(1);
    expect(overdueAlarms(fold(storyUpTo(10)).tasks, CITY, ms(at(16)))).toEqual([]);
  });

  it('clears after the hold time of player time', () => {
    const tasks = fold(storyUpTo(9)).tasks;
    expect(overdueAlarms(tasks, CITY, ms(at(12)) + ALARM_HOLD_MS - 1)).toHaveLength(1);
    expect(overdueAlarms(tasks, CITY, ms(at(12)) + ALARM_HOLD_MS)).toEqual([]);
  });

  it('belongs to the wall of the unit that dispatched, not to those the task passed through or to units above', () => {
    const tasks = fold(storyUpTo(8)).tasks;
    expect(overdueAlarms(tasks, YUBEI, ms(at(13)))).toEqual([]);
    expect(overdueAlarms(tasks, YUZHONG, ms(at(13)))).toEqual([]);
  });

  it('raises a district’s alarm for the task it dispatched to a street, unescalated for a late close', () => {
    const events: HubEvent[] = [
      { seq: 1, ts: at(0), type: 'task.dispatched', taskId: 'd1', incidentId: 'i9', state: 'dispatched', by: 'd-duty', fromUnit: YUZHONG, toUnit: JIEFANGBEI, sla: { acceptBy: at(5), arriveBy: at(20), closeBy: at(60) } },
      { seq: 2, ts: at(1), type: 'task.accepted', taskId: 'd1', incidentId: 'i9', state: 'accepted', by: 's-duty', toUnit: JIEFANGBEI },
      { seq: 3, ts: at(2), type: 'task.arrived', taskId: 'd1', incidentId: 'i9', state: 'arrived', by: 's-duty', toUnit: JIEFANGBEI },
      { seq: 4, ts: at(3), type: 'task.feedback', taskId: 'd1', incidentId: 'i9', state: 'feedback', by: 's-duty', toUnit: JIEFANGBEI, text: '处理中' },
      { seq: 5, ts: at(60), type: 'task.overdue', taskId: 'd1', incidentId: 'i9', state: 'feedback', by: 'system', toUnit: JIEFANGBEI, step: 'close', dueAt: at(60) },
      { seq: 6, ts: at(61), type: 'task.feedback', taskId: 'd1', incidentId: 'i9', state: 'feedback', by: 's-duty', toUnit: JIEFANGBEI, text: '仍在处理' },
    ];
    expect(overdueAlarms(fold(events).tasks, YUZHONG, ms(at(62)))).toEqual([{ key: 'd1:5', taskId: 'd1', incidentId: 'i9', overdueStep: 'close', unit: JIEFANGBEI, raisedAt: at(60) }]);
    const closed: HubEvent = { seq: 7, ts: at(62), type: 'task.closed', taskId: 'd1', incidentId: 'i9', state: 'closed', by: 'd-duty', toUnit: JIEFANGBEI };
    expect(overdueAlarms(fold([...events, closed]).tasks, YUZHONG, ms(at(62)))).toEqual([]);
  });

  it('names the unit that held the task when an overdue flag carries no toUnit (optional on the wire)', () => {
    const events: HubEvent[] = [
      { seq: 1, ts: at(0), type: 'task.dispatched', taskId: 'd2', incidentId: 'i9', state: 'dispatched', by: 'c-duty', fromUnit: CITY, toUnit: YUZHONG },
      { seq: 2, ts: at(6), type: 'task.overdue', taskId: 'd2', incidentId: 'i9', state: 'dispatched', by: 'system', step: 'accept', dueAt: at(5) },
    ];
    expect(overdueAlarms(fold(events).tasks, CITY, ms(at(7)))).toMatchObject([{ taskId: 'd2', overdueStep: 'accept', unit: YUZHONG }]);
  });

  it('raises the alarm again, with a new key, when a later step falls overdue', () => {
    const second: HubEvent = { seq: 20, ts: at(47), type: 'task.overdue', taskId: 't2', incidentId: 'i1', state: 'accepted', by: 'system', toUnit: '500112002', step: 'arrive', dueAt: at(47) };
    const alarm = standingAlarm(fold([...storyUpTo(10), second]).tasks.t2!);
    expect(alarm).toMatchObject({ key: 't2:20', overdueStep: 'arrive', unit: '500112002' });
    expect(alarm?.escalatedTo).toBeUndefined();
  });

  it('is the same for the live stream and a replay', () => {
    const live = fold(storyUpTo(9));
    const replay = reduceEvents(fold(storyUpTo(4)), chainStory.slice(3, 9));
    expect(overdueAlarms(replay.tasks, CITY, ms(at(14)))).toEqual(overdueAlarms(live.tasks, CITY, ms(at(14))));
  });
});
