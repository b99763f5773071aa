// Events the hub originates from sensors: indicator samples, batched into one
// `indicator.samples` event per interval, and camera status changes.
import type { IndicatorSample } from '../../shared/protocol/indicators';
import type { CameraStatus } from '../../shared/protocol/cameras';
import type { HubEvent } from '../../shared/protocol/events';
import type { CommandService } from './commandService';

export class SystemPublisher {
  private pending: IndicatorSample[] = [];
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly commands: CommandService,
    intervalMs = 1000,
    private readonly log: (m: string) => void = () => undefined,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  publishSamples(samples: IndicatorSample[]): void {
    this.pending.push(...samples);
  }

  /**
   * Appends a `camera.status` event (in order with the samples); resolves with it once committed,
   * or undefined when the append failed (logged). The feeds of loop cameras follow the event.
   */
  publishCameraStatus(cameraId: string, status: CameraStatus): Promise<HubEvent | undefined> {
    const appended = this.flushing.then(() =>
      this.commands
        .appendSystem(async () => [{ type: 'camera.status', cameraId, status }])
        .then(([event]) => event)
        .catch((e: Error) => {
          this.log(`camera status: ${e.message}`);
          return undefined;
        }),
    );
    this.flushing = appended;
    return appended;
  }

  /** Appends what is pending now (also called on close). */
  flush(): Promise<unknown> {
    if (this.pending.length === 0) return this.flushing;
    const samples = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() =>
      this.commands.appendSystem(async () => [{ type: 'indicator.samples', samples }]).catch((e: Error) => this.log(`samples: ${e.message}`)),
    );
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
