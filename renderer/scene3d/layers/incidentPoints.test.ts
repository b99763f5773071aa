import { describe, expect, it } from 'vitest';
import { project } from '../../../shared/geo/projection';
import { incidentMarkerPoint, openIncidentsWithin } from './incidentPoints';
import { incidentView } from './testViews';

const incidents = {
  b: incidentView('b', { units: ['500000', '500103', '500103003'] }),
  a: incidentView('a', { units: ['500000', '500112', '500112002'] }),
  closed: incidentView('closed', { status: 'closed', closedAt: '2024-05-01T09:00:00.000Z' }),
  c: incidentView('c', { units: ['500000', '500103'] }),
  cityOnly: incidentView('cityOnly', { units: ['500000'] }),
};

describe('openIncidentsWithin', () => {
  it('marks every open incident for the city, sorted by id, and never a closed one', () => {
    expect(openIncidentsWithin(incidents, '500000').map((i) => i.incidentId)).toEqual(['a', 'b', 'c', 'cityOnly']);
  });

  it('marks a district’s and a street’s own incidents only', () => {
    expect(openIncidentsWithin(incidents, '500103').map((i) => i.incidentId)).toEqual(['b', 'c']);
    expect(openIncidentsWithin(incidents, '500103003').map((i) => i.incidentId)).toEqual(['b']);
    expect(openIncidentsWithin(incidents, '500112002').map((i) => i.incidentId)).toEqual(['a']);
    expect(openIncidentsWithin(incidents, '500105')).toEqual([]);
  });
});

describe('incidentMarkerPoint', () => {
  it('puts the marker at the projected location in the severity’s colour, shape and pulse', () => {
    const [x, z] = project([106.5772, 29.5571]);
    expect(incidentMarkerPoint(incidentView('x', { severity: 1 }))).toEqual({ id: 'x', x, z, colour: '#ff4d4f', shape: 'octagon', pulseHz: 2 });
    expect(incidentMarkerPoint(incidentView('y', { severity: 4 }))).toMatchObject({ colour: '#3d9bff', shape: 'circle', pulseHz: 0 });
  });

  it('pulses faster the graver the incident', () => {
    const rates = [1, 2, 3, 4].map((severity) => incidentMarkerPoint(incidentView('s', { severity })).pulseHz);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(new Set(rates).size).toBe(4);
  });
});
