// The one command path, for people and the simulator alike. One transaction per command:
// idempotency check → authorise → append event(s) → record ack and audit → commit → publish.
import { randomUUID } from 'node:crypto';
import { Command, MAX_COMMAND_BYTES, type CommandAck } from '../../shared/protocol/commands';
import type { ErrorCode } from '../../shared/protocol/common';
import type { EventDraft, HubEvent } from '../../shared/protocol/events';
import { parseAtEdge } from '../../shared/validation';
import type { z } from 'zod';
import type { Principal } from '../auth/accounts';
import type { Hierarchy } from '../hierarchy';
import type { Store, StoreTx } from '../store/store';
import { mayCommand, type Decision } from './decision';
import { DEFAULT_DISPATCH_RULES, type DispatchRules } from './dispatchRules';
import type { EventScope } from './eventScope';
import { decideIncident } from './incidentCommands';
import { findNul, withoutNul } from './nulText';
import { decideTask } from './taskCommands';

export interface CommandServiceDeps {
  store: Store;
  hierarchy: Hierarchy;
  scope: EventScope;
  now(): number;
  /** Hands committed events to the fan-out. */
  publish(events: HubEvent[]): void;
  log?(message: string): void;
  newId?(): string;
  /** Routing rules and SLA minutes (default: `DEFAULT_DISPATCH_RULES`). */
  rules?: DispatchRules;
}

const failure = (code: ErrorCode, message: string): CommandAck => ({ ok: false, error: { code, message } });

export class CommandService {
  private readonly newId: () => string;

  constructor(private readonly deps: CommandServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  async execute(actor: Principal, raw: unknown): Promise<CommandAck> {
    try {
      return await this.executeUnsafe(actor, raw);
    } catch (error) {
      this.deps.log?.(`command failed: ${(error as Error).message}`);
      return failure('internal', 'the hub could not process the command; retry with the same id');
    }
  }

  /** Appends events the hub itself originates (SLA clock, samples, camera status) in one transaction. */
  async appendSystem(work: (tx: StoreTx, nowMs: number) => Promise<EventDraft[]>): Promise<HubEvent[]> {
    const nowMs = this.deps.now();
    const events = await this.deps.store.write(async (tx) => this.appendAll(tx, await work(tx, nowMs), nowMs));
    if (events.length) this.deps.publish(events);
    return events;
  }

  private async executeUnsafe(actor: Principal, raw: unknown): Promise<CommandAck> {
    const { store } = this.deps;
    const nowMs = this.deps.now();
    const rawRecord = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const rawId = typeof rawRecord?.id === 'string' ? rawRecord.id : undefined;
    const rawType = typeof rawRecord?.type === 'string' ? rawRecord.type.slice(0, 40) : undefined;
    const reject = async (code: ErrorCode, message: string) => {
      await this.auditRejection(actor, rawId, rawType, code, message, nowMs);
      return failure(code, message);
    };
    if (!rawRecord) return reject('invalid', '(root): a command is an object');
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(raw));
    } catch {
      return reject('invalid', '(root): not serialisable');
    }
    if (size > MAX_COMMAND_BYTES) return reject('invalid', `(root): command is ${size} bytes, more than ${MAX_COMMAND_BYTES}`);
    const nulAt = findNul(raw);
    if (nulAt) return reject('invalid', `${nulAt}: text may not contain a NUL character`);

    if (rawId) {
      const seen = await store.getCommand(rawId);
      if (seen) return this.replay(actor, seen.username, seen.ack);
    }
    const parsed = parseAtEdge(Command as unknown as z.ZodType<Command>, raw);
    if (!parsed.ok) return reject('invalid', parsed.message);
    const command = parsed.value;

    const result = await store.write(async (tx) => {
      const seen = await tx.getCommand(command.id);
      if (seen) return { ack: this.replay(actor, seen.username, seen.ack), events: [] as HubEvent[] };
      const decision = await this.decide(tx, actor, command, nowMs);
      let ack: CommandAck;
      let events: HubEvent[] = [];
      if (decision.ok) {
        events = await this.appendAll(tx, decision.drafts, nowMs);
        await decision.persist(tx, nowMs);
        // The last event's seq: once a client has it, every event of the command has arrived.
        ack = { ok: true, seq: events[events.length - 1]!.seq, ...decision.ids };
      } else {
        ack = failure(decision.code, decision.message);
      }
      await tx.putCommand({ id: command.id, username: actor.username, type: command.type, ack }, nowMs);
      await tx.audit(
        { username: actor.username, commandId: command.id, type: command.type, outcome: ack.ok ? 'ok' : ack.error.code, ...(ack.ok ? {} : { detail: ack.error.message }) },
        nowMs,
      );
      return { ack, events };
    });
    if (result.events.length) this.deps.publish(result.events);
    return result.ack;
  }

  /** The audit line of a command refused before validation: its raw id and type made storable; never throws. */
  private async auditRejection(actor: Principal, rawId: string | undefined, rawType: string | undefined, code: ErrorCode, message: string, nowMs: number) {
    const entry = {
      username: actor.username,
      ...(rawId ? { commandId: withoutNul(rawId.slice(0, 64)) } : {}),
      ...(rawType ? { type: withoutNul(rawType) } : {}),
      outcome: code,
      detail: withoutNul(message.slice(0, 500)),
    };
    try {
      await this.deps.store.audit(entry, nowMs);
    } catch (error) {
      this.deps.log?.(`audit of a refused command failed: ${(error as Error).message}`);
    }
  }

  private replay(actor: Principal, owner: string, ack: CommandAck): CommandAck {
    return owner === actor.username ? ack : failure('conflict', 'this command id was already used by another user');
  }

  private decide(tx: StoreTx, actor: Principal, command: Command, nowMs: number): Promise<Decision> | Decision {
    if (!mayCommand(actor)) return { ok: false, code: 'forbidden', message: `role ${actor.roles.join(',')} may not issue commands` };
    const ctx = { tx, actor, hierarchy: this.deps.hierarchy, nowMs, newId: this.newId, rules: this.deps.rules ?? DEFAULT_DISPATCH_RULES };
    return command.type.startsWith('incident.')
      ? decideIncident(ctx, command as Parameters<typeof decideIncident>[1])
      : decideTask(ctx, command as Parameters<typeof decideTask>[1]);
  }

  private async appendAll(tx: StoreTx, drafts: EventDraft[], nowMs: number): Promise<HubEvent[]> {
    const events: HubEvent[] = [];
    for (const draft of drafts) {
      this.deps.scope.observe(draft as HubEvent);
      events.push(await tx.appendEvent(draft, nowMs, this.deps.scope.anchorsOf(draft as HubEvent)));
    }
    return events;
  }
}
