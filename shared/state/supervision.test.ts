import { describe, expect, it } from 'vitest';
import { reduceEvents } from './reduceEvents';
import { childOnPath, median, stepDurations, supervisionBoard, tasksOfUnit } from './supervision';
import { chainStory, CITY, JIANGBEI, JIEFANGBEI, storyUpTo, YUBEI, YUBEI_STREET, YUZHONG } from './testing/stories';
import { emptyWallState } from './wallState';

const fold = (events = chainStory) => reduceEvents(emptyWallState(), events);

describe('childOnPath', () => {
  it('finds the child of a unit on the way down to a code, by code length', () => {
    expect(childOnPath(CITY, JIEFANGBEI)).toBe(YUZHONG);
    expect(childOnPath(YUZHONG, '500103003002')).toBe(JIEFANGBEI);
    expect(childOnPath(YUZHONG, YUZHONG)).toBeNull();
    expect(childOnPath(CITY, CITY)).toBeNull();
    expect(childOnPath(YUZHONG, YUBEI_STREET)).toBeNull();
  });
});

describe('stepDurations', () => {
  it('measures each step from entering its state, restarting the wait for acceptance at a redispatch', () => {
    const state = fold();
    // t1: dispatched 08:02, accepted 08:05, redispatched 08:08, accepted 08:11, arrived 08:30, feedback 08:50, closed 09:10.
    expect(stepDurations(state.tasks.t1!)).toEqual({ accept: 3 * 60_000, arrive: 19 * 60_000, feedback: 20 * 60_000, close: 20 * 60_000 });
    // t2: overdue (no state change), escalated 08:12, redispatched 08:15, accepted 08:20.
    expect(stepDurations(state.tasks.t2!)).toEqual({ accept: 5 * 60_000, arrive: 20 * 60_000, feedback: 20 * 60_000, close: 20 * 60_000 });
  });

  it('leaves out the steps a task has not done', () => {
    expect(stepDurations(fold(storyUpTo(6)).tasks.t1!)).toEqual({ accept: 3 * 60_000 });
    expect(stepDurations(fold(storyUpTo(8)).tasks.t2!)).toEqual({});
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('supervisionBoard', () => {
  it('counts open, overdue and escalated tasks per child, with the escalated task at the city’s own level', () => {
    // After the SLA clock escalated t2 to the city (08:12): t1 open with 解放碑 (渝中区), t2 with the city itself.
    const board = supervisionBoard(fold(storyUpTo(8)).tasks, CITY, [YUZHONG, YUBEI, JIANGBEI]);
    expect(board.totals).toMatchObject({ total: 2, open: 2, overdue: 1, escalated: 1 });
    expect(board.rows.map((r) => [r.unit, r.own, r.open, r.overdue, r.escalated])).toEqual([
      [CITY, true, 1, 1, 1],
      [YUZHONG, false, 1, 0, 0],
      [JIANGBEI, false, 0, 0, 0],
      [YUBEI, false, 0, 0, 0],
    ]);
    expect(board.rows[1]!.medians.accept).toBe(3);
    expect(board.rows[1]!.samples).toEqual({ accept: 1, arrive: 0, feedback: 0, close: 0 });
    expect(board.rows[1]!.medians.arrive).toBeNull();
  });

  it('gives the medians of each step over the tasks that did it, and nothing open once all closed', () => {
    const board = supervisionBoard(fold().tasks, CITY);
    expect(board.totals).toMatchObject({ total: 2, open: 0, overdue: 0, escalated: 0, medians: { accept: 4, arrive: 19.5, feedback: 20, close: 20 } });
    expect(board.rows.map((r) => r.unit).sort()).toEqual([YUZHONG, YUBEI]);
  });

  it('follows a redispatch down: the district sees the task in its street', () => {
    const board = supervisionBoard(fold(storyUpTo(6)).tasks, YUZHONG);
    expect(board.totals.open).toBe(1);
    expect(board.rows.map((r) => [r.unit, r.open])).toEqual([[JIEFANGBEI, 1]]);
  });

  it('ignores listed children that are not children of the unit', () => {
    const board = supervisionBoard({}, YUZHONG, [JIEFANGBEI, YUBEI_STREET, '500103003002']);
    expect(board.rows.map((r) => r.unit)).toEqual([JIEFANGBEI]);
  });
});

describe('tasksOfUnit', () => {
  it('lists the tasks behind a count, overdue first, and those at the unit’s own level', () => {
    const tasks = fold(storyUpTo(8)).tasks;
    expect(tasksOfUnit(tasks, CITY, 'open').map((t) => t.taskId)).toEqual(['t2', 't1']);
    expect(tasksOfUnit(tasks, CITY, 'overdue').map((t) => t.taskId)).toEqual(['t2']);
    expect(tasksOfUnit(tasks, CITY, 'escalated', true).map((t) => t.taskId)).toEqual(['t2']);
    expect(tasksOfUnit(tasks, CITY, 'open', true).map((t) => t.taskId)).toEqual(['t2']);
    expect(tasksOfUnit(tasks, YUZHONG, 'open').map((t) => t.taskId)).toEqual(['t1']);
    expect(tasksOfUnit(fold().tasks, CITY, 'open')).toEqual([]);
    expect(tasksOfUnit(fold().tasks, CITY, 'all')).toHaveLength(2);
  });
});
