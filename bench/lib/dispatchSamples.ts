// bench:dispatch's bookkeeping, apart from any browser: which outbox row and which tasks each
// sending click made, and the latencies of each step. All times are epoch milliseconds taken on
// one machine (the pages' performance.timeOrigin + now(), the hub's event `ts`, the bench's clock).
import { percentile } from './table';

/** The click that sent a dispatch command (the dispatch button, or the confirm where there is one). */
export interface SentClick {
  incidentId: string;
  at: number;
}

/** A `task.dispatched` event the city sent, as a socket of the target unit received it. */
export interface DispatchedTask {
  taskId: string;
  incidentId: string;
  /** A cooperating unit's task names the lead task of its dispatch. */
  leadTaskId?: string;
  /** The hub's event time (`ts`). */
  hubAt: number;
  /** When the target unit's socket got it; null when it did not. */
  arrivedAt: number | null;
}

/** An outbox row of the city console (`[data-command-id]`): when it appeared, when it settled. */
export interface CommandRow {
  id: string;
  seen: number;
  status: string | null;
  /** When its status first became acknowledged or rejected. */
  settled: number | null;
}

/** When a `[data-task-id]` element first appeared in the target console, and the frame that drew it. */
export interface ShownTask {
  inserted: number;
  frame: number | null;
}

export interface Sample {
  incidentId: string;
  clickedAt: number;
  commandId: string | null;
  ackAt: number | null;
  rejected: boolean;
  taskIds: string[];
  hubAt: number | null;
  socketAt: number | null;
  shownAt: number | null;
}

/**
 * Clock slack: a row or event may carry a time a little before the click that caused it (the hub
 * stamps whole milliseconds; page and process clocks drift apart by a few). Far below the
 * hundreds of milliseconds between two clicks on one incident.
 */
const SLACK_MS = 20;

/** The first item of `items` (sorted by `time`) at or after `from` and before `until`, not yet `used`. */
function firstFree<T>(items: readonly T[], time: (item: T) => number, used: Set<T>, from: number, until: number): T | undefined {
  return items.find((item) => !used.has(item) && time(item) >= from && time(item) < until);
}

/**
 * Pairs each sending click with what it caused. The outbox row: the first new row after the click
 * and before the next click. The tasks: the first dispatch (a lead task and its cooperating
 * tasks) of the clicked incident after the click and before the next click on that incident.
 * Shown: the first of those tasks to appear in the target console.
 */
export function matchSamples(
  clicks: readonly SentClick[],
  tasks: readonly DispatchedTask[],
  rows: readonly CommandRow[],
  shown: Readonly<Record<string, ShownTask>>,
): Sample[] {
  const sortedRows = [...rows].sort((a, b) => a.seen - b.seen);
  const leads = tasks.filter((t) => t.leadTaskId === undefined).sort((a, b) => a.hubAt - b.hubAt);
  const usedRows = new Set<CommandRow>();
  const usedLeads = new Set<DispatchedTask>();
  return clicks.map((click, i) => {
    const nextClick = clicks[i + 1]?.at ?? Infinity;
    const nextOnIncident = clicks.slice(i + 1).find((c) => c.incidentId === click.incidentId)?.at ?? Infinity;
    const row = firstFree(sortedRows, (r) => r.seen, usedRows, click.at - SLACK_MS, nextClick - SLACK_MS);
    if (row) usedRows.add(row);
    const ofIncident = leads.filter((t) => t.incidentId === click.incidentId);
    const lead = firstFree(ofIncident, (t) => t.hubAt, usedLeads, click.at - SLACK_MS, nextOnIncident - SLACK_MS);
    if (lead) usedLeads.add(lead);
    const group = lead ? [lead, ...tasks.filter((t) => t.leadTaskId === lead.taskId)] : [];
    const shownTimes = group.flatMap((t) => {
      const s = shown[t.taskId];
      return s ? [s.frame ?? s.inserted] : [];
    });
    return {
      incidentId: click.incidentId,
      clickedAt: click.at,
      commandId: row?.id ?? null,
      ackAt: row?.status === 'acknowledged' ? row.settled : null,
      rejected: row?.status === 'rejected',
      taskIds: group.map((t) => t.taskId),
      hubAt: lead?.hubAt ?? null,
      socketAt: lead?.arrivedAt ?? null,
      shownAt: shownTimes.length ? Math.min(...shownTimes) : null,
    };
  });
}

export interface Spread {
  samples: number;
  /** Samples without this step (not acknowledged, not delivered, not shown in time). */
  lost: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

export function spread(values: readonly (number | null)[]): Spread {
  const have = values.filter((v): v is number => v !== null);
  return {
    samples: values.length,
    lost: values.length - have.length,
    p50: percentile(have, 50),
    p90: percentile(have, 90),
    p99: percentile(have, 99),
    max: percentile(have, 100),
  };
}

const between = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);

export const STEPS = {
  clickToShown: 'click → shown at target',
  clickToAck: 'click → ack on city console',
  clickToHub: 'click → hub event',
  hubToSocket: 'hub event → target socket',
} as const;
export type Step = keyof typeof STEPS;

export function spreads(samples: readonly Sample[]): Record<Step, Spread> {
  return {
    clickToShown: spread(samples.map((s) => between(s.clickedAt, s.shownAt))),
    clickToAck: spread(samples.map((s) => between(s.clickedAt, s.ackAt))),
    clickToHub: spread(samples.map((s) => between(s.clickedAt, s.hubAt))),
    hubToSocket: spread(samples.map((s) => between(s.hubAt, s.socketAt))),
  };
}
