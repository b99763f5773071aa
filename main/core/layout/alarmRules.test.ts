import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/protocol/events';
import { reduceEvents } from '../../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../../shared/state/wallState';
import type { PlayerUpdate } from '../../../shared/view/viewChannel';
import { AlarmFocus, DEFAULT_ALARM_RULES, loadAlarmRules, type AlarmRule } from './alarmRules';
import { LayoutService } from './layoutService';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let seq = 0;
function reported(incidentId: string, severity: number, board: 'emergency' | 'ecology' = 'emergency'): HubEvent {
  seq += 1;
  return { seq, ts: '2024-05-01T08:00:00.000Z', type: 'incident.reported', incidentId, title: incidentId, kind: 'fire', board, severity, location: [106.57, 29.55], units: ['500000', '500103', '500103001'] };
}
function closed(incidentId: string): HubEvent {
  seq += 1;
  return { seq, ts: '2024-05-01T08:10:00.000Z', type: 'incident.closed', incidentId };
}

async function harness(rules: AlarmRule[] = DEFAULT_ALARM_RULES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alarm-rules-'));
  dirs.push(dir);
  const layouts = await LayoutService.open({ dir });
  const asked: { location: [number, number]; limit: number }[] = [];
  const alarms = new AlarmFocus({
    rules,
    layouts,
    nearestCameras: async (location, limit) => {
      asked.push({ location, limit });
      return Array.from({ length: limit }, (_, i) => `near-${i + 1}`);
    },
  });
  let state: WallState = emptyWallState();
  let pushId = 0;
  const fold = async (events: HubEvent[], reset?: WallState) => {
    const update: PlayerUpdate = { pushId: pushId++, events, currentTime: '2024-05-01T08:00:00.000Z', speed: 1, seekGeneration: 0, ...(reset ? { reset } : {}) };
    state = reduceEvents(reset ?? state, events);
    alarms.observe(update, state);
    await alarms.idle();
  };
  return { layouts, fold, asked, alarms, wall: () => state };
}

describe('AlarmFocus', () => {
  it('a severity-1 report switches to a focus layout with its nearest cameras, board and tasks; its close reverts', async () => {
    const { layouts, fold, asked } = await harness();
    await layouts.applyPreset('leadership');
    await fold([reported('inc-2', 2), reported('inc-1', 1)]);

    const focus = layouts.state();
    expect(focus).toMatchObject({ mode: 'focus', focusIncidentId: 'inc-1' });
    expect(asked).toEqual([{ location: [106.57, 29.55], limit: 9 }]);
    const panels = Object.fromEntries(focus.layout.cells.map((c) => [c.panel.kind, c.panel.settings]));
    expect(panels.cameras).toEqual({ grid: 9, cameraIds: ['near-1', 'near-2', 'near-3', 'near-4', 'near-5', 'near-6', 'near-7', 'near-8', 'near-9'] });
    expect(panels.indicators).toMatchObject({ board: 'emergency', unit: '500103' });
    expect(panels.tasks).toMatchObject({ incidentId: 'inc-1' });
    expect(panels.incidents).toMatchObject({ focusIncidentId: 'inc-1' });

    await fold([closed('inc-2')]);
    expect(layouts.state().mode).toBe('focus'); // another incident's close changes nothing
    await fold([closed('inc-1')]);
    expect(layouts.state()).toMatchObject({ mode: 'preset', presetId: 'leadership' });
  });

  it('the officer can revert before the incident closes; the close then changes nothing', async () => {
    const { layouts, fold } = await harness();
    await fold([reported('inc-9', 1)]);
    expect(layouts.state().mode).toBe('focus');
    await layouts.revert();
    expect(layouts.state()).toMatchObject({ mode: 'preset', presetId: 'overview' });
    const revision = layouts.state().revision;
    await fold([closed('inc-9')]);
    expect(layouts.state().revision).toBe(revision);
  });

  it('follows configured rules: boards and severities', async () => {
    const { layouts, fold } = await harness([{ id: 'ecology', on: 'incident.reported', maxSeverity: 2, boards: ['ecology'], cameras: 4 }]);
    await fold([reported('e-1', 1, 'emergency')]);
    expect(layouts.state().mode).toBe('preset');
    await fold([reported('e-2', 2, 'ecology')]);
    expect(layouts.state()).toMatchObject({ mode: 'focus', focusIncidentId: 'e-2' });
  });

  it('a seek to before the incident ends its focus', async () => {
    const { layouts, fold } = await harness();
    await fold([reported('inc-s', 1)]);
    await fold([], emptyWallState());
    expect(layouts.state().mode).toBe('preset');
  });

  it('the officer’s focus on an incident is the layout an alarm about it would show, and its close reverts it', async () => {
    const alarm = await harness();
    await alarm.fold([reported('inc-a', 1)]);
    const byAlarm = alarm.layouts.state();

    const { layouts, fold, asked, alarms, wall } = await harness();
    await layouts.applyPreset('daily');
    await fold([reported('inc-a', 3)]);
    expect(layouts.state().mode).toBe('preset'); // no rule for severity 3
    const byOfficer = await alarms.focusIncident(wall().incidents['inc-a']!);
    expect(byOfficer).toMatchObject({ mode: 'focus', focusIncidentId: 'inc-a' });
    expect(byOfficer.layout).toEqual(byAlarm.layout);
    expect(asked.at(-1)).toEqual({ location: [106.57, 29.55], limit: 9 });
    await fold([closed('inc-a')]);
    expect(layouts.state()).toMatchObject({ mode: 'preset', presetId: 'daily' });
  });

  it('loads rules from a file; a bad file falls back to the defaults', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alarm-file-'));
    dirs.push(dir);
    const file = path.join(dir, 'rules.json');
    fs.writeFileSync(file, JSON.stringify([{ id: 'sev2', on: 'incident.reported', maxSeverity: 2 }]));
    expect(await loadAlarmRules(file)).toEqual([{ id: 'sev2', on: 'incident.reported', maxSeverity: 2, cameras: 9 }]);
    fs.writeFileSync(file, JSON.stringify([{ id: 'x', on: 'incident.reported', maxSeverity: 7 }]));
    expect(await loadAlarmRules(file)).toEqual(DEFAULT_ALARM_RULES);
    expect(await loadAlarmRules(path.join(dir, 'missing.json'))).toEqual(DEFAULT_ALARM_RULES);
  });
});
