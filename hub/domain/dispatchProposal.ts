// Whom a centre should dispatch an incident to: the routing rule that matches the incident, read
// against the incident's unit chain from the caller's place on it (see dispatchRules.ts). What
// `GET /api/v1/incidents/:id/dispatch-proposal` answers; the duty officer confirms or edits it.
import type { Actor } from '../../shared/domain/taskAuthority';
import { levelDepth, levelOfCode } from '../../shared/domain/units';
import type { DispatchProposal, SlaMinutes } from '../../shared/protocol/dispatch';
import type { UnitRef } from '../../shared/protocol/units';
import { squaredDistance, type Hierarchy } from '../hierarchy';
import type { IncidentRecord } from '../store/records';
import { refuse, type Refusal } from './decision';
import { ruleFor, slaMinutesFor, type DispatchRule, type DispatchRules } from './dispatchRules';

export type ProposalResult = { ok: true; proposal: DispatchProposal } | Refusal;

/** Units picked for a dispatch, codes only. */
export interface Routing {
  lead: string;
  /** The chain's cooperating units, top down, then the neighbours, nearest first. */
  cooperating: string[];
  neighbours: string[];
}

const mayDispatch = (actor: Actor) => actor.roles.some((r) => r === 'duty' || r === 'leader' || r === 'admin');

export function proposeDispatch(rules: DispatchRules, hierarchy: Hierarchy, incident: IncidentRecord, actor: Actor): ProposalResult {
  if (!mayDispatch(actor)) return refuse('forbidden', `role ${actor.roles.join(',')} may not dispatch`);
  const callerAt = incident.units.indexOf(actor.unit);
  if (callerAt < 0) return refuse('forbidden', `incident ${incident.incidentId} is outside the area of unit ${actor.unit}`);
  if (callerAt + 1 >= incident.units.length) {
    return refuse('forbidden', `unit ${actor.unit} has no unit below it on the chain of incident ${incident.incidentId} to dispatch to`);
  }
  if (incident.status === 'closed') return refuse('conflict', `incident ${incident.incidentId} is closed`);
  const rule = ruleFor(rules, incident);
  const routing = routeIncident(rule, hierarchy, incident, callerAt);
  const sla = slaMinutesFor(rules, incident, rule);
  const ref = (code: string): UnitRef => {
    const unit = hierarchy.get(code);
    return { code, level: unit?.level ?? levelOfCode(code), name: unit?.name ?? code };
  };
  const lead = ref(routing.lead);
  const chainHelp = routing.cooperating.filter((code) => !routing.neighbours.includes(code)).map(ref);
  const neighbours = routing.neighbours.map(ref);
  return {
    ok: true,
    proposal: {
      incidentId: incident.incidentId,
      rule: rule.id,
      reason: reasonOf(rule, incident, lead, chainHelp, neighbours, sla),
      lead,
      cooperating: [...chainHelp, ...neighbours],
      sla,
    },
  };
}

/** The lead and cooperating units `rule` picks for a caller at `callerAt` on the incident's chain. */
export function routeIncident(rule: DispatchRule, hierarchy: Hierarchy, incident: Pick<IncidentRecord, 'units' | 'location'>, callerAt: number): Routing {
  const chain = incident.units;
  const next = chain[callerAt + 1]!;
  // A level's unit on the chain, when the chain reaches that deep and it lies below the caller.
  const belowCaller = (depth: number) => (depth > callerAt ? chain[depth] : undefined);
  const lead = rule.lead === 'next' ? next : (belowCaller(levelDepth(rule.lead)) ?? next);
  const leadAt = chain.indexOf(lead);

  const cooperating: string[] = [];
  for (const choice of rule.cooperating ?? []) {
    const code = belowCaller(choice === 'lead+1' ? leadAt + 1 : levelDepth(choice));
    if (code && code !== lead && !cooperating.includes(code)) cooperating.push(code);
  }

  const neighbours: string[] = [];
  const parent = hierarchy.get(lead)?.parent;
  if (rule.neighbours && parent) {
    const taken = new Set([lead, ...cooperating]);
    const nearest = hierarchy
      .children(parent)
      .filter((unit) => !taken.has(unit.code))
      .map((unit) => ({ code: unit.code, distance: squaredDistance(unit.centroid, incident.location) }))
      .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code));
    neighbours.push(...nearest.slice(0, rule.neighbours).map((n) => n.code));
  }
  return { lead, cooperating: [...cooperating, ...neighbours], neighbours };
}

/** "1级事件「下穿道积水」由渝中区牵头处置，七星岗街道协同，相邻的南岸区支援；5分钟内接收，20分钟内到场，1小时内办结。" */
function reasonOf(rule: DispatchRule, incident: IncidentRecord, lead: UnitRef, helpers: UnitRef[], neighbours: UnitRef[], sla: SlaMinutes): string {
  const names = (units: UnitRef[]) => units.map((u) => u.name).join('、');
  return (
    (rule.label ? `${rule.label}：` : '') +
    `${incident.severity}级事件「${incident.title}」由${lead.name}牵头处置` +
    (helpers.length ? `，${names(helpers)}协同` : '') +
    (neighbours.length ? `，相邻的${names(neighbours)}支援` : '') +
    `；${duration(sla.accept)}内接收，${duration(sla.arrive)}内到场，${duration(sla.close)}内办结。`
  );
}

/** Minutes in words: 3秒, 45分钟, 12小时, 90秒. */
export function duration(minutes: number): string {
  if (!Number.isInteger(minutes)) return `${Math.round(minutes * 60)}秒`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60}小时`;
  return `${minutes}分钟`;
}
