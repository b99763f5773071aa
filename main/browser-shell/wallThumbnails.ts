// The console's live miniature: while a console is attached, every few seconds each wall display's
// page is captured small (a CDP screenshot, JPEG, ~480 px wide) and handed to the core, which pushes
// it to the consoles. One capture at a time, pages being replaced are skipped, a failure is never
// fatal and is logged at most once a minute per display.
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { DisplayThumbnailSchema } from '../../shared/view/pushSchemas';
import type { DisplayThumbnail } from '../../shared/wall/control';
import type { WallCore } from '../core/wallCore';

export const THUMBNAIL_INTERVAL_MS = 3_000;
export const THUMBNAIL_WIDTH = 480;
/** JPEG quality; a picture too big for the push (DisplayThumbnailSchema) is taken again at the fallback. */
const QUALITY = 50;
const FALLBACK_QUALITY = 25;
/** A hung renderer never answers: give up on it for this round. */
const CAPTURE_TIMEOUT_MS = 2_500;
const FAILURE_LOG_EVERY_MS = 60_000;

export type ThumbnailCore = Pick<WallCore, 'publishThumbnail' | 'consolesAttached'>;

/** A wall display and the page showing it now (undefined while the page is being replaced). */
export interface DisplayPage {
  displayId: string;
  page(): Page | undefined;
}

export interface ThumbnailStats {
  /** Thumbnails handed to the core. */
  captures: number;
  failures: number;
  /** Captures not tried because the display's page was being replaced. */
  skipped: number;
  /** Time spent capturing, over all captures (ms), and the slowest one. */
  captureMs: number;
  slowestMs: number;
}

export class WallThumbnails {
  private timer: NodeJS.Timeout | null = null;
  private capturing = false;
  private readonly sessions = new WeakMap<Page, Promise<CDPSession>>();
  private readonly lastFailureLog = new Map<string, number>();
  private readonly counts: ThumbnailStats = { captures: 0, failures: 0, skipped: 0, captureMs: 0, slowestMs: 0 };

  constructor(
    private readonly core: ThumbnailCore,
    private readonly displays: readonly DisplayPage[],
    private readonly log: (line: string) => void,
    private readonly intervalMs = THUMBNAIL_INTERVAL_MS,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.captureRound(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  stats(): ThumbnailStats {
    return { ...this.counts };
  }

  /** Captures every display once, one after another; nothing while no console is attached or a round is under way. */
  async captureRound(): Promise<void> {
    if (this.capturing || this.core.consolesAttached() === 0) return;
    this.capturing = true;
    try {
      for (const display of this.displays) {
        if (this.core.consolesAttached() === 0) break;
        await this.capture(display);
      }
    } finally {
      this.capturing = false;
    }
  }

  private async capture(display: DisplayPage): Promise<void> {
    const page = display.page();
    if (!page || page.isClosed()) {
      this.counts.skipped += 1;
      return;
    }
    const started = performance.now();
    try {
      const thumbnail = await withTimeout(this.shoot(page, display.displayId), CAPTURE_TIMEOUT_MS);
      const elapsed = performance.now() - started;
      this.counts.captureMs += elapsed;
      this.counts.slowestMs = Math.max(this.counts.slowestMs, elapsed);
      this.counts.captures += 1;
      this.core.publishThumbnail(thumbnail);
    } catch (error) {
      this.counts.failures += 1;
      const now = Date.now();
      if (now - (this.lastFailureLog.get(display.displayId) ?? -Infinity) < FAILURE_LOG_EVERY_MS) return;
      this.lastFailureLog.set(display.displayId, now);
      this.log(`thumbnail of display ${display.displayId} failed (logged once a minute): ${(error as Error).message}`);
    }
  }

  private async shoot(page: Page, displayId: string): Promise<DisplayThumbnail> {
    const session = await this.sessionOf(page);
    const metrics = await session.send('Page.getLayoutMetrics');
    const { clientWidth: width, clientHeight: height } = metrics.cssLayoutViewport;
    if (width < 1 || height < 1) throw new Error(`the page has no viewport yet (${width}×${height})`);
    // the clip's scale multiplies device pixels: divide the device pixel ratio out
    const devicePixelRatio = metrics.layoutViewport.clientWidth / width || 1;
    const clip = { x: 0, y: 0, width, height, scale: THUMBNAIL_WIDTH / (width * devicePixelRatio) };
    for (const quality of [QUALITY, FALLBACK_QUALITY]) {
      const { data } = await session.send('Page.captureScreenshot', { format: 'jpeg', quality, clip, captureBeyondViewport: false });
      const size = jpegSize(Buffer.from(data, 'base64'));
      if (!size) throw new Error('the capture is not a JPEG');
      const thumbnail = { displayId, dataUrl: `data:image/jpeg;base64,${data}`, at: new Date().toISOString(), ...size };
      if (DisplayThumbnailSchema.safeParse(thumbnail).success) return thumbnail;
    }
    throw new Error(`the picture is too large for a thumbnail even at JPEG quality ${FALLBACK_QUALITY}`);
  }

  private sessionOf(page: Page): Promise<CDPSession> {
    let session = this.sessions.get(page);
    if (!session) {
      session = page.context().newCDPSession(page);
      this.sessions.set(page, session);
      // a failed attach is tried again next round
      session.catch(() => this.sessions.delete(page));
    }
    return session;
  }
}

/** Width and height from a JPEG's frame header (SOFn), or undefined when it is not a JPEG. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number } | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1]!;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (jpeg[at + 5]! << 8) | jpeg[at + 6]!, width: (jpeg[at + 7]! << 8) | jpeg[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no picture within ${ms} ms (renderer busy or hung)`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
