import { CommandInput } from '../../shared/protocol/commands';
import type { Command } from '../../shared/protocol/commands';
import type { WallBridge } from '../../shared/view/bridge';
import type { OutboxItem } from '../../shared/view/viewChannel';
import { parseAtEdge } from '../../shared/validation';
import type { WallStoreApi } from './wallStore';

export type SubmitResult = { ok: true; item: OutboxItem } | { ok: false; field: string; message: string };

/**
 * Stamps a command with a fresh id and hands it to main's outbox. The outbox shows it as pending
 * at once; main's answer (and later `outbox:changed` pushes) replace that entry.
 */
export async function submitCommand(
  bridge: WallBridge,
  store: WallStoreApi,
  input: CommandInput,
  newId: () => string = () => crypto.randomUUID(),
): Promise<SubmitResult> {
  const parsed = parseAtEdge(CommandInput, input);
  if (!parsed.ok) return { ok: false, field: parsed.field, message: parsed.message };
  const command = { ...parsed.value, id: newId() } as Command;
  const local: OutboxItem = { id: command.id, command, status: 'pending', attempts: 0, queuedAt: new Date().toISOString() };
  store.getState().upsertOutboxItem(local);
  try {
    const item = await bridge.submitCommand(command);
    store.getState().upsertOutboxItem(item);
    return { ok: true, item };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.getState().upsertOutboxItem({
      ...local,
      status: 'rejected',
      ack: { ok: false, error: { code: 'unavailable', message } },
    });
    return { ok: false, field: '(bridge)', message };
  }
}
