import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command, CommandAck } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import type { WallState } from '../../shared/state/wallState';
import type { LinkStatus, OutboxStatus } from '../../shared/view/viewChannel';
import { readEventLines } from './eventFile';
import type { ControlChange } from './layout/controlLocks';
import { silentLogger, type Logger, type Rejections } from './logger';

/** What the wall's black box records. */
export type JournalEntry =
  /**
   * A whole state; the events after it continue from there. Written at each live start (the
   * hub's `GET /api/v1/snapshot`) and by the journal itself at the top of every new file.
   */
  | { kind: 'snapshot'; seq: number; state: WallState }
  | { kind: 'event'; event: HubEvent }
  | { kind: 'command'; command: Command }
  | { kind: 'ack'; id: string; status: OutboxStatus; ack?: CommandAck }
  | { kind: 'link'; status: LinkStatus }
  | { kind: 'view'; viewId: string; what: string; detail?: string }
  /** Control of displays changed: what happened, to which displays, by whom, and the revision it made. */
  | { kind: 'control'; what: ControlChange['what']; displayIds: string[]; viewId?: string; desk?: string; revision: number };
export type JournalRecord = JournalEntry & { at: string };

export interface JournalOptions {
  dir: string;
  /** A file is closed and a new one begun past this size (the snapshot it opens with not counted). */
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
/** Events folded at once into the written state: one copy of each touched map per batch. */
const FOLD_BATCH = 5000;

interface BufferedRecord {
  line: string;
  at: string;
  entry: JournalEntry;
}

/**
 * Append-only JSON-lines record of what this wall received and did. Writes are buffered and
 * flushed at least every `flushMs`; files rotate by size and by (UTC) day, the newest
 * `keepFiles` are kept. Files are named `journal-<counter>-<day>.jsonl`, so name order is time order.
 *
 * Every file replays on its own once old ones are pruned: a new file opens with a snapshot
 * record of the state folded from what the journal has written (the last snapshot record and
 * the events after it), so it is exactly the state after the previous file's last event. The
 * views' state cannot serve: it lags the journal by the pushes still waiting for views.
 */
export class Journal {
  private buffer: BufferedRecord[] = [];
  private bufferedBytes = 0;
  private file: { handle: FileHandle; path: string; day: string; bytes: number; openingBytes: number } | null = null;
  private readonly written = new WrittenState();
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
    const at = new Date(this.now()).toISOString();
    const line = JSON.stringify({ at, ...entry }) + '\n';
    this.buffer.push({ line, at, entry });
    this.bufferedBytes += Buffer.byteLength(line);
    if (this.bufferedBytes >= FLUSH_AT_BYTES) void this.flush();
  }

  /** Writes everything appended so far. */
  flush(): Promise<void> {
    const records = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    if (records.length === 0) return this.chain;
    this.chain = this.chain
      .then(() => this.write(records))
      .catch((error: unknown) => this.logger.error('write failed', { error, lost: records.length }));
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

  private async write(records: BufferedRecord[]): Promise<void> {
    let chunk = '';
    let chunkBytes = 0;
    for (const { line, at, entry } of records) {
      const size = Buffer.byteLength(line);
      const day = at.slice(0, 10);
      const file = this.file;
      const recordBytes = file ? file.bytes - file.openingBytes + chunkBytes : 0;
      if (!file || file.day !== day || (recordBytes > 0 && recordBytes + size > this.maxBytes)) {
        await this.writeChunk(chunk);
        chunk = '';
        chunkBytes = 0;
        await this.rotate(day);
        // A file opens with a whole state (this snapshot, or the state so far), not counted in maxBytes.
        await this.writeChunk(entry.kind === 'snapshot' ? line : this.snapshotSoFar(at));
        this.file!.openingBytes = this.file!.bytes;
        if (entry.kind === 'snapshot') {
          this.written.record(entry);
          continue;
        }
      }
      chunk += line;
      chunkBytes += size;
      this.written.record(entry);
    }
    await this.writeChunk(chunk);
  }

  /** A snapshot record of the state after everything written so far ('' while that is unknown). */
  private snapshotSoFar(at: string): string {
    const state = this.written.current();
    return state ? JSON.stringify({ at, kind: 'snapshot', seq: state.seq, state }) + '\n' : '';
  }

  private async writeChunk(chunk: string): Promise<void> {
    if (!chunk) return;
    const file = this.file!;
    await file.handle.write(chunk);
    file.bytes += Buffer.byteLength(chunk);
  }

  private async rotate(day: string): Promise<void> {
    if (this.file) await this.file.handle.close();
    const name = `journal-${String(++this.counter).padStart(6, '0')}-${day}.jsonl`;
    const path = join(this.options.dir, name);
    const bytes = (await stat(path).catch(() => null))?.size ?? 0;
    this.file = { handle: await open(path, 'a'), path, day, bytes, openingBytes: bytes };
    const files = await listJournalFiles(this.options.dir);
    for (const old of files.slice(0, Math.max(0, files.length - (this.options.keepFiles ?? 30)))) {
      await unlink(old).catch(() => {});
    }
  }
}

/**
 * The state as of what the journal has written: the last snapshot record and the events after
 * it, folded lazily in batches. Unknown (null) until a snapshot is written: before one, the
 * journal does not know what the events fold onto.
 */
class WrittenState {
  private base: WallState | null = null;
  private unfolded: HubEvent[] = [];

  record(entry: JournalEntry): void {
    if (entry.kind === 'snapshot') {
      this.base = entry.state;
      this.unfolded = [];
    } else if (entry.kind === 'event' && this.base) {
      this.unfolded.push(entry.event);
      if (this.unfolded.length >= FOLD_BATCH) this.current();
    }
  }

  current(): WallState | null {
    if (this.base && this.unfolded.length > 0) this.base = reduceEvents(this.base, this.unfolded);
    this.unfolded = [];
    return this.base;
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
