import { describe, expect, it, vi } from 'vitest';
import { startBuildLoop } from './buildLoop';

/** A fake set: `items` queued, each taking `itemMs` to build. */
function fakeSet(items: number, itemMs: number) {
  const set = {
    pending: items,
    slices: 0,
    buildSome(budgetMs: number): boolean {
      set.slices += 1;
      const started = performance.now();
      let built = false;
      while (set.pending > 0 && (!built || performance.now() - started < budgetMs)) {
        const until = performance.now() + itemMs;
        while (performance.now() < until);
        set.pending -= 1;
        built = true;
      }
      return built;
    },
  };
  return set;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startBuildLoop', () => {
  it('builds in slices, one macrotask each, and asks for one frame when the queue empties', async () => {
    const set = fakeSet(20, 2);
    let frames = 0;
    let idle = 0;
    const loop = startBuildLoop(set, { sliceMs: 5, progressMs: 10_000, onBuilt: () => (frames += 1), onIdle: () => (idle += 1) });
    loop.kick();
    loop.kick();
    expect(set.slices).toBe(0);
    await vi.waitFor(() => expect(idle).toBe(1), { timeout: 5000 });
    expect(set.pending).toBe(0);
    expect(set.slices).toBeGreaterThan(3);
    expect(frames).toBe(1);
    expect(idle).toBe(1);
    loop.stop();
  });

  it('shows progress at most every progressMs while a long build runs', async () => {
    const set = fakeSet(40, 5);
    let frames = 0;
    const loop = startBuildLoop(set, { sliceMs: 10, progressMs: 50, onBuilt: () => (frames += 1) });
    loop.kick();
    await vi.waitFor(() => expect(set.pending).toBe(0), { timeout: 5000 });
    await settle(20);
    // 200 ms of building: a few progress frames and the last one, not one per slice
    expect(frames).toBeGreaterThan(1);
    expect(frames).toBeLessThan(set.slices);
    loop.stop();
  });

  it('does nothing with an empty queue, and stops building when stopped', async () => {
    const empty = fakeSet(0, 1);
    const quiet = startBuildLoop(empty, { sliceMs: 5, progressMs: 10, onBuilt: () => undefined });
    quiet.kick();
    await settle(20);
    expect(empty.slices).toBe(0);
    quiet.stop();

    const set = fakeSet(100, 2);
    const loop = startBuildLoop(set, { sliceMs: 4, progressMs: 10, onBuilt: () => undefined });
    loop.kick();
    await settle(15);
    loop.stop();
    const left = set.pending;
    await settle(50);
    expect(set.pending).toBe(left);
    expect(left).toBeGreaterThan(0);
  });
});
