import { describe, expect, it } from 'vitest';
import { authorizeDispatch, authorizeTaskCommand, type Actor, type TaskPosition } from './taskAuthority';
import { legalTaskCommands, nextTaskState } from './taskLifecycle';
import { isInSubtree, levelOfCode } from './units';

const city: Actor = { unit: '500000', roles: ['duty'] };
const cityLeader: Actor = { unit: '500000', roles: ['leader'] };
const yuzhong: Actor = { unit: '500103', roles: ['duty'] };
const jiangbei: Actor = { unit: '500105', roles: ['duty'] };
const street: Actor = { unit: '500103001', roles: ['duty'] };
const trainer: Actor = { unit: '500000', roles: ['trainer'] };

const cityTask = (state: TaskPosition['state'], toUnit = '500103'): TaskPosition => ({ state, fromUnit: '500000', toUnit });

describe('unit codes', () => {
  it('nest by prefix, the city holding every 50 code', () => {
    expect(isInSubtree('500103001003', '500000')).toBe(true);
    expect(isInSubtree('500103001003', '500103')).toBe(true);
    expect(isInSubtree('500105001', '500103')).toBe(false);
    expect(levelOfCode('500000')).toBe('city');
    expect(levelOfCode('500103')).toBe('district');
    expect(levelOfCode('500103001003')).toBe('community');
  });
});

describe('task lifecycle', () => {
  it('runs dispatched → accepted → arrived → feedback → closed → evaluated', () => {
    expect(nextTaskState('dispatched', 'task.accept')).toBe('accepted');
    expect(nextTaskState('accepted', 'task.arrive')).toBe('arrived');
    expect(nextTaskState('arrived', 'task.feedback')).toBe('feedback');
    expect(nextTaskState('feedback', 'task.close')).toBe('closed');
    expect(nextTaskState('closed', 'task.evaluate')).toBe('evaluated');
    expect(legalTaskCommands('evaluated')).toEqual([]);
  });
  it('refuses skipping a step', () => {
    expect(nextTaskState('dispatched', 'task.close')).toBeNull();
    expect(nextTaskState('dispatched', 'task.arrive')).toBeNull();
  });
});

describe('who may move a task', () => {
  it('lets the assignee accept and the dispatcher close', () => {
    expect(authorizeTaskCommand(yuzhong, cityTask('dispatched'), 'task.accept')).toEqual({ ok: true, next: 'accepted' });
    expect(authorizeTaskCommand(cityLeader, cityTask('feedback'), 'task.close')).toEqual({ ok: true, next: 'closed' });
  });
  it('refuses a street closing a city task', () => {
    const verdict = authorizeTaskCommand(street, cityTask('feedback', '500103001'), 'task.close');
    expect(verdict).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('refuses another district accepting', () => {
    expect(authorizeTaskCommand(jiangbei, cityTask('dispatched'), 'task.accept')).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('lets a district redispatch down to its own street but not into another district', () => {
    expect(authorizeTaskCommand(yuzhong, cityTask('accepted'), 'task.redispatch', '500103001')).toEqual({ ok: true, next: 'dispatched' });
    expect(authorizeTaskCommand(yuzhong, cityTask('accepted'), 'task.redispatch', '500105001')).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('reports an illegal transition as a conflict, after authority', () => {
    expect(authorizeTaskCommand(yuzhong, cityTask('closed'), 'task.accept')).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('refuses dispatch across districts and by trainers', () => {
    expect(authorizeDispatch(yuzhong, '500105001')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(authorizeDispatch(trainer, '500103')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(authorizeDispatch(city, '500103')).toMatchObject({ ok: true });
  });
});
