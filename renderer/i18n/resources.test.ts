import { describe, expect, it } from 'vitest';
import { resources } from './index';

/** Every leaf as [path, text]; keys may contain dots (command types), so paths stay arrays. */
function leaves(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join(' › '), value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}

const zh = new Map(leaves(resources['zh-CN'].translation));
const en = new Map(leaves(resources.en.translation));

describe('i18n resources', () => {
  it('has the same keys in Chinese and English, so no screen falls back mid-sentence', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (text = '') => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of zh) expect(vars(en.get(key)), key).toEqual(vars(text));
  });
});
