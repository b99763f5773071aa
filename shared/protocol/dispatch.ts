import { z } from 'zod';
import { UnitRef } from './units';

/** Minutes from dispatch to each SLA deadline. */
export const SlaMinutes = z.strictObject({
  accept: z.number().positive().max(60 * 24 * 30),
  arrive: z.number().positive().max(60 * 24 * 30),
  close: z.number().positive().max(60 * 24 * 30),
});
export type SlaMinutes = z.infer<typeof SlaMinutes>;

/**
 * `GET /api/v1/incidents/:id/dispatch-proposal` (extension): whom the caller's centre should
 * dispatch an incident to, worked out by the hub from the units containing the incident's
 * location and its routing rules (by kind and severity). The console shows it; confirming sends
 * `task.dispatch {toUnit: lead.code, cooperating}`.
 */
export const DispatchProposal = z.object({
  incidentId: z.string(),
  /** The routing rule that matched (its id in the hub's rules). */
  rule: z.string(),
  /** Why, in words a duty officer reads (e.g. "severity 1 flood: lead street, with community and grid"). */
  reason: z.string(),
  lead: UnitRef,
  cooperating: z.array(UnitRef),
  /** The SLA the task will run under. */
  sla: SlaMinutes,
});
export type DispatchProposal = z.infer<typeof DispatchProposal>;
