import type { TFunction } from 'i18next';
import { heldByOthers, type ControlState } from '../../shared/wall/control';

/** The wire error code a bridge call failed with (`conflict`, `invalid`, …), when it says one. */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A refusal on screen, with the control revision it was true at: once control changes (the
 * holder released, a handover went through) the words no longer describe the wall.
 */
export interface ShownRefusal {
  text: string;
  whileControl?: number;
}

export function isCurrent(refusal: ShownRefusal, control: ControlState | null): boolean {
  return refusal.whileControl === undefined || refusal.whileControl === control?.revision;
}

export interface RefusalContext {
  t: TFunction;
  control: ControlState | null;
  /** This console's view id: its own holds are never the reason. */
  viewId: string | undefined;
  /** The displays the refused action touches (every display for a preset or a focus). */
  displayIds: readonly string[];
}

/**
 * What the officer reads when a layout action fails. A `conflict` names the desks holding the
 * displays the action touches (from the control state this console shows) and says how to get
 * them; main's own message is the fallback when the state here does not know the holder yet.
 */
export function describeRefusal(error: unknown, context: RefusalContext): string {
  const { t } = context;
  if (errorCodeOf(error) !== 'conflict') return t('console.control.failed', { message: messageOf(error) });
  const held = context.control ? heldByOthers(context.control, context.viewId ?? '', context.displayIds) : [];
  if (held.length === 0) return t('console.control.conflictUnknown', { message: messageOf(error) });
  const separator = t('console.listSeparator');
  const desks = [...new Set(held.map((d) => d.holder!.desk))].join(separator);
  const displays = held.map((d) => t('session.display', { id: d.displayId })).join(separator);
  return t('console.control.conflict', { desks, displays });
}
