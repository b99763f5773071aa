import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/taskAuthority';
import type { TaskView } from '../../shared/state/wallState';
import type { OutboxItem } from '../../shared/view/viewChannel';
import { arrivalKey, chainUnitBelow, dispatchedTasks, formatSpan, inboxTasks, latestDispatch, latestTaskCommand, nextDeadline, offeredCommands } from './inboxModel';

const CHAIN = ['500000', '500103', '500103001'];
const street: Actor = { unit: '500103001', roles: ['duty'] };
const district: Actor = { unit: '500103', roles: ['duty'] };
const city: Actor = { unit: '500000', roles: ['leader'] };
const trainer: Actor = { unit: '500000', roles: ['trainer'] };
const community: Actor = { unit: '500103001003', roles: ['duty'] };

function task(taskId: string, fields: Partial<TaskView> = {}): TaskView {
  return {
    taskId,
    incidentId: 'inc-1',
    state: 'dispatched',
    fromUnit: '500103',
    originUnit: '500103',
    toUnit: '500103001',
    dispatchedAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    overdue: [],
    escalated: false,
    steps: [{ seq: 1, ts: '2024-05-01T08:00:00.000Z', type: 'task.dispatched', state: 'dispatched', by: 'd-duty', toUnit: '500103001' }],
    sla: { acceptBy: '2024-05-01T08:10:00.000Z', arriveBy: '2024-05-01T08:45:00.000Z', closeBy: '2024-05-01T11:00:00.000Z' },
    ...fields,
  };
}

const step = (seq: number, type: string, state: TaskView['state'], ts: string, toUnit = '500103001') => ({ seq, ts, type, state, by: 'x', toUnit });

describe('the inbox lists', () => {
  const tasks = {
    old: task('old'),
    newer: task('newer', { dispatchedAt: '2024-05-01T08:05:00.000Z', steps: [step(2, 'task.dispatched', 'dispatched', '2024-05-01T08:05:00.000Z')] }),
    returned: task('returned', { state: 'returned' }),
    closed: task('closed', { state: 'closed' }),
    evaluated: task('evaluated', { state: 'evaluated' }),
    elsewhere: task('elsewhere', { toUnit: '500103002' }),
    // passed down to this street by the district's other street later than both others: newest arrival
    passed: task('passed', {
      fromUnit: '500103002',
      originUnit: '500000',
      dispatchedAt: '2024-05-01T07:00:00.000Z',
      steps: [step(1, 'task.dispatched', 'dispatched', '2024-05-01T07:00:00.000Z', '500103002'), step(3, 'task.redispatched', 'dispatched', '2024-05-01T08:09:00.000Z')],
    }),
  };

  it('shows a unit the open tasks it holds, newest arrival first, leaving returned ones to the dispatcher', () => {
    expect(inboxTasks(tasks, '500103001').map((t) => t.taskId)).toEqual(['passed', 'newer', 'old']);
  });

  it('shows a dispatcher what it sent that still needs it: open, returned, and closed to evaluate', () => {
    expect(dispatchedTasks(tasks, '500103').map((t) => t.taskId).sort()).toEqual(['closed', 'elsewhere', 'newer', 'old', 'returned']);
    expect(dispatchedTasks(tasks, '500000').map((t) => t.taskId)).toEqual(['passed']); // dispatched first by the city
    expect(dispatchedTasks(tasks, '500106')).toEqual([]);
  });

  it('counts a task sent here again as a new arrival', () => {
    const first = arrivalKey(tasks.passed, '500103001');
    const again = { ...tasks.passed, steps: [...tasks.passed.steps, step(9, 'task.redispatched', 'dispatched', '2024-05-01T09:00:00.000Z')] };
    expect(arrivalKey(again, '500103001')).not.toBe(first);
    const accepted = { ...tasks.passed, state: 'accepted' as const, steps: [...tasks.passed.steps, step(9, 'task.accepted', 'accepted', '2024-05-01T09:00:00.000Z')] };
    expect(arrivalKey(accepted, '500103001')).toBe(first);
  });

  it('finds the incident’s own unit below a centre', () => {
    expect(chainUnitBelow(CHAIN, '500000')).toBe('500103');
    expect(chainUnitBelow(CHAIN, '500103')).toBe('500103001');
    expect(chainUnitBelow(CHAIN, '500103001')).toBeNull();
  });
});

