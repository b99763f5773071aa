// What a command handler decides inside its transaction: events to append, or a refusal.
import type { ErrorCode } from '../../shared/protocol/common';
import type { EventDraft } from '../../shared/protocol/events';
import type { Hierarchy } from '../hierarchy';
import type { Principal } from '../auth/accounts';
import type { StoreTx } from '../store/store';
import type { DispatchRules } from './dispatchRules';

export type Refusal = { ok: false; code: ErrorCode; message: string };

export type Decision =
  | {
      ok: true;
      drafts: EventDraft[];
      /** Ids for the ack (`incidentId`, `taskId`; `taskIds` for a dispatch with cooperating units). */
      ids?: { incidentId?: string; taskId?: string; taskIds?: string[] };
      /** Record writes, run after the events are appended. */
      persist(tx: StoreTx, nowMs: number): Promise<void>;
    }
  | Refusal;

export interface DecideContext {
  tx: StoreTx;
  actor: Principal;
  hierarchy: Hierarchy;
  nowMs: number;
  newId(): string;
  /** The routing rules loaded at start: a dispatch takes its SLA from them. */
  rules: DispatchRules;
}

export function refuse(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}

/** Trainers replay and drill; only duty, leader and admin issue commands. */
export function mayCommand(actor: Principal): boolean {
  return actor.roles.some((r) => r === 'duty' || r === 'leader' || r === 'admin');
}
