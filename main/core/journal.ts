import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command, CommandAck } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import type { WallState } from '../../shared/state/wallState';
import type { LinkStatus, OutboxStatus } from '../../shared/view/viewChannel';
import { readEventLines } from './eventFile';
import { silentLogger, type Logger, type Rejections } from './logger';

/** What the wall's black box records. */
export type JournalEntry =
  /** The state the wall started from (`GET /api/v1/snapshot`); the events after it follow. */
  | { kind: 'snapshot'; seq: number; state: WallState }
  | { kind: 'event'; event: HubEvent }
  | { kind: 'command'; command: Command }
  | { kind: 'ack'; id: string; status: OutboxStatus; ack?: CommandAck }
  | { kind: 'link'; status: LinkStatus }
  | { kind: 'view'; viewId: string; what: string; detail?: string };
export type JournalRecord = JournalEntry & { at: string };

export interface JournalOptions {
  dir: string;
  /** A file is closed and a new one begun past this size. */
  maxBytes?: number;
  /** Oldest files beyond this count are deleted. */
  keepFiles?: number;
  /** Buffered lines reach the disk at least this often. */
  flushMs?: number;
  now?: () => number;
  logger?: Logger;
}

const FILE_PATTERN = /^journal-(\d{6})-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const FLUSH_AT_BYTES = 1 << 20;

/**
 * Append-only JSON-lines record of what this wall received and did. Writes are buffered and
 * flushed at least every `flushMs`; files rotate by size and by (UTC) day, the newest
 * `keepFiles` are kept. Files are named `journal-<counter>-<day>.jsonl`, so name order is time order.
 */
export class Journal {
  private buffer: { line: string; day: string }[] = [];
  private bufferedBytes = 0;
  private file: { handle: FileHandle; path: string; day: string; bytes: number } | null = null;
  private counter: number;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly logger: Logger;
  private closed = false;

  private constructor(
    private readonly options: JournalOptions,
    lastCounter: number,
  ) {
    this.counter = lastCounter;
    this.now = options.now ?? Date.now;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.logger = (options.logger ?? silentLogger).child({ component: 'journal' });
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 1000);
    this.timer.unref();
  }

  static async open(options: JournalOptions): Promise<Journal> {
    await mkdir(options.dir, { recursive: true });
    const files = await listJournalFiles(options.dir);
    const last = files.at(-1);
    const lastCounter = last ? Number(FILE_PATTERN.exec(last.slice(last.lastIndexOf('/') + 1))?.[1] ?? 0) : 0;
    return new Journal(options, lastCounter);
  }

  append(entry: JournalEntry): void {
    if (this.closed) return;
    const now = new Date(this.now()).toISOString();
    const line = JSON.stringify({ at: now, ...entry }) + '\n';
    this.buffer.push({ line, day: now.slice(0, 10) });
    this.bufferedBytes += Buffer.byteLength(line);
    if (this.bufferedBytes >= FLUSH_AT_BYTES) void this.flush();
  }

  /** Writes everything appended so far. */
  flush(): Promise<void> {
    const lines = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    if (lines.length === 0) return this.chain;
    this.chain = this.chain
      .then(() => this.write(lines))
      .catch((error: unknown) => this.logger.error('write failed', { error, lost: lines.length }));
    return this.chain;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    this.closed = true;
    await this.chain;
    if (this.file) {
      await this.file.handle.sync().catch(() => {});
      await this.file.handle.close();
      this.file = null;
    }
  }

  currentFile(): string | null {
    return this.file?.path ?? null;
  }

  private async write(lines: { line: string; day: string }[]): Promise<void> {
    let chunk = '';
    for (const { line, day } of lines) {
      const size = Buffer.byteLength(line);
      const bytes = (this.file?.bytes ?? 0) + Buffer.byteLength(chunk);
      if (!this.file || this.file.day !== day || (bytes > 0 && bytes + size > this.maxBytes)) {
        if (chunk) await this.writeChunk(chunk);
        chunk = '';
        await this.rotate(day);
      }
      chunk += line;
    }
    if (chunk) await this.writeChunk(chunk);
  }

  private async writeChunk(chunk: string): Promise<void> {
    const file = this.file!;
    await file.handle.write(chunk);
    file.bytes += Buffer.byteLength(chunk);
  }

  private async rotate(day: string): Promise<void> {
    if (this.file) await this.file.handle.close();
    const name = `journal-${String(++this.counter).padStart(6, '0')}-${day}.jsonl`;
    const path = join(this.options.dir, name);
    this.file = { handle: await open(path, 'a'), path, day, bytes: (await stat(path).catch(() => null))?.size ?? 0 };
    const files = await listJournalFiles(this.options.dir);
    for (const old of files.slice(0, Math.max(0, files.length - (this.options.keepFiles ?? 30)))) {
      await unlink(old).catch(() => {});
    }
  }
}

/** The journal files of a folder, oldest first. */
export async function listJournalFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => FILE_PATTERN.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** Every event recorded in a journal folder, in the order received. */
export async function* readJournalEvents(dir: string, rejections?: Rejections): AsyncGenerator<HubEvent> {
  for (const file of await listJournalFiles(dir)) yield* readEventLines(file, rejections);
}