describe('the actions offered', () => {
  it('gives the street accept, return, redispatch and escalate on a task dispatched to it', () => {
    expect(offeredCommands(street, task('t'), CHAIN)).toEqual(['task.accept', 'task.return', 'task.redispatch', 'task.escalate']);
    expect(offeredCommands(street, task('t', { state: 'accepted' }), CHAIN)).toEqual(['task.return', 'task.redispatch', 'task.arrive', 'task.escalate']);
    expect(offeredCommands(street, task('t', { state: 'arrived' }), CHAIN)).toEqual(['task.feedback', 'task.escalate']);
    expect(offeredCommands(street, task('t', { state: 'feedback' }), CHAIN)).toEqual(['task.feedback']);
  });

  it('gives the dispatcher (and the units above it) close and evaluate only when the state allows', () => {
    expect(offeredCommands(district, task('t'), CHAIN)).toEqual(['task.redispatch', 'task.escalate']);
    expect(offeredCommands(district, task('t', { state: 'feedback' }), CHAIN)).toEqual(['task.close']);
    expect(offeredCommands(city, task('t', { state: 'feedback' }), CHAIN)).toEqual(['task.close']);
    expect(offeredCommands(city, task('t', { state: 'closed' }), CHAIN)).toEqual(['task.evaluate']);
    expect(offeredCommands(district, task('t', { state: 'returned' }), CHAIN)).toEqual(['task.redispatch', 'task.escalate']);
  });

  it('offers nothing to a unit on neither side, to a role that may not act, or without a session', () => {
    expect(offeredCommands({ unit: '500106', roles: ['duty'] }, task('t', { state: 'feedback' }), CHAIN)).toEqual([]);
    expect(offeredCommands(trainer, task('t', { state: 'feedback' }), CHAIN)).toEqual([]);
    expect(offeredCommands(null, task('t'), CHAIN)).toEqual([]);
  });

  it('offers a community redispatch (grids lie below it), a grid none', () => {
    const atCommunity = task('t', { toUnit: '500103001003', fromUnit: '500103001', originUnit: '500103001' });
    expect(offeredCommands(community, atCommunity, [...CHAIN, '500103001003'])).toContain('task.redispatch');
    const atGrid = task('t', { toUnit: '500103001003001', fromUnit: '500103001003', originUnit: '500103001003' });
    expect(offeredCommands({ unit: '500103001003001', roles: ['duty'] }, atGrid)).not.toContain('task.redispatch');
  });
});

describe('the next deadline', () => {
  const at = (iso: string) => Date.parse(iso);

  it('runs against accept, then arrive, then close, as the steps are done', () => {
    const dispatched = task('t');
    expect(nextDeadline(dispatched, at('2024-05-01T08:04:00.000Z'))).toEqual({ step: 'accept', at: '2024-05-01T08:10:00.000Z', msLeft: 6 * 60_000, overdue: false });
    const accepted = task('t', { state: 'accepted', steps: [...dispatched.steps, step(2, 'task.accepted', 'accepted', '2024-05-01T08:05:00.000Z')] });
    expect(nextDeadline(accepted, at('2024-05-01T08:50:00.000Z'))).toMatchObject({ step: 'arrive', overdue: true, msLeft: -5 * 60_000 });
    const arrived = task('t', { state: 'arrived', steps: [...accepted.steps, step(3, 'task.arrived', 'arrived', '2024-05-01T08:30:00.000Z')] });
    expect(nextDeadline(arrived, at('2024-05-01T09:00:00.000Z'))).toMatchObject({ step: 'close', at: '2024-05-01T11:00:00.000Z', overdue: false });
    expect(nextDeadline(task('t', { state: 'closed' }), 0)).toBeNull();
  });

  it('takes the dispatcher’s close-by when it is earlier, and the hub’s overdue flag', () => {
    const tight = task('t', { state: 'arrived', deadline: '2024-05-01T09:30:00.000Z', steps: [step(1, 'task.accepted', 'accepted', 'x'), step(2, 'task.arrived', 'arrived', 'x')] });
    expect(nextDeadline(tight, at('2024-05-01T09:00:00.000Z'))).toMatchObject({ step: 'close', at: '2024-05-01T09:30:00.000Z' });
    expect(nextDeadline(task('t', { overdue: ['accept'] }), at('2024-05-01T08:00:00.000Z'))).toMatchObject({ step: 'accept', overdue: true });
  });

  it('reads as minutes and seconds, hours when long', () => {
    expect(formatSpan(65_000)).toBe('1:05');
    expect(formatSpan(-3_723_000)).toBe('1:02:03');
  });
});

describe('outbox lookups', () => {
  const item = (id: string, command: OutboxItem['command']): OutboxItem => ({ id, command, status: 'pending', attempts: 0, queuedAt: '2024-05-01T08:00:00.000Z' });
  const outbox = [
    item('a', { id: 'a', type: 'task.dispatch', incidentId: 'inc-1', toUnit: '500103' }),
    item('b', { id: 'b', type: 'task.accept', taskId: 't1' }),
    item('c', { id: 'c', type: 'task.dispatch', incidentId: 'inc-1', toUnit: '500103001' }),
  ];
  it('finds the newest command of an incident’s dispatch and of a task', () => {
    expect(latestDispatch(outbox, 'inc-1')?.id).toBe('c');
    expect(latestDispatch(outbox, 'inc-2')).toBeUndefined();
    expect(latestTaskCommand(outbox, 't1')?.id).toBe('b');
  });
});
