import { describe, expect, it } from 'vitest';
import { CONTROL_RELEASE_AFTER_DETACH_SECONDS, HANDOVER_GRANT_SECONDS, type ControlState } from '../../../shared/wall/control';
import { FakeClock } from '../testing/fakeClock';
import { ControlLocks, type ControlChange } from './controlLocks';

const desk1 = { viewId: 'console-1', desk: '席位 1' };
const desk2 = { viewId: 'console-2', desk: '席位 2' };
const desk3 = { viewId: 'console-3', desk: '席位 3' };

function setup(displays = ['left', 'right']) {
  const clock = new FakeClock();
  const heard: { state: ControlState; change: ControlChange }[] = [];
  const locks = new ControlLocks(displays, { clock, onChange: (state, change) => heard.push({ state, change }) });
  const holderOf = (displayId: string) => locks.state().displays.find((d) => d.displayId === displayId)?.holder?.desk ?? null;
  const requestOf = (displayId: string) => locks.state().displays.find((d) => d.displayId === displayId)?.request ?? null;
  return { clock, heard, locks, holderOf, requestOf };
}

describe('ControlLocks', () => {
  it('starts with every display of the canvas free', () => {
    const { locks } = setup();
    expect(locks.state()).toEqual({
      revision: 0,
      displays: [
        { displayId: 'left', holder: null, request: null },
        { displayId: 'right', holder: null, request: null },
      ],
    });
  });

  it('a console takes free displays; another desk taking one of them is refused naming the holder, and nothing changes', () => {
    const { locks, holderOf, heard, clock } = setup();
    clock.advance(1_000);
    const taken = locks.take(desk1, ['left']);
    expect(taken.displays[0]!.holder).toEqual({ viewId: 'console-1', desk: '席位 1', since: new Date(1_000).toISOString() });
    expect(heard.at(-1)).toEqual({ state: taken, change: { what: 'take', displayIds: ['left'], ...desk1 } });

    const refused = (() => {
      try {
        locks.take(desk2, ['right', 'left']);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ code: 'conflict', field: 'displayIds', message: 'display left is controlled by 席位 1' });
    // All or nothing: the free display was not taken either.
    expect(holderOf('right')).toBeNull();
    expect(locks.state().revision).toBe(1);

    // Taking again what one already holds changes nothing.
    expect(locks.take(desk1, ['left']).revision).toBe(1);
    expect(heard).toHaveLength(1);
  });

  it('refuses an unknown display with not_found and the displays there are', () => {
    const { locks } = setup();
    expect(() => locks.take(desk1, ['middle'])).toThrow(expect.objectContaining({ code: 'not_found', field: 'displayIds', message: expect.stringContaining('left, right') }));
  });

  it('release frees only the caller’s own displays', () => {
    const { locks, holderOf } = setup();
    locks.take(desk1, ['left']);
    locks.take(desk2, ['right']);
    const released = locks.release(desk1, ['left', 'right']);
    expect(released.revision).toBe(3);
    expect(holderOf('left')).toBeNull();
    expect(holderOf('right')).toBe('席位 2');
    expect(locks.release(desk1, ['left']).revision).toBe(3); // nothing held: no change
  });

  it('a request waits for the holder: keep clears it, grant hands the displays over', () => {
    const { locks, holderOf, requestOf, clock, heard } = setup();
    locks.take(desk1, ['left', 'right']);
    clock.advance(5_000);
    locks.request(desk2, ['left', 'right']);
    expect(requestOf('left')).toEqual({ viewId: 'console-2', desk: '席位 2', at: new Date(5_000).toISOString(), grantsAt: new Date(5_000 + HANDOVER_GRANT_SECONDS * 1000).toISOString() });
    expect(heard.at(-1)!.change).toEqual({ what: 'request', displayIds: ['left', 'right'], ...desk2 });

    // Only the holder's answer counts; another desk answering changes nothing.
    expect(locks.answer(desk2, true).revision).toBe(2);
    locks.answer(desk1, false);
    expect(requestOf('left')).toBeNull();
    expect(holderOf('left')).toBe('席位 1');
    expect(heard.at(-1)!.change.what).toBe('keep');
    // The kept request no longer grants itself.
    clock.advance(HANDOVER_GRANT_SECONDS * 1000 + 1);
    expect(holderOf('left')).toBe('席位 1');

    locks.request(desk2, ['right']);
    locks.answer(desk1, true);
    expect(holderOf('right')).toBe('席位 2');
    expect(holderOf('left')).toBe('席位 1');
    expect(requestOf('right')).toBeNull();
    expect(heard.at(-1)!.change).toEqual({ what: 'grant', displayIds: ['right'], ...desk1 });
  });

  it('an unanswered request is granted by itself after HANDOVER_GRANT_SECONDS, not before', () => {
    const { locks, holderOf, clock, heard } = setup();
    locks.take(desk1, ['left']);
    locks.request(desk2, ['left']);
    clock.advance(HANDOVER_GRANT_SECONDS * 1000 - 1);
    expect(holderOf('left')).toBe('席位 1');
    clock.advance(1);
    expect(holderOf('left')).toBe('席位 2');
    expect(heard.at(-1)!.change).toEqual({ what: 'auto-grant', displayIds: ['left'], ...desk2 });
  });

  it('a second desk asking for a display already asked for is refused naming the first; free displays in a request are taken at once', () => {
    const { locks, holderOf } = setup();
    locks.take(desk1, ['left']);
    locks.request(desk2, ['left']);
    expect(() => locks.request(desk3, ['left'])).toThrow(expect.objectContaining({ code: 'conflict', message: 'display left: 席位 2 has already asked for it' }));
    locks.request(desk3, ['right']);
    expect(holderOf('right')).toBe('席位 3');
  });

  it('a holder releasing a display someone asked for hands it to them', () => {
    const { locks, holderOf, requestOf, clock } = setup();
    locks.take(desk1, ['left']);
    locks.request(desk2, ['left']);
    locks.release(desk1, ['left']);
    expect(holderOf('left')).toBe('席位 2');
    expect(requestOf('left')).toBeNull();
    clock.advance(HANDOVER_GRANT_SECONDS * 1000);
    expect(holderOf('left')).toBe('席位 2');
  });

  it('a holder whose view went away keeps its displays for the grace period; a reload keeps them for good', () => {
    const { locks, holderOf, clock } = setup();
    locks.take(desk1, ['left']);
    locks.viewDetached('console-1');
    clock.advance(CONTROL_RELEASE_AFTER_DETACH_SECONDS * 1000 - 1);
    expect(holderOf('left')).toBe('席位 1');
    expect(() => locks.take(desk2, ['left'])).toThrow(expect.objectContaining({ code: 'conflict' }));
    locks.viewReturned('console-1');
    clock.advance(60_000);
    expect(holderOf('left')).toBe('席位 1');
  });

  it('a holder that does not come back loses its displays (to a waiting desk if one asked), and its own requests', () => {
    const { locks, holderOf, requestOf, clock, heard } = setup();
    locks.take(desk1, ['left']);
    locks.take(desk2, ['right']);
    locks.request(desk1, ['right']);
    locks.request(desk3, ['left']);
    locks.viewDetached('console-1');
    clock.advance(CONTROL_RELEASE_AFTER_DETACH_SECONDS * 1000);
    expect(holderOf('left')).toBe('席位 3');
    expect(holderOf('right')).toBe('席位 2');
    expect(requestOf('right')).toBeNull();
    expect(heard.at(-1)!.change).toEqual({ what: 'detach-expired', displayIds: ['left', 'right'], viewId: 'console-1' });
    // Nothing left for the self-grant of desk 1's dropped request to do.
    const revision = locks.state().revision;
    clock.advance(HANDOVER_GRANT_SECONDS * 1000);
    expect(locks.state().revision).toBe(revision);
  });

  it('a canvas change drops displays that went away (with their requests) and adds new ones free', () => {
    const { locks, holderOf, clock, heard } = setup();
    locks.take(desk1, ['left', 'right']);
    locks.request(desk2, ['right']);
    const changed = locks.setDisplays(['left', 'top']);
    expect(changed.displays.map((d) => d.displayId)).toEqual(['left', 'top']);
    expect(holderOf('left')).toBe('席位 1');
    expect(holderOf('top')).toBeNull();
    expect(heard.at(-1)!.change).toEqual({ what: 'displays', displayIds: ['right', 'top'] });
    clock.advance(HANDOVER_GRANT_SECONDS * 1000);
    expect(locks.state().revision).toBe(changed.revision); // the removed display's request is gone with it
    expect(locks.setDisplays(['left', 'top']).revision).toBe(changed.revision);
    // A display coming back comes back free.
    locks.setDisplays(['left', 'top', 'right']);
    expect(holderOf('right')).toBeNull();
  });

  it('every change raises the revision by one', () => {
    const { locks, heard, clock } = setup();
    locks.take(desk1, ['left']);
    locks.request(desk2, ['left']);
    clock.advance(HANDOVER_GRANT_SECONDS * 1000);
    locks.release(desk2, ['left']);
    expect(heard.map((h) => h.state.revision)).toEqual([1, 2, 3, 4]);
    expect(heard.map((h) => h.change.what)).toEqual(['take', 'request', 'auto-grant', 'release']);
  });
});
