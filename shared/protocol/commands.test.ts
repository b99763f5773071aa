import { describe, expect, it } from 'vitest';
import { parseAtEdge } from '../validation';
import { Command } from './commands';

const id = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

describe('Command schema', () => {
  it('accepts a dispatch', () => {
    expect(parseAtEdge(Command, { id, type: 'task.dispatch', incidentId: 'i1', toUnit: '500103' }).ok).toBe(true);
  });
  it('names the failing field', () => {
    const parsed = parseAtEdge(Command, { id, type: 'incident.report', title: 'x', kind: 'fire', board: 'facility', severity: 7, location: [106.5, 29.5] });
    expect(parsed).toMatchObject({ ok: false, field: 'severity' });
  });
  it('refuses unknown fields and unknown types', () => {
    expect(parseAtEdge(Command, { id, type: 'task.accept', taskId: 't', extra: 1 }).ok).toBe(false);
    expect(parseAtEdge(Command, { id, type: 'task.explode', taskId: 't' }).ok).toBe(false);
  });
  it('requires a UUID id', () => {
    expect(parseAtEdge(Command, { id: 'nope', type: 'task.accept', taskId: 't' })).toMatchObject({ ok: false, field: 'id' });
  });
});
