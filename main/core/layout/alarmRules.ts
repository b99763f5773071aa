import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Board, Severity } from '../../../shared/protocol/common';
import type { IncidentView, WallState } from '../../../shared/state/wallState';
import { parseAtEdge } from '../../../shared/validation';
import type { PlayerUpdate } from '../../../shared/view/viewChannel';
import type { Layout } from '../../../shared/wall/layout';
import type { LayoutState } from '../../../shared/wall/layoutState';
import { silentLogger, type Logger } from '../logger';
import { composeFocusLayout, type FocusIncident } from './focusLayout';

/** When an incident's report switches the wall to a layout about it. */
export const AlarmRule = z.strictObject({
  id: z.string().min(1).max(64),
  on: z.literal('incident.reported'),
  /** Incidents this severe or worse (1 is the most severe). */
  maxSeverity: Severity,
  /** Only these boards / kinds; any when absent. */
  boards: z.array(Board).min(1).optional(),
  kinds: z.array(z.string().min(1).max(64)).min(1).optional(),
  /** How many of the nearest cameras to show. */
  cameras: z.number().int().min(1).max(25).default(9),
});
export type AlarmRule = z.infer<typeof AlarmRule>;
export const AlarmRules = z.array(AlarmRule).max(50);

export const DEFAULT_ALARM_RULES: AlarmRule[] = [{ id: 'severity-1', on: 'incident.reported', maxSeverity: 1, cameras: 9 }];

/** Reads `alarm-rules.json`; missing → the defaults, bad → the defaults and a log line naming the field. */
export async function loadAlarmRules(file: string, logger: Logger = silentLogger): Promise<AlarmRule[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('alarm rules unreadable, using the defaults', { file, error: String(error) });
    return DEFAULT_ALARM_RULES;
  }
  const parsed = parseAtEdge(AlarmRules, raw);
  if (parsed.ok) return parsed.value;
  logger.warn('alarm rules rejected, using the defaults', { file, field: parsed.field, message: parsed.message });
  return DEFAULT_ALARM_RULES;
}

export function matchingRule(rules: readonly AlarmRule[], event: Pick<IncidentView, 'severity' | 'board' | 'kind'>): AlarmRule | undefined {
  return rules.find(
    (rule) => event.severity <= rule.maxSeverity && (!rule.boards || rule.boards.includes(event.board)) && (!rule.kinds || rule.kinds.includes(event.kind)),
  );
}

/** What alarm rules do to the layout: the subset of `LayoutService` they use. */
export interface FocusTarget {
  state(): LayoutState;
  focus(layout: Layout, incidentId: string): Promise<LayoutState>;
  revert(): Promise<LayoutState>;
}

export interface AlarmFocusOptions {
  rules: readonly AlarmRule[];
  layouts: FocusTarget;
  /** The ids of the cameras nearest a point (the hub's `GET /api/v1/cameras?near=`). */
  nearestCameras: (location: [number, number], limit: number) => Promise<string[]>;
  logger?: Logger;
}

/**
 * Watches the events the core folds (live or replayed): a report matching a rule switches the
 * wall to a focus layout composed from the incident; its closing switches back. Actions run one
 * at a time in event order, so a report and its close in one push end reverted.
 */
export class AlarmFocus {
  private queue: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(private readonly options: AlarmFocusOptions) {
    this.logger = (options.logger ?? silentLogger).child({ component: 'alarm-rules' });
  }

  /** Called with every update right after it is folded into `state`. */
  observe(update: PlayerUpdate, state: WallState): void {
    if (update.reset) this.enqueue(() => this.checkStillOpen(state));
    for (const event of update.events) {
      if (event.type === 'incident.reported') {
        const rule = matchingRule(this.options.rules, event);
        if (rule) this.enqueue(() => this.focusOn(event, rule));
      } else if (event.type === 'incident.closed') {
        this.enqueue(() => this.revertIfFocused(event.incidentId));
      }
    }
  }

  /**
   * Shows an incident's focus layout on the officer's request (a click in the incident feed):
   * composed exactly as for an alarm, with as many cameras as a matching rule (else the default
   * rule) would show, and queued behind the rules' own actions. Its close reverts it as well.
   */
  focusIncident(incident: IncidentView): Promise<LayoutState> {
    const cameras = (matchingRule(this.options.rules, incident) ?? DEFAULT_ALARM_RULES[0]!).cameras;
    const shown = this.queue.then(() => this.showFocus(incident, cameras));
    this.queue = shown.then(
      () => undefined,
      () => undefined, // the caller hears the error
    );
    return shown;
  }

  /** Resolves when every action queued so far is done (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(action: () => Promise<unknown>): void {
    this.queue = this.queue.then(action).then(
      () => undefined,
      (error: unknown) => this.logger.error('alarm action failed', { error: String(error) }),
    );
  }

  private async focusOn(incident: FocusIncident, rule: AlarmRule): Promise<void> {
    this.logger.info('alarm rule matched: focus', { rule: rule.id, incidentId: incident.incidentId });
    await this.showFocus(incident, rule.cameras);
  }

  /** The one way a focus layout is composed and shown: the incident with its nearest cameras. */
  private async showFocus(incident: FocusIncident, cameras: number): Promise<LayoutState> {
    let cameraIds: string[] = [];
    try {
      cameraIds = await this.options.nearestCameras(incident.location, cameras);
    } catch (error) {
      this.logger.warn('nearest cameras unavailable; focus without them', { incidentId: incident.incidentId, error: String(error) });
    }
    this.logger.info('focus', { incidentId: incident.incidentId, cameras: cameraIds.length });
    return this.options.layouts.focus(composeFocusLayout(incident, cameraIds), incident.incidentId);
  }

  private async revertIfFocused(incidentId: string): Promise<void> {
    const now = this.options.layouts.state();
    if (now.mode !== 'focus' || now.focusIncidentId !== incidentId) return;
    this.logger.info('focus incident closed: revert', { incidentId });
    await this.options.layouts.revert();
  }

  /** After a seek or a restart, a focus on an incident that is not open at that point ends. */
  private async checkStillOpen(state: WallState): Promise<void> {
    const now = this.options.layouts.state();
    if (now.mode !== 'focus' || now.focusIncidentId === undefined) return;
    if (state.incidents[now.focusIncidentId]?.status === 'open') return;
    await this.options.layouts.revert();
  }
}
