import { describe, expect, it } from 'vitest';
import type { ControlState } from '../../shared/wall/control';
import { freeDisplays, heldByMe, holdingOf, requestsToMe, secondsUntil } from './controlView';

const holder = (viewId: string, desk: string) => ({ viewId, desk, since: '2024-05-01T08:00:00.000Z' });
const request = (viewId: string, desk: string, grantsAt: string) => ({ viewId, desk, at: '2024-05-01T08:00:00.000Z', grantsAt });

const state: ControlState = {
  revision: 7,
  displays: [
    { displayId: '1', holder: holder('me', '席位 A'), request: request('b', '席位 B', '2024-05-01T08:00:20.000Z') },
    { displayId: '2', holder: holder('me', '席位 A'), request: request('b', '席位 B', '2024-05-01T08:00:15.000Z') },
    { displayId: '3', holder: holder('c', '席位 C'), request: request('me', '席位 A', '2024-05-01T08:00:30.000Z') },
    { displayId: '4', holder: null, request: null },
  ],
};

describe('control from one desk’s side', () => {
  it('tells mine, another desk’s and free displays apart', () => {
    expect(state.displays.map((d) => holdingOf(d, 'me'))).toEqual(['mine', 'mine', 'other', 'free']);
    expect(heldByMe(state, 'me')).toEqual(['1', '2']);
    expect(freeDisplays(state)).toEqual(['4']);
    expect(heldByMe(null, 'me')).toEqual([]);
  });

  it('groups the requests on my displays by desk, with the earliest time one is granted by itself', () => {
    expect(requestsToMe(state, 'me')).toEqual([{ viewId: 'b', desk: '席位 B', displayIds: ['1', '2'], grantsAt: '2024-05-01T08:00:15.000Z' }]);
    // My own request on desk C's display is C's to answer, not mine.
    expect(requestsToMe(state, 'c')).toEqual([{ viewId: 'me', desk: '席位 A', displayIds: ['3'], grantsAt: '2024-05-01T08:00:30.000Z' }]);
  });

  it('counts whole seconds down to a time, never below zero', () => {
    const at = Date.parse('2024-05-01T08:00:15.000Z');
    expect(secondsUntil('2024-05-01T08:00:15.000Z', at - 14_200)).toBe(15);
    expect(secondsUntil('2024-05-01T08:00:15.000Z', at + 3_000)).toBe(0);
  });
});
