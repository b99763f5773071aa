// Routing rules: whom a centre dispatches an incident to (a lead unit and cooperating units) and
// the SLA its tasks run under, by the incident's kind, board and severity. The hub loads them
// once at start, from the JSON file named by HUB_DISPATCH_RULES or the defaults below; the
// dispatch proposal reads the routing, every `task.dispatch` reads the SLA.
//
// File format (every key optional; what is left out takes the default):
//   {
//     "sla":   { "1": {accept, arrive, close}, "2": …, "3": …, "4": … },   minutes, by severity
//     "rules": [ { id, label?, kinds?, boards?, severities?, lead, cooperating?, neighbours?, sla? } ]
//   }
// A rule matches an incident when each of kinds/boards/severities it gives contains the
// incident's; rules are tried in order and the first match wins, so the last must match every
// incident. Units are picked from the incident's unit chain (city, district, street, community,
// grid) relative to the caller:
//   lead         'next' = the chain's unit one level below the caller; a level = the chain's unit
//                at that level, or 'next' when that unit is not strictly below the caller.
//   cooperating  levels of the chain ('lead+1' = one level below the lead) whose units are
//                strictly below the caller and are not the lead.
//   neighbours   that many more units of the lead's level under the lead's parent, nearest the
//                incident (by centroid), also cooperating.
//   sla          this rule's minutes instead of the severity's.
// Minutes may be fractional (0.05 = 3 s) so drills and tests can run short deadlines.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BOARDS, Board, Severity } from '../../shared/protocol/common';
import { SlaMinutes } from '../../shared/protocol/dispatch';
import { UNIT_LEVELS } from '../../shared/protocol/units';

/** The environment variable naming the rules file; load errors start with it. */
export const DISPATCH_RULES_ENV = 'HUB_DISPATCH_RULES';
/** Problems listed in one error message; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 10;

/** `next`: one level below the caller; or a level of the incident's chain. */
export const LeadChoice = z.enum(['next', ...UNIT_LEVELS]);
export type LeadChoice = z.infer<typeof LeadChoice>;
/** A level of the incident's chain, or `lead+1`: the chain's unit one level below the lead. */
export const CooperatingChoice = z.enum(['lead+1', ...UNIT_LEVELS]);
export type CooperatingChoice = z.infer<typeof CooperatingChoice>;

export const DispatchRule = z.strictObject({
  /** Named in proposals (`rule`) and in error messages. */
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (1 to 64)'),
  /** A few words put before the proposal's reason (e.g. "重大灾害"). */
  label: z.string().min(1).max(40).optional(),
  kinds: z.array(z.string().min(1).max(64)).min(1).optional(),
  boards: z.array(Board).min(1).optional(),
  severities: z.array(Severity).min(1).optional(),
  lead: LeadChoice,
  cooperating: z.array(CooperatingChoice).max(5).optional(),
  neighbours: z.number().int().min(0).max(6).optional(),
  sla: SlaMinutes.optional(),
});
export type DispatchRule = z.infer<typeof DispatchRule>;

const SEVERITY_KEYS = ['1', '2', '3', '4'] as const;
export const SlaTable = z.strictObject({ '1': SlaMinutes, '2': SlaMinutes, '3': SlaMinutes, '4': SlaMinutes });
export type SlaTable = z.infer<typeof SlaTable>;

export interface DispatchRules {
  sla: SlaTable;
  rules: DispatchRule[];
}

export const DEFAULT_SLA: SlaTable = {
  '1': { accept: 5, arrive: 20, close: 60 },
  '2': { accept: 10, arrive: 45, close: 180 },
  '3': { accept: 30, arrive: 120, close: 720 },
  '4': { accept: 60, arrive: 240, close: 1440 },
};

/**
 * After FIELD.md: a severity-1 case brings in every level down to the grid (the 50-minute street
 * emergency: community staff, the street squad, grid workers); a severe flood or geological
 * hazard also calls the nearest neighbouring unit for help (rainstorms do not stop at a
 * boundary); severity 2 takes the lead and the level below it; routine cases go one level down.
 * From the city console the lead is always the incident's district.
 */
