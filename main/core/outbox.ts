import { join } from 'node:path';
import { Command, CommandAck } from '../../shared/protocol/commands';
import type { ErrorCode } from '../../shared/protocol/common';
import { parseAtEdge } from '../../shared/validation';
import type { OutboxItem } from '../../shared/view/viewChannel';
import { AppendLog } from './appendLog';
import { Emitter } from './emitter';
import { silentLogger, type Logger } from './logger';

/** Answers that are final: sending the same command again cannot change them. */
const FINAL_ERRORS: readonly ErrorCode[] = ['invalid', 'forbidden', 'not_found', 'conflict'];

/** How many settled items are kept (on disk and in the list) for the console to show. */
const KEEP_SETTLED = 200;

export interface OutboxTransport {
  send(command: Command): Promise<CommandAck>;
}

export interface OutboxOptions {
  /** Folder of `outbox.jsonl`. */
  dir: string;
  transport: OutboxTransport;
  logger?: Logger;
  now?: () => number;
  retry?: { baseMs?: number; maxMs?: number };
}

type Row =
  | { r: 'submitted'; id: string; command: Command; queuedAt: string }
  | { r: 'settled'; id: string; status: 'acknowledged' | 'rejected'; ack: CommandAck; attempts: number };

type OutboxEvents = {
  changed: [OutboxItem[]];
  submitted: [OutboxItem];
  settled: [OutboxItem];
};

/**
 * The durable command outbox: a command is on disk before it is sent, is resent with backoff
 * until the hub answers, and survives a restart (the hub's idempotency by id makes the resend
 * exactly-once). Commands go out one at a time in submission order, so causality holds.
 */
export class Outbox extends Emitter<OutboxEvents> {
  private readonly items = new Map<string, OutboxItem>();
  private readonly writing = new Map<string, Promise<void>>();
  private sending = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  private readonly logger: Logger;
  private readonly now: () => number;

  private constructor(
    private readonly log: AppendLog,
    private readonly options: OutboxOptions,
  ) {
    const logger = (options.logger ?? silentLogger).child({ component: 'outbox' });
    super((error, name) => logger.error('listener failed', { event: name, error }));
    this.logger = logger;
    this.now = options.now ?? Date.now;
  }

