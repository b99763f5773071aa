import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOARDS } from '../../shared/protocol/common';
import { loadCameras, loadIndicators } from '../catalog';
import { loadHierarchy } from '../hierarchy';
import { Simulator } from './simulator';
import { TestHub } from './testHub';
import type { SimulatorOptions } from './types';

const hierarchy = loadHierarchy();
const START = new Date('2024-06-03T01:00:00Z'); // 09:00 in Chongqing
const MINUTE = 60_000;

function setup(options: Partial<SimulatorOptions> = {}) {
  const hub = new TestHub(hierarchy);
  const simulator = new Simulator(hub.ports(), { seed: 1, autoEpisodes: false, ...options });
  return { hub, simulator };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Simulator', () => {
  it('issues the same commands for the same seed, and others for another seed', async () => {
    const runs: string[] = [];
    for (const seed of [7, 7, 8]) {
      vi.setSystemTime(START);
      const { hub, simulator } = setup({ seed, speed: 20 });
      simulator.start();
      await vi.advanceTimersByTimeAsync(3 * MINUTE);
      simulator.stop();
      expect(hub.commands.length).toBeGreaterThan(50);
      runs.push(JSON.stringify(hub.commands.map(({ asUnit, cmd }) => [asUnit, cmd])));
    }
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).not.toBe(runs[0]);
  });

  it('files everyday cases over all six boards in a simulated hour, mostly of severity 3–4', async () => {
    const { hub, simulator } = setup({ speed: 10 });
    simulator.start();
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    simulator.stop();
    const reports = hub.commands.flatMap(({ cmd, asUnit }) => (cmd.type === 'incident.report' ? [{ cmd, asUnit }] : []));
    expect(reports.length).toBeGreaterThan(120); // ~3 a minute
    expect(reports.length).toBeLessThan(260);
    expect(new Set(reports.map((r) => r.cmd.board))).toEqual(new Set(BOARDS));
    const mild = reports.filter((r) => r.cmd.severity >= 3).length;
    expect(mild / reports.length).toBeGreaterThan(0.7);
    for (const { cmd, asUnit } of reports) {
      expect(['street', 'grid']).toContain(hierarchy.get(asUnit)?.level);
      expect(cmd.title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(hub.commands.every(({ ack }) => ack.ok)).toBe(true);
    // Unstaffed centres also carry cases through to the end.
    expect(hub.events.some((e) => e.type === 'task.evaluated')).toBe(true);
    expect(hub.events.some((e) => e.type === 'incident.closed')).toBe(true);
  });

  it('publishes a sample of every indicator each second, in batches', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0 });
    simulator.start();
    await vi.advanceTimersByTimeAsync(3000);
    simulator.stop();
    const ids = new Set(loadIndicators(1).map((i) => i.id));
    const perSecond = hub.samples.slice(0, 3).flat();
    expect(new Set(perSecond.map((s) => s.id))).toEqual(ids);
    expect(hub.samples.flat()).toHaveLength(3 * 1500);
    expect(hub.samples.every((batch) => batch.length <= 500)).toBe(true);
    expect(hub.samples.flat().every((s) => Number.isFinite(s.value) && s.at.endsWith('Z'))).toBe(true);
  });

  it('brings back, within ten minutes, the cameras that were offline when it started', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0, offlineAtStart: ['cam-500103-0001', 'cam-500106-0002'] });
    simulator.start();
    await vi.advanceTimersByTimeAsync(50_000);
    expect(hub.cameraStatus.filter((c) => c.status === 'online')).toEqual([]);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    simulator.stop();
    const back = hub.cameraStatus.filter((c) => c.status === 'online').map((c) => c.cameraId);
    expect(back).toEqual(expect.arrayContaining(['cam-500103-0001', 'cam-500106-0002']));
  });

  it('never flaps a camera that is already offline by someone else’s doing', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0 });
    simulator.start();
    for (const camera of loadCameras(1).all()) hub.appendSystem({ type: 'camera.status', cameraId: camera.id, status: 'offline' });
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    simulator.stop();
    expect(hub.cameraStatus).toEqual([]);
  });

  it('flaps cameras now and then, each back online later', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0 });
    simulator.start();
    await vi.advanceTimersByTimeAsync(15 * MINUTE);
    simulator.stop();
    const down = hub.cameraStatus.filter((c) => c.status === 'offline').map((c) => c.cameraId);
    expect(down.length).toBeGreaterThan(10);
    const up = new Set(hub.cameraStatus.filter((c) => c.status === 'online').map((c) => c.cameraId));
    expect(down.filter((id) => up.has(id)).length).toBeGreaterThan(down.length / 3);
  });

  it('plays an unstaffed street: the task a human city dispatched is accepted, reached and reported back', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0, speed: 10 });
    hub.staffed.add('500000');
    simulator.start();
    const location = hierarchy.get('500103001003')!.centroid;
    const report = hub.command('500000', { type: 'incident.report', title: '测试事件', kind: 'fire', board: 'emergency', severity: 2, location });
    const incidentId = report.ok ? report.incidentId! : '';
    const street = hierarchy.locate(location)[2]!;
    const dispatch = hub.command('500000', { type: 'task.dispatch', incidentId, toUnit: street });
    const taskId = dispatch.ok ? dispatch.taskId! : '';

    await vi.advanceTimersByTimeAsync(9 * MINUTE); // 90 simulated minutes
    simulator.stop();
    const steps = hub.taskEvents(taskId).map((e) => e.type);
    expect(steps[0]).toBe('task.dispatched');
    expect(steps[1]).toBe('task.accepted');
    expect(steps.slice(-2)).toEqual(['task.arrived', 'task.feedback']);
    // The human city closes its own task: the simulator does not.
    expect(steps).not.toContain('task.closed');
    const simulated = hub.commands.filter(({ cmd }) => 'taskId' in cmd && cmd.taskId === taskId);
    expect(simulated.every(({ asUnit, ack }) => ack.ok && asUnit.startsWith(street))).toBe(true);
  });

  it('plays every unstaffed unit of a dispatch with cooperating units: each works its own task', async () => {
    const { hub, simulator } = setup({ incidentsPerMinute: 0, speed: 10 });
    hub.staffed.add('500000');
    simulator.start();
    const location = hierarchy.get('500103001003')!.centroid;
    const report = hub.command('500000', { type: 'incident.report', title: '测试事件', kind: 'flood', board: 'emergency', severity: 1, location });
    const incidentId = report.ok ? report.incidentId! : '';
    const [, district, street, community] = hierarchy.locate(location);
    const dispatch = hub.command('500000', { type: 'task.dispatch', incidentId, toUnit: district!, cooperating: [street!, community!] });
    expect(dispatch).toMatchObject({ ok: true, taskIds: [expect.any(String), expect.any(String), expect.any(String)] });
    const taskIds = dispatch.ok ? dispatch.taskIds! : [];

    await vi.advanceTimersByTimeAsync(12 * MINUTE); // 2 simulated hours
    simulator.stop();
    for (const taskId of taskIds) {
      const steps = hub.taskEvents(taskId).map((e) => e.type);
      expect(steps.slice(0, 2), taskId).toEqual(['task.dispatched', 'task.accepted']);
      expect(steps.at(-1), taskId).toBe('task.feedback');
    }
    const cooperatingEvents = taskIds.slice(1).map((taskId) => hub.taskEvents(taskId)[0]);
    expect(cooperatingEvents.every((e) => e?.type === 'task.dispatched' && e.leadTaskId === taskIds[0])).toBe(true);
  });

  it('leaves a staffed unit alone', async () => {
    const { hub, simulator } = setup({ speed: 10 });
    const location = hierarchy.get('500103001003')!.centroid;
    const [, district, street] = hierarchy.locate(location);
    hub.staffed.add('500000').add(district!).add(street!);
    simulator.start();
    const report = hub.command('500000', { type: 'incident.report', title: '测试事件', kind: 'fire', board: 'emergency', severity: 2, location });
    const dispatch = hub.command('500000', { type: 'task.dispatch', incidentId: report.ok ? report.incidentId! : '', toUnit: street! });
    await vi.advanceTimersByTimeAsync(6 * MINUTE); // an hour simulated
    simulator.stop();
    expect(hub.commands.filter((c) => hub.staffed.has(c.asUnit) && c.asUnit !== '500000')).toEqual([]);
    expect(hub.taskEvents(dispatch.ok ? dispatch.taskId! : '').map((e) => e.type)).toEqual(['task.dispatched']);
    expect(hub.commands.length).toBeGreaterThan(100); // the rest of the city carried on
  });
});

describe('Simulator.stop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });

  it('ends an episode under way and issues nothing more', async () => {
    const { hub, simulator } = setup({ speed: 60 });
    const episode = simulator.runEpisode('street-emergency');
    await vi.advanceTimersByTimeAsync(5_000);
    simulator.stop();
    await expect(episode).resolves.toBeUndefined();
    const issued = hub.commands.length;
    expect(issued).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(hub.commands.length).toBe(issued);
    expect(hub.samples.length).toBeLessThanOrEqual(5 * 3);
  });
});