export const DEFAULT_RULES: DispatchRule[] = [
  { id: 'disaster-1', label: '重大灾害', kinds: ['flood', 'geohazard'], severities: [1], lead: 'next', cooperating: ['street', 'community', 'grid'], neighbours: 1 },
  { id: 'severity-1', severities: [1], lead: 'next', cooperating: ['street', 'community', 'grid'] },
  { id: 'severity-2', severities: [2], lead: 'next', cooperating: ['lead+1'] },
  { id: 'routine', lead: 'next' },
];

export const DEFAULT_DISPATCH_RULES: DispatchRules = { sla: DEFAULT_SLA, rules: DEFAULT_RULES };

/** Deadlines in order: a later step may not be due before an earlier one. */
function checkOrder(sla: SlaMinutes, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (sla.arrive < sla.accept) ctx.addIssue({ code: 'custom', path: [...path, 'arrive'], message: `must not be less than accept (${sla.accept})` });
  if (sla.close < sla.arrive) ctx.addIssue({ code: 'custom', path: [...path, 'close'], message: `must not be less than arrive (${sla.arrive})` });
}

/** Matches every incident: no kinds, and boards and severities absent or complete. */
function matchesEverything(rule: DispatchRule): boolean {
  return (
    rule.kinds === undefined &&
    (rule.boards === undefined || BOARDS.every((b) => rule.boards!.includes(b))) &&
    (rule.severities === undefined || [1, 2, 3, 4].every((s) => rule.severities!.includes(s)))
  );
}

export const DispatchRulesFile = z
  .strictObject({
    sla: SlaTable.optional(),
    rules: z.array(DispatchRule).min(1).max(200).optional(),
  })
  .superRefine((file, ctx) => {
    if (file.sla) for (const key of SEVERITY_KEYS) checkOrder(file.sla[key], ['sla', key], ctx);
    const rules = file.rules ?? [];
    const firstIndexOf = new Map<string, number>();
    rules.forEach((rule, index) => {
      if (rule.sla) checkOrder(rule.sla, ['rules', index, 'sla'], ctx);
      const earlier = firstIndexOf.get(rule.id);
      if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `"${rule.id}" is already the id of rules.${earlier}` });
      else firstIndexOf.set(rule.id, index);
    });
    const last = rules.at(-1);
    if (last && !matchesEverything(last)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', rules.length - 1],
        message: 'the last rule must match every incident: leave out kinds, and boards and severities (or list them all)',
      });
    }
  });
export type DispatchRulesFile = z.infer<typeof DispatchRulesFile>;

/** The rules a file's text describes (left-out parts from the defaults), or an Error naming each bad field. */
export function parseDispatchRules(text: string, label: string): DispatchRules {
  const fail = (problems: string[]): never => {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length > shown.length ? `\n  (and ${problems.length - shown.length} more)` : '';
    throw new Error(`${DISPATCH_RULES_ENV} ${label}: ${shown.join('\n  ')}${more}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([`not valid JSON (${(error as Error).message})`]);
  }
  const parsed = DispatchRulesFile.safeParse(json);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`));
  }
  return { sla: parsed.data.sla ?? DEFAULT_SLA, rules: parsed.data.rules ?? DEFAULT_RULES };
}

/** Reads and validates a rules file; throws an Error naming the file and every bad field. */
export function readDispatchRules(filePath: string): DispatchRules {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new Error(`${DISPATCH_RULES_ENV} ${filePath}: cannot read it (${(error as Error).message})`);
  }
  return parseDispatchRules(text, filePath);
}

/** What a rule looks at. */
export interface RoutedIncident {
  kind: string;
  board: Board;
  severity: number;
}

/** The first rule matching the incident (the last one matches everything). */
export function ruleFor(rules: DispatchRules, incident: RoutedIncident): DispatchRule {
  const match = rules.rules.find(
    (rule) =>
      (!rule.kinds || rule.kinds.includes(incident.kind)) &&
      (!rule.boards || rule.boards.includes(incident.board)) &&
      (!rule.severities || rule.severities.includes(incident.severity)),
  );
  return match ?? rules.rules.at(-1)!;
}

/** The minutes a task for this incident runs under: its rule's own, else its severity's. */
export function slaMinutesFor(rules: DispatchRules, incident: RoutedIncident, rule = ruleFor(rules, incident)): SlaMinutes {
  return rule.sla ?? rules.sla[String(incident.severity) as keyof SlaTable] ?? rules.sla['4'];
}
