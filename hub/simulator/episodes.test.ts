import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { thresholdState } from '../../shared/protocol/indicators';
import { loadIndicators } from '../catalog';
import { loadHierarchy } from '../hierarchy';
import { Simulator } from './simulator';
import { TestHub } from './testHub';
import type { EpisodeName } from './types';

const hierarchy = loadHierarchy();
const SPEED = 60; // one simulated minute per real second

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-06-03T01:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

async function play(name: EpisodeName, staffed: string[] = []) {
  const hub = new TestHub(hierarchy);
  for (const unit of staffed) hub.staffed.add(unit);
  const simulator = new Simulator(hub.ports(), { seed: 3, speed: SPEED, autoEpisodes: false });
  const started = Date.now();
  let finished: number | undefined;
  const done = simulator.runEpisode(name).then(() => { finished = Date.now(); });
  await vi.advanceTimersByTimeAsync(90 * 1000);
  await done;
  simulator.stop();
  const simulatedMinutes = ((finished ?? Infinity) - started) * SPEED / 60_000;
  return { hub, simulatedMinutes };
}

describe('episodes', () => {
  it('street emergency: grid report, verification, three teams, done in about 50 minutes', async () => {
    const { hub, simulatedMinutes } = await play('street-emergency');
    expect(simulatedMinutes).toBeGreaterThan(45);
    expect(simulatedMinutes).toBeLessThan(55);
    const report = hub.events.find((e) => e.type === 'incident.reported');
    expect(report).toMatchObject({ kind: 'pyramid-selling', board: 'governance', severity: 2 });
    const reporter = hub.commands.find((c) => c.cmd.type === 'incident.report')!.asUnit;
    expect(hierarchy.get(reporter)?.level).toBe('grid');
    const dispatched = hub.events.filter((e) => e.type === 'task.dispatched');
    expect(dispatched).toHaveLength(4);
    expect(hub.events.filter((e) => e.type === 'task.evaluated')).toHaveLength(4);
    expect(hub.events.some((e) => e.type === 'task.feedback' && e.text.includes('11名老人'))).toBe(true);
    expect(hub.events.at(-1)?.type).toBe('incident.closed');
    expect(hub.commands.every((c) => c.ack.ok)).toBe(true);
  });

  it('street emergency with a human street centre: the simulator files the report and leaves the rest', async () => {
    const first = await play('street-emergency');
    const street = first.hub.events.find((e) => e.type === 'task.dispatched' && 'fromUnit' in e)!;
    const fromUnit = street.type === 'task.dispatched' ? street.fromUnit : '';
    const { hub } = await play('street-emergency', [fromUnit]);
    expect(hub.events.filter((e) => e.type === 'incident.reported')).toHaveLength(1);
    expect(hub.commands.filter((c) => c.asUnit === fromUnit)).toEqual([]);
    expect(hub.events.some((e) => e.type === 'task.dispatched')).toBe(false);
  });

  it('river fluoride: the section reads 0.11× over target, the district reports and has it fixed', async () => {
    const { hub } = await play('river-fluoride');
    const report = hub.events.find((e) => e.type === 'incident.reported');
    expect(report).toMatchObject({ kind: 'pollution', board: 'ecology' });
    expect(report?.type === 'incident.reported' && report.title).toMatch(/氟化物超标0\.11倍$/);
    const reporter = hub.commands.find((c) => c.cmd.type === 'incident.report')!.asUnit;
    expect(hierarchy.get(reporter)?.level).toBe('district');
    const fluoride = new Map(loadIndicators(1).filter((i) => i.metric === 'fluoride').map((i) => [i.id, i]));
    const peak = Math.max(...hub.samples.flat().filter((s) => fluoride.get(s.id)?.unit === reporter).map((s) => s.value));
    expect(peak).toBeCloseTo(1.11, 2);
    expect(hub.events.some((e) => e.type === 'incident.updated' && e.title?.includes('17家疑似'))).toBe(true);
    expect(hub.events.some((e) => e.type === 'task.evaluated')).toBe(true);
    expect(hub.events.at(-1)?.type).toBe('incident.closed');
  });

  it('rainstorm: rainfall gauges cross their thresholds and flood cases come in', async () => {
    const { hub } = await play('rainstorm-flood');
    const indicators = new Map(loadIndicators(1).map((i) => [i.id, i]));
    const alarming = new Set(hub.samples.flat().filter((s) => {
      const indicator = indicators.get(s.id);
      return indicator?.metric === 'rain-hourly' && thresholdState(s.value, indicator.thresholds) !== 'normal';
    }).map((s) => s.id));
    expect(alarming.size).toBeGreaterThanOrEqual(3);
    const reports = hub.events.filter((e) => e.type === 'incident.reported');
    expect(reports.length).toBeGreaterThanOrEqual(6);
    expect(reports.filter((e) => e.type === 'incident.reported' && (e.kind === 'flood' || e.kind === 'geohazard')).length).toBeGreaterThanOrEqual(4);
    // The flood cases go through the centres' usual dispatch.
    expect(hub.events.filter((e) => e.type === 'task.dispatched').length).toBeGreaterThanOrEqual(4);
  });
});
