import { describe, expect, it } from 'vitest';
import { ARC_STATES, CAMERA_COLOURS, MARKER_SHAPES, PULSE_HZ, SEVERITY_COLOURS, SEVERITY_SHAPES, SHAPE_PATHS, TASK_STATE_COLOURS, TEAM_COLOUR } from './markerStyle';

// Node reads the CSS (the renderer's types are DOM-only, hence the narrow local type).
const fs = (await import('node:fs' as string)) as { readFileSync(file: URL, encoding: 'utf8'): string };
const tokens = fs.readFileSync(new URL('../../theme/tokens.css', import.meta.url), 'utf8');
const tasksCss = fs.readFileSync(new URL('../../panels/tasks/tasks.css', import.meta.url), 'utf8');

function cssVariable(css: string, name: string): string | undefined {
  return new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1]?.toLowerCase();
}

describe('marker colours are the project’s CSS colours', () => {
  it('severities match tokens.css --sev-1…4', () => {
    for (const severity of [1, 2, 3, 4]) expect(SEVERITY_COLOURS[severity]).toBe(cssVariable(tokens, `--sev-${severity}`));
  });

  it('task states match tasks.css .task-state--*', () => {
    for (const state of ARC_STATES) {
      const rule = new RegExp(`\\.task-state--${state}\\s*\\{\\s*--state:\\s*(#[0-9a-fA-F]{6})`).exec(tasksCss);
      expect(TASK_STATE_COLOURS[state], state).toBe(rule?.[1]?.toLowerCase());
    }
  });

  it('cameras and teams use the accent, faint and ok tokens', () => {
    expect(CAMERA_COLOURS.online).toBe(cssVariable(tokens, '--accent'));
    expect(CAMERA_COLOURS.offline).toBe(cssVariable(tokens, '--text-faint'));
    expect(TEAM_COLOUR).toBe(cssVariable(tokens, '--ok'));
  });

  it('every arc state’s colour is distinct', () => {
    expect(new Set(Object.values(TASK_STATE_COLOURS)).size).toBe(ARC_STATES.length);
  });
});

describe('marker shapes', () => {
  it('gives each severity its own shape, each with a legend path and a shader id', () => {
    const shapes = [1, 2, 3, 4].map((s) => SEVERITY_SHAPES[s]!);
    expect(new Set(shapes).size).toBe(4);
    for (const shape of Object.keys(MARKER_SHAPES) as (keyof typeof MARKER_SHAPES)[]) expect(SHAPE_PATHS[shape]).toMatch(/^M/);
    expect(new Set(Object.values(MARKER_SHAPES)).size).toBe(Object.keys(MARKER_SHAPES).length);
  });

  it('keeps every pulse rate a whole number of cycles in the 10-minute clock wrap', () => {
    for (const hz of Object.values(PULSE_HZ)) expect(Number.isInteger(Math.round(hz * 600 * 1e6) / 1e6)).toBe(true);
  });
});
