// Socket.IO: handshake authentication, resume (connection-state recovery for short gaps, seq
// backlog for long ones), room fan-out by unit, commands with acks, and who is on duty where.
import type { Server, Socket } from 'socket.io';
import { HandshakeAuth } from '../../shared/protocol/auth';
import type { CommandAck } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import { parseAtEdge } from '../../shared/validation';
import type { Principal } from '../auth/accounts';
import type { EventScope } from '../domain/eventScope';
import { roomOf } from '../domain/unitChain';
import type { Store } from '../store/store';
import type { EventFeed } from './eventFeed';

/** Sockets still receiving their backlog sit in this room, which live broadcasts skip. */
const CATCHING_UP = 'catching-up';
const BACKLOG_PAGE = 500;

export interface SocketHubDeps {
  io: Server;
  store: Store;
  feed: EventFeed;
  scope: EventScope;
  /** The principal a bearer token stands for, or undefined. */
  authenticate(token: string): Promise<Principal | undefined>;
  execute(principal: Principal, command: unknown): Promise<CommandAck>;
  log?(message: string): void;
}

interface SocketData {
  principal: Principal;
  token: string;
}

interface CatchUp {
  unit: string;
  buffer: HubEvent[];
}

export class SocketHub {
  private readonly catchingUp = new Set<CatchUp>();
  private readonly staffed = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SocketHubDeps) {
    deps.io.use((socket, next) => {
      void this.authenticate(socket).then(
        (ok) => next(ok ? undefined : new Error('unauthorized')),
        () => next(new Error('unauthorized')),
      );
    });
    deps.io.on('connection', (socket) => this.onConnection(socket));
    this.unsubscribe = deps.feed.subscribe((events) => this.fanOut(events));
  }

  /** True while a console of `unit` is connected to this node. */
  isStaffed(unit: string): boolean {
    return (this.staffed.get(unit) ?? 0) > 0;
  }

  close(): void {
    this.unsubscribe();
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const auth = parseAtEdge(HandshakeAuth, socket.handshake.auth);
    if (!auth.ok) return false;
    const principal = await this.deps.authenticate(auth.value.token);
    if (!principal) return false;
    (socket.data as SocketData) = { principal, token: auth.value.token };
    return true;
  }

  private onConnection(socket: Socket): void {
    const { principal } = socket.data as SocketData;
    const unit = principal.unit;
    this.staffed.set(unit, (this.staffed.get(unit) ?? 0) + 1);
    socket.on('disconnect', () => this.staffed.set(unit, Math.max(0, (this.staffed.get(unit) ?? 1) - 1)));
    socket.on('command', (payload: unknown, ack: unknown) => void this.onCommand(socket, payload, ack));

    // Recovered by Socket.IO: rooms and missed broadcasts are already restored.
    if (socket.recovered && !socket.rooms.has(CATCHING_UP)) return;
    const since = parseAtEdge(HandshakeAuth, socket.handshake.auth);
    void socket.join(roomOf(unit));
    if (!since.ok || since.value.since === undefined) {
      void socket.leave(CATCHING_UP);
      return;
    }
    void socket.join(CATCHING_UP);
    void this.sendBacklog(socket, unit, since.value.since);
  }

  private async onCommand(socket: Socket, payload: unknown, ack: unknown): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (a: CommandAck) => void) : typeof payload === 'function' ? (payload as (a: CommandAck) => void) : undefined;
    const body = typeof payload === 'function' ? undefined : payload;
    const { principal, token } = socket.data as SocketData;
    // Tokens expire even on an open socket: a command after expiry must log in again.
    const current = await this.deps.authenticate(token);
    const result: CommandAck = current
      ? await this.deps.execute(current, body)
      : { ok: false, error: { code: 'unauthorized', message: `the session of ${principal.username} has expired` } };
    reply?.(result);
  }

  /**
   * Backlog then live, with no gap and no duplicate: from now on every delivered event lands in
   * the buffer; everything up to the feed's current position comes from the database; then the
   * buffer (all later) is flushed and the socket joins live broadcasts in the same tick.
   */
  private async sendBacklog(socket: Socket, unit: string, since: number): Promise<void> {
    // Through the socket's own room rather than socket.emit: broadcasts are what connection-state
    // recovery records, so a drop right after the backlog replays whatever of it was lost.
    const toSocket = this.deps.io.local.to(socket.id);
    const catchUp: CatchUp = { unit, buffer: [] };
    this.catchingUp.add(catchUp);
    try {
      const upTo = this.deps.feed.lastDelivered;
      let cursor = since;
      while (cursor < upTo && socket.connected) {
        const page = await this.deps.store.eventsAfter(cursor, BACKLOG_PAGE, upTo);
        if (page.length === 0) break;
        const visible = page.map((s) => this.deps.scope.visibleTo(s.event, unit)).filter((e): e is HubEvent => e !== null);
        if (visible.length) toSocket.emit('events', visible);
        cursor = page[page.length - 1]!.event.seq;
      }
      const last = Math.max(cursor, upTo);
      const rest = catchUp.buffer.filter((e) => e.seq > last);
      if (rest.length) toSocket.emit('events', rest);
      void socket.leave(CATCHING_UP);
    } catch (error) {
      this.deps.log?.(`backlog for ${socket.id} failed: ${(error as Error).message}`);
      socket.disconnect(true); // the client reconnects and asks again from what it has
    } finally {
      this.catchingUp.delete(catchUp);
    }
  }

  private fanOut(events: HubEvent[]): void {
    for (const catchUp of this.catchingUp) {
      for (const event of events) {
        const visible = this.deps.scope.visibleTo(event, catchUp.unit);
        if (visible) catchUp.buffer.push(visible);
      }
    }
    const byRoom = new Map<string, HubEvent[]>();
    for (const event of events) {
      for (const [room, payload] of this.deps.scope.roomPayloads(event)) {
        const list = byRoom.get(room);
        if (list) list.push(payload);
        else byRoom.set(room, [payload]);
      }
    }
    const live = this.deps.io.local;
    for (const [room, list] of byRoom) {
      if (list.length === 1) live.to(room).except(CATCHING_UP).emit('event', list[0]);
      else live.to(room).except(CATCHING_UP).emit('events', list);
    }
  }
}
