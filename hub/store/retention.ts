// Keeps the event log's disk use bounded: `indicator.samples` events (the simulator alone appends
// ~90 KB a second) are deleted once older than the horizon; incidents, tasks, camera status, command
// acks and audit stay forever. Snapshot checkpoints older than the horizon are thinned to the last
// one per hour: they are the coarse indicator history a snapshot at an old instant starts from.
// Work goes in small batches, each one short statement, so commands wait at most one batch.
import type { Store } from './store';

const HOUR = 3600_000;

export interface RetentionOptions {
  store: Store;
  now: () => number;
  /** Samples older than this go (default 72 h). */
  horizonMs?: number;
  /** Time between passes (default 5 min); a pass also runs at `start()`. */
  intervalMs?: number;
  /** Rows per delete statement (default 100: a few ms on SQLite). */
  batchSize?: number;
  /** Older checkpoints keep one per this much time (default 1 h). */
  checkpointBucketMs?: number;
  log?: (message: string) => void;
}

export interface RetentionPass {
  samples: number;
  checkpoints: number;
}

export const DEFAULT_SAMPLE_RETENTION_HOURS = 72;

export class SampleRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RetentionPass> | undefined;
  private stopped = false;
  private readonly horizonMs: number;
  private readonly batchSize: number;
  private readonly bucketMs: number;

  constructor(private readonly options: RetentionOptions) {
    this.horizonMs = options.horizonMs ?? DEFAULT_SAMPLE_RETENTION_HOURS * HOUR;
    this.batchSize = options.batchSize ?? 100;
    this.bucketMs = options.checkpointBucketMs ?? HOUR;
  }

  /** One pass now, then one every interval. */
  start(): void {
    const pass = () => void this.runOnce().catch((e: Error) => this.options.log?.(`retention: ${e.message}`));
    pass();
    this.timer = setInterval(pass, this.options.intervalMs ?? 5 * 60_000);
    this.timer.unref();
  }

  /** Deletes everything due now; a call during a pass gets that pass. */
  runOnce(): Promise<RetentionPass> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and waits for a pass in progress to end after its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<RetentionPass> {
    const cutoff = this.options.now() - this.horizonMs;
    const { store } = this.options;
    const samples = await this.inBatches((n) => store.deleteSamplesBefore(cutoff, n));
    const checkpoints = await this.inBatches((n) => store.thinCheckpointsBefore(cutoff, this.bucketMs, n));
    if (samples + checkpoints > 0) this.options.log?.(`retention: deleted ${samples} sample events, ${checkpoints} checkpoints before ${new Date(cutoff).toISOString()}`);
    return { samples, checkpoints };
  }

  private async inBatches(batch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const deleted = await batch(this.batchSize);
      total += deleted;
      if (deleted < this.batchSize) break;
      // Let queued commands and socket traffic run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }
}
