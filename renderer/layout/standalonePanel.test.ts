import { describe, expect, it } from 'vitest';
import { readStandalonePanel } from './standalonePanel';

const url = (panel: string, settings: unknown) => `?role=wall&panel=${panel}&settings=${encodeURIComponent(JSON.stringify(settings))}`;

describe('readStandalonePanel', () => {
  it('reads a kind and its settings from the URL', () => {
    expect(readStandalonePanel(url('cameras', { grid: 4, cameraIds: ['a'] }))).toEqual({ ok: true, panel: { kind: 'cameras', settings: { grid: 4, cameraIds: ['a'] } } });
  });

  it('is null for an ordinary page, and names what is wrong with a bad one', () => {
    expect(readStandalonePanel('?role=wall&display=1')).toBeNull();
    expect(readStandalonePanel(url('weather', {}))).toEqual({ ok: false, reason: 'panel: unknown kind weather' });
    expect(readStandalonePanel(url('cameras', { grid: 3, cameraIds: [] }))).toMatchObject({ ok: false, reason: expect.stringContaining('grid') });
  });
});
