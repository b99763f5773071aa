import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/taskAuthority';
import type { Board } from '../../shared/protocol/common';
import { DispatchProposal } from '../../shared/protocol/dispatch';
import { loadHierarchy, squaredDistance } from '../hierarchy';
import type { IncidentRecord } from '../store/records';
import { duration, proposeDispatch } from './dispatchProposal';
import { DEFAULT_DISPATCH_RULES, DEFAULT_SLA, parseDispatchRules, type DispatchRules } from './dispatchRules';

const hierarchy = loadHierarchy();
const HUAYIPO: [number, number] = [106.569643, 29.553898];
// 重庆市, 渝中区, 七星岗街道, 华一坡社区, 华一坡社区第5网格
const [CITY, DISTRICT, STREET, COMMUNITY, GRID] = hierarchy.locate(HUAYIPO) as [string, string, string, string, string];

const duty = (unit: string): Actor => ({ unit, roles: ['duty'] });
function incident(severity: number, kind = 'fire', board: Board = 'emergency', overrides: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    incidentId: `inc-${severity}-${kind}`,
    title: '居民楼火情',
    kind,
    board,
    severity,
    location: HUAYIPO,
    units: [CITY, DISTRICT, STREET, COMMUNITY, GRID],
    status: 'open',
    reportedBy: 'city-duty',
    reportedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The proposal as codes; checks it against the shared schema first. */
function propose(caller: string, record: IncidentRecord, rules: DispatchRules = DEFAULT_DISPATCH_RULES) {
  const result = proposeDispatch(rules, hierarchy, record, duty(caller));
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  const proposal = DispatchProposal.parse(result.proposal);
  return { ...proposal, leadCode: proposal.lead.code, codes: proposal.cooperating.map((u) => u.code) };
}

describe('dispatch proposals under the default rules', () => {
  it('the city: the district leads; severity 1 brings street, community and grid, 2 the street, 3–4 nobody else', () => {
    expect(hierarchy.get(DISTRICT)!.name).toBe('渝中区');
    const one = propose(CITY, incident(1));
    expect(one).toMatchObject({ rule: 'severity-1', leadCode: DISTRICT, codes: [STREET, COMMUNITY, GRID], sla: DEFAULT_SLA['1'] });
    expect(one.lead).toEqual({ code: DISTRICT, level: 'district', name: '渝中区' });
    expect(one.reason).toBe('1级事件「居民楼火情」由渝中区牵头处置，七星岗街道、华一坡社区、华一坡社区第5网格协同；5分钟内接收，20分钟内到场，1小时内办结。');
    expect(propose(CITY, incident(2))).toMatchObject({ rule: 'severity-2', leadCode: DISTRICT, codes: [STREET], sla: DEFAULT_SLA['2'] });
    expect(propose(CITY, incident(3))).toMatchObject({ rule: 'routine', leadCode: DISTRICT, codes: [], sla: DEFAULT_SLA['3'] });
    const four = propose(CITY, incident(4));
    expect(four).toMatchObject({ rule: 'routine', leadCode: DISTRICT, codes: [], sla: DEFAULT_SLA['4'] });
    expect(four.reason).toBe('4级事件「居民楼火情」由渝中区牵头处置；1小时内接收，4小时内到场，24小时内办结。');
  });

  it('a district: the street leads, with what lies below it', () => {
    expect(propose(DISTRICT, incident(1))).toMatchObject({ leadCode: STREET, codes: [COMMUNITY, GRID] });
    expect(propose(DISTRICT, incident(2))).toMatchObject({ leadCode: STREET, codes: [COMMUNITY] });
    expect(propose(DISTRICT, incident(3))).toMatchObject({ leadCode: STREET, codes: [] });
    expect(propose(DISTRICT, incident(4))).toMatchObject({ leadCode: STREET, codes: [] });
  });

  it('a street: the community leads, the grid helps in severity 1 and 2', () => {
    expect(propose(STREET, incident(1))).toMatchObject({ leadCode: COMMUNITY, codes: [GRID] });
    expect(propose(STREET, incident(2))).toMatchObject({ leadCode: COMMUNITY, codes: [GRID] });
    expect(propose(STREET, incident(3))).toMatchObject({ leadCode: COMMUNITY, codes: [] });
    expect(propose(STREET, incident(4))).toMatchObject({ leadCode: COMMUNITY, codes: [] });
    expect(propose(COMMUNITY, incident(1))).toMatchObject({ leadCode: GRID, codes: [] });
  });

  it('a severe flood also calls the nearest unit of the lead’s level under the same parent', () => {
    const flood = (caller: string) => propose(caller, incident(1, 'flood', 'emergency', { title: '下穿道积水' }));
    const fromCity = flood(CITY);
    expect(fromCity.rule).toBe('disaster-1');
    const nearestDistrict = hierarchy
      .children(CITY)
      .filter((u) => u.code !== DISTRICT)
      .sort((a, b) => squaredDistance(a.centroid, HUAYIPO) - squaredDistance(b.centroid, HUAYIPO))[0]!;
    expect(fromCity.codes).toEqual([STREET, COMMUNITY, GRID, nearestDistrict.code]);
    expect(fromCity.reason).toContain(`，相邻的${nearestDistrict.name}支援`);
    expect(fromCity.reason.startsWith('重大灾害：1级事件「下穿道积水」由渝中区牵头处置')).toBe(true);
    const fromStreet = flood(STREET);
    expect(fromStreet.leadCode).toBe(COMMUNITY);
    expect(fromStreet.codes).toHaveLength(2);
    expect(hierarchy.get(fromStreet.codes[1]!)).toMatchObject({ level: 'community', parent: STREET });
  });
});

describe('dispatch proposals under a rules file', () => {
  const rules = parseDispatchRules(
    JSON.stringify({
      rules: [
        { id: 'gas-street', kinds: ['gas'], lead: 'street', cooperating: ['district', 'community', 'lead+1'], neighbours: 2, sla: { accept: 0.05, arrive: 1.5, close: 90 } },
        { id: 'pollution', boards: ['ecology'], lead: 'grid' },
        { id: 'rest', lead: 'next' },
      ],
    }),
    'test',
  );

  it('a level leads when it lies below the caller; above or at the caller, the next level does', () => {
    const gas = incident(3, 'gas');
    const fromCity = propose(CITY, gas, rules);
    expect(fromCity.leadCode).toBe(STREET);
    // district, community, then lead+1 (the community again: once), then two neighbouring streets
    expect(fromCity.codes.slice(0, 2)).toEqual([DISTRICT, COMMUNITY]);
    expect(fromCity.codes).toHaveLength(4);
    for (const code of fromCity.codes.slice(2)) expect(hierarchy.get(code)).toMatchObject({ level: 'street', parent: DISTRICT });
    expect(fromCity.reason).toContain('3秒内接收，90秒内到场，90分钟内办结');
    // From the street itself, 'street' is not below it: the community leads, the grid (lead+1) helps.
    const fromStreet = propose(STREET, gas, rules);
    expect(fromStreet.leadCode).toBe(COMMUNITY);
    expect(fromStreet.codes.slice(0, 1)).toEqual([GRID]);
    expect(propose(CITY, incident(2, 'pollution', 'ecology'), rules)).toMatchObject({ rule: 'pollution', leadCode: GRID, codes: [] });
  });

  it('a level the chain does not reach falls back to the next one', () => {
    const shortChain = incident(2, 'pollution', 'ecology', { units: [CITY, DISTRICT] });
    expect(propose(CITY, shortChain, rules)).toMatchObject({ leadCode: DISTRICT, codes: [] });
  });
});

describe('who gets no proposal', () => {
  const refusal = (actor: Actor, record = incident(2)) => {
    const result = proposeDispatch(DEFAULT_DISPATCH_RULES, hierarchy, record, actor);
    return result.ok ? 'ok' : `${result.code}: ${result.message}`;
  };

  it('a trainer, a centre outside the incident’s chain, the bottom of the chain', () => {
    expect(refusal({ unit: CITY, roles: ['trainer'] })).toMatch(/^forbidden: role trainer may not dispatch/);
    expect(refusal(duty('500112'))).toMatch(/^forbidden: .*outside the area of unit 500112/);
    expect(refusal(duty(GRID))).toMatch(/^forbidden: .*no unit below it/);
    expect(refusal(duty('500190'), incident(2, 'fire', 'emergency', { units: [CITY, '500190'] }))).toMatch(/^forbidden: .*no unit below it/);
    expect(refusal({ unit: CITY, roles: ['leader'] })).toBe('ok');
  });

  it('a closed incident is a conflict', () => {
    expect(refusal(duty(CITY), incident(2, 'fire', 'emergency', { status: 'closed' }))).toMatch(/^conflict: /);
  });
});

describe('duration', () => {
  it.each([
    [0.05, '3秒'],
    [1.5, '90秒'],
    [45, '45分钟'],
    [90, '90分钟'],
    [120, '2小时'],
    [1440, '24小时'],
  ])('%s minutes → %s', (minutes, words) => expect(duration(minutes)).toBe(words));
});
