import type { BridgePush, BridgePushes } from '../../shared/view/viewChannel';
import type { DisplayThumbnail } from '../../shared/wall/control';
import { CoreError } from '../core/coreError';
import type { UnresponsiveView, ViewPort } from '../core/viewHost';
import type { ShellCore } from './viewSocket';

/**
 * A stand-in wall core for the shells' own tests: records attached views, answers `view:hello`
 * with a seq, lets a test push to views or fire `view-unresponsive`, and passes wall thumbnails
 * to the consoles attached as the real core does.
 */
export class FakeCore implements ShellCore {
  readonly ports = new Map<string, ViewPort>();
  readonly calls: { viewId: string; channel: string; args: unknown }[] = [];
  readonly attachCount = new Map<string, number>();
  readonly thumbnails: DisplayThumbnail[] = [];
  seq = 0;
  private unresponsiveListeners: ((view: UnresponsiveView) => void)[] = [];

  attachView(port: ViewPort): void {
    this.ports.set(port.id, port);
    this.attachCount.set(port.id, (this.attachCount.get(port.id) ?? 0) + 1);
  }

  detachView(id: string): void {
    this.ports.delete(id);
  }

  async handleCall(viewId: string, channel: string, args: unknown): Promise<unknown> {
    this.calls.push({ viewId, channel, args });
    if (channel === 'view:hello') return { viewId, seq: this.seq };
    if (channel === 'outbox:list') return [];
    throw new CoreError('not_found', `fake core has no ${channel}`);
  }

  on(_event: 'view-unresponsive', listener: (view: UnresponsiveView) => void): () => void {
    this.unresponsiveListeners.push(listener);
    return () => (this.unresponsiveListeners = this.unresponsiveListeners.filter((l) => l !== listener));
  }

  publishThumbnail(thumbnail: DisplayThumbnail): void {
    this.thumbnails.push(thumbnail);
    for (const port of this.ports.values()) if (port.role === 'console') port.send('wall:thumbnail', thumbnail);
  }

  consolesAttached(): number {
    return [...this.ports.values()].filter((port) => port.role === 'console').length;
  }

  push<K extends BridgePush>(channel: K, payload: BridgePushes[K]): void {
    for (const port of this.ports.values()) port.send(channel, payload);
  }

  /** Plays the core's view host detaching a view that did not acknowledge in time. */
  reportUnresponsive(viewId: string): void {
    const port = this.ports.get(viewId);
    if (!port) return;
    this.ports.delete(viewId);
    port.close('ack-timeout');
    for (const listener of this.unresponsiveListeners) listener({ viewId, role: port.role, displayId: port.displayId, pushId: 0, reason: 'ack-timeout' });
  }
}
