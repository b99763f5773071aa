// Events the hub originates from sensors: indicator samples, batched into one
// `indicator.samples` event per interval, and camera status changes.
import type { IndicatorSample } from '../../shared/protocol/indicators';
import type { CameraStatus } from '../../shared/protocol/cameras';
import type { CommandService } from './commandService';

export class SystemPublisher {
  private pending: IndicatorSample[] = [];
  private readonly offline = new Set<string>();
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

  publishCameraStatus(cameraId: string, status: CameraStatus): void {
    if (status === 'offline') this.offline.add(cameraId);
    else this.offline.delete(cameraId);
    this.flushing = this.flushing.then(() =>
      this.commands.appendSystem(async () => [{ type: 'camera.status', cameraId, status }]).catch((e: Error) => this.log(`camera status: ${e.message}`)),
    );
  }

  isOffline(cameraId: string): boolean {
    return this.offline.has(cameraId);
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
