import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_RULES, DEFAULT_SLA, DispatchRulesFile, parseDispatchRules, readDispatchRules, ruleFor, slaMinutesFor } from './dispatchRules';

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (json: unknown) => parseDispatchRules(JSON.stringify(json), 'rules.json');
const problemOf = (json: unknown): string => {
  try {
    parse(json);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the rules to be refused');
};
const catchAll = { id: 'rest', lead: 'next' };

describe('the rules file', () => {
  it('the defaults are themselves a valid file', () => {
    expect(DispatchRulesFile.safeParse(DEFAULT_DISPATCH_RULES).success).toBe(true);
    expect(DEFAULT_SLA['1']).toEqual({ accept: 5, arrive: 20, close: 60 });
    expect(DEFAULT_SLA['4']).toEqual({ accept: 60, arrive: 240, close: 1440 });
  });

  it('takes what a file leaves out from the defaults', () => {
    expect(parse({})).toEqual(DEFAULT_DISPATCH_RULES);
    const shortSla = { accept: 0.05, arrive: 1, close: 2 };
    const onlySla = parse({ sla: { '1': shortSla, '2': shortSla, '3': shortSla, '4': shortSla } });
    expect(onlySla.rules).toEqual(DEFAULT_DISPATCH_RULES.rules);
    expect(onlySla.sla['3']).toEqual(shortSla);
    const onlyRules = parse({ rules: [{ id: 'fire', kinds: ['fire'], lead: 'street', cooperating: ['lead+1'], neighbours: 2 }, catchAll] });
    expect(onlyRules.sla).toEqual(DEFAULT_SLA);
    expect(onlyRules.rules.map((r) => r.id)).toEqual(['fire', 'rest']);
  });

  it('accepts a BOM and fractional minutes', () => {
    expect(parseDispatchRules('\uFEFF{"rules":[{"id":"drill","lead":"next","sla":{"accept":0.05,"arrive":0.1,"close":0.2}}]}', 'x').rules[0]!.sla!.accept).toBe(0.05);
  });

  it.each([
    ['a lead that is no level', { rules: [{ id: 'a', lead: 'village' }] }, 'rules.0.lead'],
    ['an unknown cooperating level', { rules: [{ id: 'a', lead: 'next', cooperating: ['lead+2'] }] }, 'rules.0.cooperating.0'],
    ['too many neighbours', { rules: [{ id: 'a', lead: 'next', neighbours: 7 }] }, 'rules.0.neighbours'],
    ['an unknown board', { rules: [{ id: 'a', boards: ['weather'], lead: 'next' }, catchAll] }, 'rules.0.boards.0'],
    ['a severity out of range', { rules: [{ id: 'a', severities: [5], lead: 'next' }, catchAll] }, 'rules.0.severities.0'],
    ['an unknown field', { rules: [{ id: 'a', lead: 'next', sla2: {} }] }, 'rules.0'],
    ['a misspelt top-level key', { rule: [] }, '(root)'],
    ['an SLA table without severity 4', { sla: { '1': DEFAULT_SLA['1'], '2': DEFAULT_SLA['2'], '3': DEFAULT_SLA['3'] } }, 'sla.4'],
    ['zero minutes', { rules: [{ id: 'a', lead: 'next', sla: { accept: 0, arrive: 1, close: 2 } }] }, 'rules.0.sla.accept'],
    ['arrive before accept', { sla: { ...DEFAULT_SLA, '2': { accept: 10, arrive: 5, close: 180 } } }, 'sla.2.arrive'],
    ['close before arrive', { rules: [{ id: 'a', lead: 'next', sla: { accept: 1, arrive: 5, close: 4 } }] }, 'rules.0.sla.close'],
    ['a last rule that does not match everything', { rules: [catchAll, { id: 'fire', kinds: ['fire'], lead: 'next' }] }, 'rules.1: the last rule must match every incident'],
    ['a duplicate id', { rules: [{ id: 'a', severities: [1], lead: 'next' }, { id: 'a', lead: 'next' }] }, 'rules.1.id'],
    ['an empty rule list', { rules: [] }, 'rules'],
  ])('refuses %s, naming the file and the field', (_what, json, field) => {
    const message = problemOf(json);
    expect(message).toMatch(/^HUB_DISPATCH_RULES rules\.json: /);
    expect(message).toContain(field);
  });

  it('a last rule listing every board and severity matches everything', () => {
    const all = { id: 'all', boards: ['facility', 'services', 'ecology', 'governance', 'emergency', 'civilisation'], severities: [1, 2, 3, 4], lead: 'next' };
    expect(parse({ rules: [all] }).rules).toHaveLength(1);
  });

  it('names the file when it is not JSON or cannot be read', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"rules": [');
    expect(() => readDispatchRules(bad)).toThrow(`HUB_DISPATCH_RULES ${bad}: not valid JSON`);
    expect(() => readDispatchRules(path.join(dir, 'missing.json'))).toThrow(/HUB_DISPATCH_RULES .*missing\.json: cannot read it/);
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ rules: [catchAll] }));
    expect(readDispatchRules(good).rules).toEqual([catchAll]);
  });
});

describe('matching', () => {
  const rules = parse({
    sla: DEFAULT_SLA,
    rules: [
      { id: 'fire-1', kinds: ['fire', 'gas'], severities: [1], lead: 'street', sla: { accept: 2, arrive: 10, close: 30 } },
      { id: 'ecology', boards: ['ecology'], lead: 'next', cooperating: ['lead+1'] },
      catchAll,
    ],
  });

  it('tries the rules in order; the first whose kinds, boards and severities all contain the incident’s wins', () => {
    expect(ruleFor(rules, { kind: 'fire', board: 'emergency', severity: 1 }).id).toBe('fire-1');
    expect(ruleFor(rules, { kind: 'fire', board: 'emergency', severity: 2 }).id).toBe('rest');
    expect(ruleFor(rules, { kind: 'pollution', board: 'ecology', severity: 1 }).id).toBe('ecology');
    expect(ruleFor(rules, { kind: 'noise', board: 'civilisation', severity: 4 }).id).toBe('rest');
  });

  it('takes the rule’s SLA, else the severity’s', () => {
    expect(slaMinutesFor(rules, { kind: 'gas', board: 'emergency', severity: 1 })).toEqual({ accept: 2, arrive: 10, close: 30 });
    expect(slaMinutesFor(rules, { kind: 'gas', board: 'emergency', severity: 3 })).toEqual(DEFAULT_SLA['3']);
  });

  it('the defaults: disasters of severity 1 call a neighbour, other severity 1 take the whole chain, 2 the level below the lead', () => {
    const d = DEFAULT_DISPATCH_RULES;
    expect(ruleFor(d, { kind: 'flood', board: 'emergency', severity: 1 })).toMatchObject({ id: 'disaster-1', neighbours: 1 });
    expect(ruleFor(d, { kind: 'fire', board: 'emergency', severity: 1 })).toMatchObject({ id: 'severity-1', cooperating: ['street', 'community', 'grid'] });
    expect(ruleFor(d, { kind: 'flood', board: 'emergency', severity: 2 })).toMatchObject({ id: 'severity-2', cooperating: ['lead+1'] });
    expect(ruleFor(d, { kind: 'noise', board: 'ecology', severity: 3 }).id).toBe('routine');
    expect(d.rules.every((r) => r.lead === 'next')).toBe(true);
  });
});
