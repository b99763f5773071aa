import { Snapshot } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import type { Logger, Rejections } from './logger';

/** The state now, scoped to the logged-in user, with the seq it reflects. */
export const SNAPSHOT_PATH = '/api/v1/snapshot';

export interface LiveStartOptions {
  link: { fetchJson(path: string): Promise<unknown> };
  rejections: Rejections;
  logger: Logger;
  retry?: { delayMs?: number; maxDelayMs?: number };
  /** Called once, with the validated snapshot: set the views' state, resume the link after its seq. */
  onSnapshot: (snapshot: Snapshot) => void;
}

/**
 * A live wall starts from the hub's state now and streams only what follows it: replaying the
 * whole history of a city that runs around the clock would be gigabytes. Until the hub answers,
 * it keeps asking with backoff (the wall may well start before the hub does).
 */
export class LiveStart {
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private cancelled = false;
  private readonly logger: Logger;

  constructor(private readonly options: LiveStartOptions) {
    this.logger = options.logger.child({ component: 'liveStart' });
  }

  /** Tries once; if that fails, goes on trying in the background. Resolves true once started. */
  async begin(): Promise<boolean> {
    const snapshot = await this.fetch();
    if (snapshot) this.options.onSnapshot(snapshot);
    else this.scheduleRetry();
    return snapshot !== null;
  }

  cancel(): void {
    this.cancelled = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async fetch(): Promise<Snapshot | null> {
    let raw: unknown;
    try {
      raw = await this.options.link.fetchJson(SNAPSHOT_PATH);
    } catch (error) {
      if (!this.cancelled) this.logger.warn('snapshot not fetched', { error, attempt: this.attempt });
      return null;
    }
    if (this.cancelled) return null;
    const parsed = parseAtEdge(Snapshot, raw);
    if (!parsed.ok) {
      this.options.rejections.record('hub:snapshot', parsed);
      return null;
    }
    this.logger.info('starting from snapshot', { seq: parsed.value.seq });
    return parsed.value;
  }

  private scheduleRetry(): void {
    if (this.cancelled) return;
    const { delayMs = 500, maxDelayMs = 10_000 } = this.options.retry ?? {};
    const delay = Math.min(maxDelayMs, delayMs * 2 ** this.attempt++);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.begin();
    }, delay);
  }
}
