import { describe, expect, it } from 'vitest';
import { parseAtEdge } from '../validation';
import { PanelSpecSchema } from './layout';
import { City3dPanelSettings, PANEL_KINDS } from './panels';

describe('the 3D city panel settings', () => {
  it('is a panel kind layouts accept', () => {
    expect(PANEL_KINDS).toContain('city3d');
    expect(PanelSpecSchema.safeParse({ kind: 'city3d', settings: { colorBy: 'incidents' } }).success).toBe(true);
  });

  it('takes the unit shown, the colouring, layers, a focus, a camera view and when it changed', () => {
    const settings = {
      unit: '500103001',
      colorBy: '500103.power-load',
      layers: { buildings: false, cameras: true },
      focusIncidentId: 'inc-1',
      view: { target: [1200.5, -300], distanceM: 2500, headingDeg: 30, pitchDeg: 45 },
      since: '2026-11-21T08:00:00.000Z',
    };
    expect(parseAtEdge(City3dPanelSettings, settings)).toEqual({ ok: true, value: settings });
    expect(parseAtEdge(City3dPanelSettings, { colorBy: 'fluoride' }).ok).toBe(true);
  });

  it('refuses what the scene cannot show, naming the field', () => {
    const refuse = (settings: unknown) => parseAtEdge(City3dPanelSettings, settings);
    expect(refuse({})).toMatchObject({ ok: false, field: 'colorBy' });
    expect(refuse({ colorBy: 'incidents', unit: '500103001003' })).toMatchObject({ ok: false, field: 'unit' });
    expect(refuse({ colorBy: 'Power Load!' })).toMatchObject({ ok: false, field: 'colorBy' });
    expect(refuse({ colorBy: 'incidents', layers: { roads: true } })).toMatchObject({ ok: false, field: 'layers' });
    expect(refuse({ colorBy: 'incidents', view: { target: [0, 0], distanceM: 10, headingDeg: 0, pitchDeg: 45 } })).toMatchObject({ ok: false, field: 'view.distanceM' });
    expect(refuse({ colorBy: 'incidents', view: { target: [0, 0], distanceM: 1000, headingDeg: 0, pitchDeg: 95 } })).toMatchObject({ ok: false, field: 'view.pitchDeg' });
    expect(refuse({ colorBy: 'incidents', since: 'yesterday' })).toMatchObject({ ok: false, field: 'since' });
    expect(refuse({ colorBy: 'incidents', zoom: 3 })).toMatchObject({ ok: false });
  });
});
