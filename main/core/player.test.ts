import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import type { PlayerUpdate } from '../../shared/view/viewChannel';
import type { Recording } from './eventFile';
import { LivePlayer } from './livePlayer';
import { ReplayPlayer } from './replayPlayer';
import { FakeClock } from './testing/fakeClock';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);
const event = (seq: number, atSeconds = seq): HubEvent => ({
  seq,
  ts: new Date(T0 + atSeconds * 1000).toISOString(),
  type: 'indicator.samples',
  samples: [{ id: 'aqi', value: seq, at: new Date(T0 + atSeconds * 1000).toISOString() }],
});

/** A link stand-in: the player only listens for `events`. */
function fakeLink() {
  let listener: (events: HubEvent[]) => void = () => {};
  return {
    on: (_name: 'events', fn: (events: HubEvent[]) => void) => {
      listener = fn;
      return () => {};
    },
    deliver: (events: HubEvent[]) => listener(events),
  };
}

/** A sink that holds each push until released. */
function gatedSink() {
  const updates: PlayerUpdate[] = [];
  const gates: (() => void)[] = [];
  return {
    updates,
    sink: (u: PlayerUpdate) => {
      updates.push(u);
      return new Promise<void>((resolve) => gates.push(resolve));
    },
    release: () => gates.shift()?.(),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LivePlayer', () => {
  it('waits for each push to be applied and batches what arrived meanwhile, capped per push', async () => {
    const link = fakeLink();
    const player = new LivePlayer(link, { maxBatch: 3 });
    const { updates, sink, release } = gatedSink();
    player.start(sink);
    link.deliver([event(1)]);
    link.deliver([event(2), event(3)]);
    link.deliver([event(4), event(5), event(6), event(7)]);
    await settle();
    expect(updates).toHaveLength(1); // the first push is not yet applied: nothing more goes out
    release();
    await settle();
    release();
    await settle();
    release();
    await player.idle();
    expect(updates.map((u) => u.events.map((e) => e.seq))).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
    expect(updates.map((u) => u.pushId)).toEqual([1, 2, 3]);
    expect(player.info().capabilities).toEqual(['live']);
  });
});

describe('ReplayPlayer', () => {
  const events = Array.from({ length: 10 }, (_, i) => event(i + 1, i)); // one per second from T0

  function setup(speed = 10) {
    const clock = new FakeClock();
    const player = new ReplayPlayer(events, { clock, speed, tickMs: 100 });
    const updates: PlayerUpdate[] = [];
    player.start(async (u) => void updates.push(u));
    const seqs = () => updates.flatMap((u) => u.events.map((e) => e.seq));
    return { clock, player, updates, seqs };
  }

  it('plays events in time order at the chosen speed', async () => {
    const { clock, player, seqs, updates } = setup(10);
    await settle();
    expect(updates[0]!.reset).toBeDefined(); // views start from the state at the start time
    expect(seqs()).toEqual([]); // playback starts just before the first event
    clock.advance(400); // ticks every 100 ms: 4 s of replay time
    await settle();
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(player.info()).toMatchObject({ kind: 'replay', capabilities: ['seek', 'speed', 'pause'], speed: 10 });
    clock.advance(1000);
    await player.finished();
    expect(seqs()).toEqual(events.map((e) => e.seq));
    expect(player.info().currentTime).toBe(events.at(-1)!.ts);
  });

  it('pauses, resumes and changes speed without skipping or repeating events', async () => {
    const { clock, player, seqs } = setup(10);
    clock.advance(201); // 2 s at 10×
    player.pause();
    clock.advance(5000);
    await settle();
    expect(seqs()).toEqual([1, 2, 3]);
    player.resume();
    player.setSpeed(60);
    clock.advance(100); // 6 s at 60×
    await settle();
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]); // paused at 2.009 s, +6 s
    expect(player.info().speed).toBe(60);
  });

  it('seeks: a new generation and a reset holding exactly the state up to that time', async () => {
    const { clock, player, updates } = setup(1);
    clock.advance(2000);
    player.seek(new Date(T0 + 7_500).toISOString());
    await settle();
    const reset = updates.at(-1)!;
    expect(reset).toMatchObject({ seekGeneration: 1, events: [] });
    expect(reset.reset!.seq).toBe(8);
    expect(reset.reset!.indicators.aqi!.value).toBe(8);
    clock.advance(1000);
    await settle();
    expect(updates.at(-1)!.events.map((e) => e.seq)).toEqual([9]);
    expect(updates.at(-1)!.seekGeneration).toBe(1);
  });
});

describe('ReplayPlayer over a journal that starts from a snapshot', () => {
  // The wall started at seq 4 (the hub's state then), recorded 5..7, restarted at seq 12 and recorded 13, 14.
  const snapshotAt = (seq: number, value: number): WallState => ({
    ...emptyWallState(),
    seq,
    time: new Date(T0 + seq * 1000).toISOString(),
    indicators: { aqi: { value, at: new Date(T0 + seq * 1000).toISOString() } },
    cameras: { [`cam-${seq}`]: 'online' },
  });
  const recording: Recording = {
    snapshots: [snapshotAt(4, 4), snapshotAt(12, 12)],
    events: [5, 6, 7, 13, 14].map((seq) => event(seq)),
  };

  function setup() {
    const clock = new FakeClock();
    const player = new ReplayPlayer(recording, { clock, speed: 1, tickMs: 100 });
    const updates: PlayerUpdate[] = [];
    let state = emptyWallState();
    player.start(async (u) => {
      updates.push(u);
      state = reduceEvents(u.reset ?? state, u.events);
    });
    return { clock, player, updates, state: () => state };
  }

  it('starts from the first snapshot, plays the events after it, and takes up a later snapshot', async () => {
    const { clock, player, updates, state } = setup();
    await settle();
    expect(updates[0]!.reset).toEqual(recording.snapshots[0]); // not an empty state folded from seq 0
    expect(player.info().currentTime).toBe(recording.snapshots[0]!.time);
    clock.advance(3100);
    await settle();
    expect(updates.flatMap((u) => u.events.map((e) => e.seq))).toEqual([5, 6, 7]);
    expect(state()).toMatchObject({ seq: 7, cameras: { 'cam-4': 'online' } });
    clock.advance(5000); // past seq 12: the wall restarted there, and what it missed is in that snapshot
    await settle();
    expect(state()).toEqual(recording.snapshots[1]);
    clock.advance(2000);
    await player.finished();
    expect(state()).toEqual(reduceEvents(recording.snapshots[1]!, recording.events.slice(3)));
  });

  it('clamps a seek before the first snapshot to it, and seeks across snapshots exactly', async () => {
    const { player, updates } = setup();
    const lastReset = () => updates.filter((u) => u.reset).at(-1);
    player.seek(new Date(T0).toISOString());
    await settle();
    expect(lastReset()).toMatchObject({ seekGeneration: 1, reset: recording.snapshots[0] });
    expect(player.info().currentTime).toBe(recording.snapshots[0]!.time);
    player.seek(new Date(T0 + 13_500).toISOString());
    await settle();
    expect(lastReset()).toMatchObject({ seekGeneration: 2, reset: reduceEvents(recording.snapshots[1]!, [event(13)]) });
    player.seek(new Date(T0 + 6_000).toISOString());
    await settle();
    expect(lastReset()).toMatchObject({ seekGeneration: 3, reset: reduceEvents(recording.snapshots[0]!, [event(5), event(6)]) });
  });
});
