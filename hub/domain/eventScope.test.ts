import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { EventScope } from './eventScope';

const catalog = {
  indicatorUnit: (id: string) => ({ 'city.aqi': '500000', 'yz.rain': '500103', 'jb.rain': '500106' })[id],
  cameraUnit: (id: string) => ({ 'cam-yz': '500103001' })[id],
};

const ts = '2026-01-01T00:00:00.000Z';
const reported: HubEvent = {
  seq: 1, ts, type: 'incident.reported', incidentId: 'i1', title: 't', kind: 'flood', board: 'emergency', severity: 2,
  location: [106.57, 29.55], units: ['500000', '500103', '500103001', '500103001003'],
};
const dispatched: HubEvent = {
  seq: 2, ts, type: 'task.dispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500106',
};

function scopeWith(...events: HubEvent[]) {
  const scope = new EventScope(catalog);
  for (const e of events) scope.observe(e);
  return scope;
}

describe('EventScope', () => {
  it('shows an incident to the units on its chain only', () => {
    const scope = scopeWith(reported);
    expect(scope.visibleTo(reported, '500000')).toBe(reported);
    expect(scope.visibleTo(reported, '500103')).toBe(reported);
    expect(scope.visibleTo(reported, '500103001003')).toBe(reported);
    expect(scope.visibleTo(reported, '500106')).toBeNull();
    expect(scope.visibleTo(reported, '500103002')).toBeNull();
  });

  it('shows a task to its incident, its dispatcher and every unit that held it', () => {
    const scope = scopeWith(reported, dispatched);
    expect(scope.visibleTo(dispatched, '500106')).toBe(dispatched); // assignee outside the incident's area
    expect(scope.visibleTo(dispatched, '500103')).toBe(dispatched); // incident's district
    expect(scope.visibleTo(dispatched, '500107')).toBeNull();
    const redispatched: HubEvent = { seq: 3, ts, type: 'task.redispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'x', fromUnit: '500106', toUnit: '500106001' };
    scope.observe(redispatched);
    // the new holder sees the task's earlier events too
    expect(scope.visibleTo(dispatched, '500106001')).toBe(dispatched);
    expect(scope.taskVisibleTo('t1', 'i1', '500106001')).toBe(true);
  });

  it('filters indicator samples per unit and sends each room only its own', () => {
    const samples: HubEvent = {
      seq: 4, ts, type: 'indicator.samples',
      samples: [
        { id: 'city.aqi', value: 1, at: ts },
        { id: 'yz.rain', value: 2, at: ts },
        { id: 'jb.rain', value: 3, at: ts },
      ],
    };
    const scope = scopeWith();
    expect(scope.visibleTo(samples, '500000')).toBe(samples);
    expect(scope.visibleTo(samples, '500103')).toMatchObject({ samples: [{ id: 'yz.rain' }] });
    expect(scope.visibleTo(samples, '500101')).toBeNull();
    const rooms = scope.roomPayloads(samples);
    expect([...rooms.keys()].sort()).toEqual(['unit:500000', 'unit:500103', 'unit:500106']);
    expect(rooms.get('unit:500106')).toMatchObject({ seq: 4, samples: [{ id: 'jb.rain' }] });
  });

  it('fans an event out to the rooms of its anchors\' chains', () => {
    const scope = scopeWith(reported, dispatched);
    expect([...scope.roomPayloads(dispatched).keys()].sort()).toEqual(
      ['unit:500000', 'unit:500103', 'unit:500103001', 'unit:500103001003', 'unit:500106'].sort(),
    );
    const camera: HubEvent = { seq: 5, ts, type: 'camera.status', cameraId: 'cam-yz', status: 'offline' };
    expect([...scope.roomPayloads(camera).keys()]).toEqual(['unit:500000', 'unit:500103', 'unit:500103001']);
    expect(scope.visibleTo(camera, '500106')).toBeNull();
  });
});
