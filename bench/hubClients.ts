// One bench:hub client worker: holds a share of the 12,342 centre connections, counts every
// event they receive and times each dispatch at its target. Forked by bench/hub.ts; talks over IPC.
import { io, type Socket } from 'socket.io-client';

export interface ClientSpec {
  unit: string;
  /** The socket.io handshake `auth` object. */
  auth: Record<string, unknown>;
}

export type WorkerRequest =
  | { cmd: 'connect'; url: string; clients: ClientSpec[]; concurrency: number }
  | { cmd: 'measure' }
  | { cmd: 'report' }
  | { cmd: 'close' };

export type WorkerReply =
  | { type: 'connected'; connected: number; failed: number; firstError?: string; ms: number }
  | { type: 'report'; latenciesMs: number[]; events: number; undelivered: number };

/** Marks a dispatch note with its send time, so the target can time it. */
export const NOTE_PREFIX = 'bench:';
export const clockMs = () => performance.timeOrigin + performance.now();

const sockets: Socket[] = [];
let measuring = false;
let events = 0;
let latenciesMs: number[] = [];

function onEvent(unit: string, event: { type?: string; toUnit?: string; note?: string }): void {
  if (!measuring) return;
  events++;
  if (event.type === 'task.dispatched' && event.toUnit === unit && event.note?.startsWith(NOTE_PREFIX)) {
    latenciesMs.push(clockMs() - Number(event.note.slice(NOTE_PREFIX.length)));
  }
}

function connectOne(url: string, spec: ClientSpec): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: spec.auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
    socket.on('event', (e) => onEvent(spec.unit, e));
    socket.on('events', (list: unknown[]) => {
      for (const e of list) onEvent(spec.unit, e as never);
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectAll(url: string, clients: ClientSpec[], concurrency: number): Promise<WorkerReply> {
  const started = Date.now();
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < clients.length) {
        const spec = clients[next++]!;
        try {
          sockets.push(await connectOne(url, spec));
        } catch (error) {
          failed++;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  return { type: 'connected', connected: sockets.length, failed, ...(firstError ? { firstError } : {}), ms: Date.now() - started };
}

process.on('message', (message: WorkerRequest) => {
  const reply = (r: WorkerReply) => process.send?.(r);
  switch (message.cmd) {
    case 'connect':
      void connectAll(message.url, message.clients, message.concurrency).then(reply);
      break;
    case 'measure':
      measuring = true;
      events = 0;
      latenciesMs = [];
      break;
    case 'report':
      measuring = false;
      reply({ type: 'report', latenciesMs, events, undelivered: sockets.filter((s) => !s.connected).length });
      break;
    case 'close':
      for (const socket of sockets) socket.close();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
