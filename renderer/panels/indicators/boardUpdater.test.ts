import { describe, expect, it } from 'vitest';
import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import type { IndicatorValue } from '../../../shared/state/wallState';
import { BoardUpdater, type TileSink } from './boardUpdater';
import type { SampleRing } from './sampleRing';

const T0 = Date.parse('2024-05-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function indicator(id: string, warn = 80, alarm = 90): Indicator {
  return { id, name: `重庆市 ${id}`, board: 'facility', unit: '500000', thresholds: { warn, alarm, direction: 'above' }, measure: '%' };
}

/** Records writes the way the DOM would end up showing them, and holds frames until run. */
function harness(ids: string[]) {
  const shown = new Map<string, { value?: string; spark?: number[]; sparkState?: ThresholdState; stale?: number | null }>();
  const writes: string[] = [];
  const frames: (() => void)[] = [];
  let now = T0;
  const entry = (id: string) => shown.get(id) ?? shown.set(id, {}).get(id)!;
  const sink: TileSink = {
    writeValue: (id, text) => (writes.push(`value ${id}`), (entry(id).value = text)),
    writeSparkline: (id, ring: SampleRing, state) => ((entry(id).spark = ring.toArray()), (entry(id).sparkState = state)),
    writeStale: (id, seconds) => (writes.push(`stale ${id}`), (entry(id).stale = seconds)),
  };
  const stateChanges: ReadonlyMap<string, ThresholdState>[] = [];
  const attention = () => [...updater.current().attention];
  const updater = new BoardUpdater({
    indicators: ids.map((id) => indicator(id)),
    sink,
    requestFrame: (cb) => frames.push(cb),
    now: () => now,
    onStatesChanged: (snapshot) => stateChanges.push(snapshot.states),
    attentionHoldMs: 30_000,
  });
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { updater, shown, writes, frames, runFrames, stateChanges, attention, advance: (ms: number) => (now += ms), now: () => now };
}

const tick = (entries: Record<string, number>, at: number): Record<string, IndicatorValue> =>
  Object.fromEntries(Object.entries(entries).map(([id, value]) => [id, { value, at: iso(at) }]));

describe('BoardUpdater', () => {
  it('draws each update in one frame, only for tiles on screen', () => {
    const h = harness(['a', 'b', 'c']);
    h.updater.setVisible('a', true);
    h.updater.setVisible('b', true);
    h.runFrames();
    const framesBefore = h.updater.stats.frames;
    h.updater.ingest(tick({ a: 10, b: 20, c: 30 }, T0));
    expect(h.frames).toHaveLength(1);
    h.runFrames();
    expect(h.shown.get('a')?.value).toBe('10.00');
    expect(h.shown.get('b')?.value).toBe('20.00');
    expect(h.shown.get('c')).toBeUndefined();
    expect(h.updater.stats.frames).toBe(framesBefore + 1);
  });

  it('keeps history off screen and draws it when the tile scrolls into view', () => {
    const h = harness(['a']);
    for (let i = 0; i < 3; i++) h.updater.ingest(tick({ a: 50 + i }, T0 + i * 1000));
    expect(h.frames).toHaveLength(0);
    h.updater.setVisible('a', true);
    h.runFrames();
    expect(h.shown.get('a')).toMatchObject({ value: '52.00', spark: [50, 51, 52] });
  });

  it('ignores a repeated map and a repeated sample, so nothing is redrawn for no news', () => {
    const h = harness(['a']);
    h.updater.setVisible('a', true);
    const values = tick({ a: 1 }, T0);
    h.updater.ingest(values);
    h.runFrames();
    h.writes.length = 0;
    h.updater.ingest(values);
    h.updater.ingest({ ...values });
    h.runFrames();
    expect(h.writes).toEqual([]);
    expect(h.updater.stats.samples).toBe(1);
  });

  it('tells React only when a threshold state changes, with a new snapshot', () => {
    const h = harness(['a', 'b']);
    const before = h.updater.states();
    h.updater.ingest(tick({ a: 10, b: 10 }, T0));
    expect(h.stateChanges).toHaveLength(0);
    expect(h.updater.states()).toBe(before);
    h.updater.ingest(tick({ a: 95, b: 11 }, T0 + 1000));
    expect(h.stateChanges).toHaveLength(1);
    expect(h.updater.states().get('a')).toBe('alarm');
    expect(h.updater.states().get('b')).toBe('normal');
    h.updater.ingest(tick({ a: 96, b: 12 }, T0 + 2000));
    expect(h.stateChanges).toHaveLength(1);
  });

  it('flags a tile whose samples stopped, counting up, and clears it when they resume', () => {
    const h = harness(['a', 'b']);
    h.updater.setVisible('a', true);
    h.updater.setVisible('b', true);
    h.updater.ingest(tick({ a: 1, b: 1 }, T0));
    h.runFrames();
    expect(h.shown.get('a')?.stale).toBeNull();
    for (let s = 1; s <= 15; s++) {
      h.advance(1000);
      h.updater.ingest(tick({ b: s }, h.now())); // b keeps coming, a stopped
      h.updater.tickStaleness();
      h.runFrames();
    }
    expect(h.shown.get('a')?.stale).toBe(15);
    expect(h.shown.get('b')?.stale).toBeNull();
    h.updater.ingest(tick({ a: 2, b: 16 }, h.now()));
    h.runFrames();
    expect(h.shown.get('a')?.stale).toBeNull();
  });

  it('keeps a recovered indicator in the attention band for the hold, so a flapping value does not reflow the board', () => {
    const h = harness(['a', 'b']);
    h.updater.ingest(tick({ a: 95, b: 10 }, T0));
    expect(h.attention()).toEqual(['a']);
    h.advance(1000);
    h.updater.ingest(tick({ a: 50, b: 10 }, h.now()));
    expect(h.updater.states().get('a')).toBe('normal');
    expect(h.attention()).toEqual(['a']);
    h.advance(29_000);
    h.updater.tickStaleness();
    expect(h.attention()).toEqual(['a']);
    h.advance(2_000);
    h.updater.tickStaleness();
    expect(h.attention()).toEqual([]);
    expect(h.stateChanges.length).toBe(3); // into alarm, back to normal, out of the band
  });

  it('writes nothing after dispose', () => {
    const h = harness(['a']);
    h.updater.setVisible('a', true);
    h.updater.ingest(tick({ a: 1 }, T0));
    h.updater.dispose();
    h.runFrames();
    expect(h.writes).toEqual([]);
  });
});
