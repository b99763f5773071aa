import { describe, expect, it } from 'vitest';
import { matchSamples, spread, spreads, type CommandRow, type DispatchedTask } from './dispatchSamples';

const row = (id: string, seen: number, settled: number | null, status = 'acknowledged'): CommandRow => ({ id, seen, status, settled });
const task = (taskId: string, incidentId: string, hubAt: number, arrivedAt: number, leadTaskId?: string): DispatchedTask => ({ taskId, incidentId, hubAt, arrivedAt, ...(leadTaskId ? { leadTaskId } : {}) });

describe('matchSamples', () => {
  it('pairs each click with its outbox row and its dispatch, and times every step', () => {
    const clicks = [
      { incidentId: 'A', at: 1000 },
      { incidentId: 'B', at: 1300 },
    ];
    const rows = [row('c-old', 500, 520), row('c1', 1002, 1040), row('c2', 1303, 1350)];
    const tasks = [task('t-old', 'A', 510, 515), task('t1', 'A', 1020, 1025), task('t2', 'B', 1320, 1330)];
    const shown = { 't-old': { inserted: 0, frame: 0 }, t1: { inserted: 1060, frame: 1070 }, t2: { inserted: 1390, frame: null } };
    const samples = matchSamples(clicks, tasks, rows, shown);
    expect(samples).toEqual([
      { incidentId: 'A', clickedAt: 1000, commandId: 'c1', ackAt: 1040, rejected: false, taskIds: ['t1'], hubAt: 1020, socketAt: 1025, shownAt: 1070 },
      { incidentId: 'B', clickedAt: 1300, commandId: 'c2', ackAt: 1350, rejected: false, taskIds: ['t2'], hubAt: 1320, socketAt: 1330, shownAt: 1390 },
    ]);
    expect(spreads(samples).clickToShown).toMatchObject({ samples: 2, lost: 0, p50: 70, max: 90 });
  });

  it('takes a dispatch with cooperating units as one, shown when its first task shows', () => {
    const tasks = [task('lead', 'A', 1020, 1025), task('coop', 'A', 1020, 1026, 'lead')];
    const [sample] = matchSamples([{ incidentId: 'A', at: 1000 }], tasks, [row('c1', 1001, 1030)], { coop: { inserted: 1050, frame: 1055 }, lead: { inserted: 1080, frame: 1090 } });
    expect(sample).toMatchObject({ taskIds: ['lead', 'coop'], shownAt: 1055 });
  });

  it('leaves a click without a dispatch unmatched rather than taking the next click’s', () => {
    const clicks = [
      { incidentId: 'A', at: 1000 },
      { incidentId: 'A', at: 4000 },
    ];
    const samples = matchSamples(clicks, [task('t2', 'A', 4020, 4025)], [row('c1', 1001, 1030, 'rejected'), row('c2', 4001, 4040)], { t2: { inserted: 4060, frame: 4070 } });
    expect(samples[0]).toMatchObject({ commandId: 'c1', rejected: true, ackAt: null, taskIds: [], shownAt: null });
    expect(samples[1]).toMatchObject({ commandId: 'c2', taskIds: ['t2'], shownAt: 4070 });
    expect(spreads(samples).clickToShown).toMatchObject({ samples: 2, lost: 1 });
  });
});

describe('spread', () => {
  it('gives nearest-rank percentiles of what arrived and counts what did not', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => i + 1), null];
    expect(spread(values)).toEqual({ samples: 100, lost: 1, p50: 50, p90: 90, p99: 99, max: 99 });
    expect(spread([])).toEqual({ samples: 0, lost: 0, p50: null, p90: null, p99: null, max: null });
  });
});
