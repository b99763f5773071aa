import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import { parseAtEdge } from '../../shared/validation';
import { BRIDGE_CALLS, ViewRole, type BridgePush, type BridgePushes } from '../../shared/view/viewChannel';
import { MAX_VIEW_FRAME_BYTES, ViewFrameIn, type ViewFrameOut } from '../../shared/view/wireFrames';
import { errorBody } from '../core/coreError';
import type { ViewPort } from '../core/viewHost';
import type { WallCore } from '../core/wallCore';

export const VIEW_SOCKET_PATH = '/view-socket';

/** What the browser shell uses of the wall core; the subset keeps test fakes small. */
/** What the browser shell uses of the wall core; the optional parts are absent in some test fakes. */
export type ShellCore = Pick<WallCore, 'attachView' | 'detachView' | 'handleCall' | 'on'> &
  Partial<Pick<WallCore, 'setWallProfile' | 'publishThumbnail' | 'consolesAttached'>>;

const ViewName = z.string().min(1).max(64).regex(/^[\w.:-]+$/);
const ViewSocketQuery = z.object({ role: ViewRole, display: ViewName, view: ViewName });

/** Close codes the renderer can tell apart (4000–4999 are the application's). */
export const CLOSE_REPLACED = 4001;
export const CLOSE_BY_CORE = 4002;

export interface ViewSocketStats {
  connections: number;
  rejectedFrames: number;
}

/**
 * The browser shell's half of the bridge: each WebSocket on /view-socket is one view's
 * `ViewPort`. Frames are validated (`ViewFrameIn`), calls go to `core.handleCall` raw like IPC
 * arguments do in Electron, results and pushes go back as `ViewFrameOut`.
 */
export class ViewSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_VIEW_FRAME_BYTES });
  private readonly ports = new Map<string, SocketViewPort>();
  private rejectedFrames = 0;

  constructor(
    private readonly core: ShellCore,
    private readonly log: (line: string) => void,
  ) {}

  stats(): ViewSocketStats {
    return { connections: this.ports.size, rejectedFrames: this.rejectedFrames };
  }

  /** Takes over an HTTP upgrade whose path is /view-socket (origin already checked). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = parseAtEdge(ViewSocketQuery, Object.fromEntries(url.searchParams));
    if (!query.ok) {
      this.log(`view socket refused: query ${query.message}`);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const { role, display, view } = query.value;
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, { id: view, role, displayId: display }));
  }

  close(): void {
    for (const port of this.ports.values()) port.close('shell closing');
    this.ports.clear();
    this.wss.close();
  }

  private accept(ws: WebSocket, who: { id: string; role: ViewRole; displayId: string }): void {
    const previous = this.ports.get(who.id);
    if (previous) {
      // A reloaded page can connect before its old socket is noticed gone: the newest wins.
      this.ports.delete(who.id);
      this.core.detachView(who.id);
      previous.terminate(CLOSE_REPLACED, 'replaced by a newer connection');
    }
    const port = new SocketViewPort(who, ws);
    this.ports.set(who.id, port);
    ws.on('message', (data, isBinary) => void this.onFrame(port, ws, data, isBinary));
    ws.on('close', () => {
      if (this.ports.get(who.id) !== port) return;
      this.ports.delete(who.id);
      this.core.detachView(who.id);
    });
    ws.on('error', (error) => {
      // ws reports an oversized frame here (and closes with 1009).
      this.rejectedFrames += 1;
      this.log(`view ${who.id}: socket error, closing: ${error.message}`);
    });
    this.core.attachView(port);
  }

  private async onFrame(port: SocketViewPort, ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const text = isBinary ? null : rawToText(data);
    let raw: unknown;
    try {
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      raw = undefined;
    }
    if (raw === undefined) return this.reject(port, undefined, '(frame)', 'not a JSON text frame');
    const frame = parseAtEdge(ViewFrameIn, raw);
    if (!frame.ok) return this.reject(port, idOf(raw), frame.field, frame.message);
    const { id, channel, args } = frame.value;
    if (!Object.hasOwn(BRIDGE_CALLS, channel)) return this.reject(port, id, 'channel', `unknown channel ${channel}`);
    let reply: ViewFrameOut;
    try {
      const value = await this.core.handleCall(port.id, channel, args);
      reply = { t: 'result', id, ok: true, value: value ?? null };
    } catch (error) {
      reply = { t: 'result', id, ok: false, error: errorBody(error) };
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(reply));
  }

  private reject(port: SocketViewPort, id: number | undefined, field: string, message: string): void {
    this.rejectedFrames += 1;
    this.log(`view ${port.id}: frame rejected at ${field}: ${message}`);
    if (id !== undefined) port.reply({ t: 'result', id, ok: false, error: { code: 'invalid', message: `${field}: ${message}` } });
  }
}

class SocketViewPort implements ViewPort {
  readonly id: string;
  readonly role: ViewRole;
  readonly displayId: string;

  constructor(
    who: { id: string; role: ViewRole; displayId: string },
    private readonly ws: WebSocket,
  ) {
    this.id = who.id;
    this.role = who.role;
    this.displayId = who.displayId;
  }

  send<K extends BridgePush>(channel: K, payload: BridgePushes[K]): void {
    this.reply({ t: 'push', channel, payload });
  }

  reply(frame: ViewFrameOut): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  close(reason: string): void {
    this.terminate(CLOSE_BY_CORE, reason);
  }

  /** The socket's 'close' event then detaches the view, if it is still the current one. */
  terminate(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      // Close reasons are capped at 123 bytes by the protocol.
      this.ws.close(code, Buffer.from(reason).subarray(0, 120).toString());
    }
  }
}

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function idOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}
