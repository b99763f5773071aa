// A socket.io client that collects and schema-checks every event the hub pushes, and a command
// helper that awaits the acknowledgement.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { HubEvent } from '../../shared/protocol/events';
import { describeIssue } from '../../shared/validation';

/** Every pushed event the shared schema rejected, across all clients of this test file. */
export const schemaRejections: { event: unknown; problem: string }[] = [];

export interface EventClient {
  socket: Socket;
  /** Valid events in arrival order. */
  events: HubEvent[];
  lastSeq(): number;
  /** Resolves with the first collected event matching `match` (already here or yet to come). */
  waitFor(match: (event: HubEvent) => boolean, timeoutMs?: number, what?: string): Promise<HubEvent>;
  /** Resolves once an event with seq >= `seq` has arrived. */
  waitForSeq(seq: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface ConnectOptions {
  since?: number;
  timeoutMs?: number;
  /** Any auth object at all (for handshake tests); replaces {token, since}. */
  auth?: unknown;
}

function collect(socket: Socket): { events: HubEvent[]; notify: Set<() => void> } {
  const events: HubEvent[] = [];
  const notify = new Set<() => void>();
  const take = (raw: unknown) => {
    const parsed = HubEvent.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else schemaRejections.push({ event: raw, problem: describeIssue(parsed.error) });
  };
  socket.on('event', (raw: unknown) => {
    take(raw);
    for (const wake of notify) wake();
  });
  socket.on('events', (raw: unknown) => {
    if (Array.isArray(raw)) raw.forEach(take);
    else schemaRejections.push({ event: raw, problem: '`events` payload is not an array' });
    for (const wake of notify) wake();
  });
  return { events, notify };
}

function socketFor(url: string, auth: unknown): Socket {
  return io(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
}

/** Connects and resolves once the hub accepted the handshake; rejects with the connect_error. */
export function connectClient(url: string, token: string, options: ConnectOptions = {}): Promise<EventClient> {
  const auth = options.auth ?? (options.since === undefined ? { token } : { token, since: options.since });
  const socket = socketFor(url, auth);
  const { events, notify } = collect(socket);
  const client: EventClient = {
    socket,
    events,
    lastSeq: () => events.at(-1)?.seq ?? 0,
    waitFor(match, timeoutMs = 5_000, what = 'a matching event') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          notify.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          notify.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; have ${events.length} events, last seq ${client.lastSeq()}`));
        }, timeoutMs);
        if (!check()) notify.add(check);
      });
    },
    async waitForSeq(seq, timeoutMs = 5_000) {
      await client.waitFor((e) => e.seq >= seq, timeoutMs, `seq ${seq}`);
    },
    close: () => {
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('socket connect timed out'));
    }, options.timeoutMs ?? 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** The message of the connect_error a handshake with `auth` fails with (throws if it connects). */
export async function handshakeError(url: string, auth: unknown): Promise<string> {
  try {
    const client = await connectClient(url, '', { auth });
    client.close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the handshake succeeded');
}

export type Ack = { ok: true; seq: number; incidentId?: string; taskId?: string; [k: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** Emits `command` with a fresh UUID (or `id`) and resolves with the acknowledgement. */
export async function command(socket: Socket, body: Record<string, unknown>, options: { id?: string; timeoutMs?: number } = {}): Promise<Ack> {
  const id = options.id ?? randomUUID();
  return (await socket.timeout(options.timeoutMs ?? 5_000).emitWithAck('command', { id, ...body })) as Ack;
}

/** Emits any payload at all as `command` (hostile tests). */
export async function rawCommand(socket: Socket, payload: unknown, timeoutMs = 5_000): Promise<Ack> {
  return (await socket.timeout(timeoutMs).emitWithAck('command', payload)) as Ack;
}

/** Like `command`, but throws unless the ack is ok, returning it typed. */
export async function commandOk(socket: Socket, body: Record<string, unknown>, options: { id?: string; timeoutMs?: number } = {}) {
  const ack = await command(socket, body, options);
  if (!ack.ok) throw new Error(`${String(body.type)} refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}