  /** Loads and compacts the log, then starts resending whatever is still pending. */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const items = new Map<string, OutboxItem>();
    const { log } = await AppendLog.open(join(options.dir, 'outbox.jsonl'), (lines) => compact(lines, items));
    const outbox = new Outbox(log, options);
    for (const [id, item] of items) outbox.items.set(id, item);
    const pending = [...items.values()].filter((i) => i.status === 'pending').length;
    if (pending) outbox.logger.info('resending after restart', { pending });
    outbox.pump();
    return outbox;
  }

  /** Stores (fsync) then sends. The same id again returns the existing item and does nothing. */
  async submit(command: Command): Promise<OutboxItem> {
    const existing = this.items.get(command.id);
    if (existing) {
      await this.writing.get(command.id); // a second click while the first is being written
      return { ...existing };
    }
    const item: OutboxItem = { id: command.id, command, status: 'pending', attempts: 0, queuedAt: new Date(this.now()).toISOString() };
    this.items.set(item.id, item);
    const written = this.log.append({ r: 'submitted', id: item.id, command, queuedAt: item.queuedAt } satisfies Row);
    this.writing.set(item.id, written);
    try {
      await written;
    } catch (error) {
      this.items.delete(item.id); // not durable, so not accepted: the view may submit it again
      throw error;
    } finally {
      this.writing.delete(item.id);
    }
    this.logger.info('submitted', { id: item.id, type: command.type });
    const accepted = { ...item };
    this.emit('submitted', accepted);
    this.changed();
    this.pump();
    return accepted;
  }

  list(): OutboxItem[] {
    return [...this.items.values()].map((i) => ({ ...i }));
  }

  pendingCount(): number {
    return [...this.items.values()].filter((i) => i.status === 'pending' || i.status === 'sending').length;
  }

  /** The link is back: retry now instead of waiting out the backoff. */
  kick(): void {
    this.failures = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.log.close();
  }

  private pump(): void {
    if (this.sending || this.closed || this.retryTimer) return;
    const next = [...this.items.values()].find((i) => i.status === 'pending' && !this.writing.has(i.id));
    if (!next) return;
    this.sending = true;
    void this.sendOne(next).finally(() => {
      this.sending = false;
      this.pump();
    });
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    item.status = 'sending';
    item.attempts++;
    this.changed();
    let ack: CommandAck;
    try {
      ack = await this.options.transport.send(item.command);
    } catch (error) {
      return this.retryLater(item, error instanceof Error ? error.message : String(error));
    }
    if (!ack.ok && !FINAL_ERRORS.includes(ack.error.code)) return this.retryLater(item, `${ack.error.code}: ${ack.error.message}`);
    if (this.closed) return;
    item.status = ack.ok ? 'acknowledged' : 'rejected';
    item.ack = ack;
    this.failures = 0;
    await this.log.append({ r: 'settled', id: item.id, status: item.status, ack, attempts: item.attempts } satisfies Row);
    this.logger.info(item.status, { id: item.id, attempts: item.attempts, ...(ack.ok ? { seq: ack.seq } : { error: ack.error }) });
    this.emit('settled', { ...item });
    this.prune();
    this.changed();
  }

  private retryLater(item: OutboxItem, why: string): void {
    item.status = 'pending';
    const { baseMs = 500, maxMs = 15_000 } = this.options.retry ?? {};
    const delay = Math.min(maxMs, baseMs * 2 ** this.failures++) * (0.5 + Math.random() / 2);
    this.logger.info('send failed, will retry', { id: item.id, attempts: item.attempts, why, inMs: Math.round(delay) });
    this.changed();
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
  }

  private prune(): void {
    const settled = [...this.items.values()].filter((i) => i.status === 'acknowledged' || i.status === 'rejected');
    for (const old of settled.slice(0, Math.max(0, settled.length - KEEP_SETTLED))) this.items.delete(old.id);
  }

  private changed(): void {
    this.emit('changed', this.list());
  }
}

/** Folds the log into items (into `items`) and returns the rows worth keeping. */
function compact(lines: unknown[], items: Map<string, OutboxItem>): Row[] {
  for (const line of lines) {
    const row = line as Partial<Row> & { r?: unknown };
    if (row.r === 'submitted') {
      const parsed = parseAtEdge(Command, row.command);
      if (!parsed.ok || typeof row.queuedAt !== 'string') continue;
      const command = parsed.value as Command; // the schema carries `id`; its inferred type does not
      if (items.has(command.id)) continue;
      items.set(command.id, { id: command.id, command, status: 'pending', attempts: 0, queuedAt: row.queuedAt });
    } else if (row.r === 'settled') {
      const item = items.get(String(row.id));
      const ack = parseAtEdge(CommandAck, row.ack);
      if (!item || !ack.ok || (row.status !== 'acknowledged' && row.status !== 'rejected')) continue;
      item.status = row.status;
      item.ack = ack.value;
      item.attempts = typeof row.attempts === 'number' ? row.attempts : 0;
    }
  }
  const settled = [...items.values()].filter((i) => i.status !== 'pending');
  for (const old of settled.slice(0, Math.max(0, settled.length - KEEP_SETTLED))) items.delete(old.id);
  const rows: Row[] = [];
  for (const item of items.values()) {
    rows.push({ r: 'submitted', id: item.id, command: item.command, queuedAt: item.queuedAt });
    if (item.ack && item.status !== 'pending' && item.status !== 'sending') {
      rows.push({ r: 'settled', id: item.id, status: item.status, ack: item.ack, attempts: item.attempts });
    }
  }
  return rows;
}
