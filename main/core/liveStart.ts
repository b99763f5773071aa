import { Snapshot } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import type { LinkState } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { UNAUTHORIZED_RETRY_MS } from './hubLink';
import type { Logger, Rejections } from './logger';

/** The state now, scoped to the logged-in user, with the seq it reflects. */
export const SNAPSHOT_PATH = '/api/v1/snapshot';

export interface LiveStartOptions {
  /** The hub link, before its socket runs: it fetches, and shows each attempt in its status. */
  link: {
    fetchJson(path: string): Promise<unknown>;
    reportStartAttempt(): void;
    reportStartFailure(error: unknown): LinkState;
  };
  rejections: Rejections;
  logger: Logger;
  retry?: { delayMs?: number; maxDelayMs?: number; unauthorizedDelayMs?: number };
  /** Called once, with the validated snapshot: set the views' state, resume the link after its seq. */
  onSnapshot: (snapshot: Snapshot) => void;
}

/**
 * A live wall starts from the hub's state now and streams only what follows it: replaying the
 * whole history of a city that runs around the clock would be gigabytes. Until the hub answers,
 * it keeps asking with backoff (the wall may well start before the hub does), and the link's
 * status says so: `connecting`, `offline` with why, or `unauthorized` (then it asks only every
 * `unauthorizedDelayMs`, in case an operator fixes the account).
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
    if (this.cancelled) return false;
    this.options.link.reportStartAttempt();
    const outcome = await this.fetch();
    if (this.cancelled) return false;
    if ('snapshot' in outcome) {
      this.options.onSnapshot(outcome.snapshot);
      return true;
    }
    this.scheduleRetry(this.options.link.reportStartFailure(outcome.failed));
    return false;
  }

  cancel(): void {
    this.cancelled = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async fetch(): Promise<{ snapshot: Snapshot } | { failed: unknown }> {
    let raw: unknown;
    try {
      raw = await this.options.link.fetchJson(SNAPSHOT_PATH);
    } catch (error) {
      if (!this.cancelled) this.logger.warn('snapshot not fetched', { error, attempt: this.attempt });
      return { failed: error };
    }
    const parsed = parseAtEdge(Snapshot, raw);
    if (!parsed.ok) {
      this.options.rejections.record('hub:snapshot', parsed);
      return { failed: new CoreError('internal', `hub snapshot invalid: ${parsed.message}`, parsed.field) };
    }
    this.logger.info('starting from snapshot', { seq: parsed.value.seq });
    return { snapshot: parsed.value };
  }

  private scheduleRetry(state: LinkState): void {
    if (this.cancelled) return;
    const { delayMs = 500, maxDelayMs = 10_000, unauthorizedDelayMs = UNAUTHORIZED_RETRY_MS } = this.options.retry ?? {};
    const delay = state === 'unauthorized' ? unauthorizedDelayMs : Math.min(maxDelayMs, delayMs * 2 ** this.attempt++);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.begin();
    }, delay);
  }
}
