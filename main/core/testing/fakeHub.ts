import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Command, CommandAck } from '../../../shared/protocol/commands';
import type { EventDraft, HubEvent } from '../../../shared/protocol/events';
import { reduceEvents } from '../../../shared/state/reduceEvents';
import { emptyWallState } from '../../../shared/state/wallState';

/**
 * A minimal hub for the core's unit tests: login, snapshot, resume by `since`, idempotent commands.
 * It keeps the wire contract's shapes but none of the hub's rules; e2e tests use the real hub.
 */
export interface FakeHub {
  url: string;
  port: number;
  readonly events: HubEvent[];
  /** Stamps seq/ts and pushes to every connected socket. */
  publish(draft: EventDraft): HubEvent;
  /** Pushes anything as an `event` frame (for validation tests); not stored. */
  pushRaw(raw: unknown): void;
  /** Commands received, each id once. */
  readonly commands: Command[];
  /** Replace how a command is answered (default: incident.report → incident.reported). */
  onCommand(handler: (command: Command) => CommandAck | null): void;
  /** Drop every socket (the server side closes). */
  disconnectAll(): void;
  /** Invalidate every issued token. */
  revokeTokens(): void;
  logins: number;
  /** Logins answered 401 (wrong credentials). */
  loginRefusals: number;
  /** Changes (or adds) an account, as an operator fixing it would. */
  setPassword(username: string, password: string): void;
  /** How many times `GET /api/v1/snapshot` was answered. */
  snapshots: number;
  close(): Promise<void>;
}

export interface FakeHubOptions {
  port?: number;
  users?: Record<string, string>;
  tokenTtlMs?: number;
  /** Stamps events' `ts` (real time by default). */
  now?: () => number;
}

export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const users = { ...(options.users ?? { 'city-duty': 'demo' }) };
  const now = options.now ?? Date.now;
  const tokens = new Set<string>();
  const answers = new Map<string, CommandAck>();
  const events: HubEvent[] = [];
  const commands: Command[] = [];
  let seq = 0;
  let tokenCount = 0;

  const publish = (draft: EventDraft): HubEvent => {
    const event = { ...draft, seq: ++seq, ts: new Date(now()).toISOString() } as HubEvent;
    events.push(event);
    io.emit('event', event);
    return event;
  };
  let handler = (command: Command): CommandAck | null => {
    if (command.type !== 'incident.report') return { ok: false, error: { code: 'invalid', message: 'type: unsupported' } };
    const incidentId = `inc-${seq + 1}`;
    const { id: _id, type: _type, ...body } = command;
    const event = publish({ type: 'incident.reported', incidentId, units: ['500000'], ...body });
    return { ok: true, seq: event.seq, incidentId };
  };

  const http = createServer((req, res) => void route(req, res));
  const hub: FakeHub = {
    url: '',
    port: 0,
    events,
    publish,
    pushRaw: (raw) => io.emit('event', raw),
    commands,
    onCommand: (h) => (handler = h),
    disconnectAll: () => io.disconnectSockets(true),
    revokeTokens: () => tokens.clear(),
    logins: 0,
    loginRefusals: 0,
    setPassword: (username, password) => (users[username] = password),
    snapshots: 0,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/api/v1/login') {
      let text = '';
      for await (const chunk of req) text += String(chunk);
      const { username, password } = JSON.parse(text) as { username: string; password: string };
      if (users[username] !== password) {
        hub.loginRefusals++;
        return send(401, { error: { code: 'unauthorized', message: 'bad credentials' } });
      }
      const token = `tok-${++tokenCount}`;
      tokens.add(token);
      hub.logins++;
      const expiresAt = new Date(Date.now() + (options.tokenTtlMs ?? 3600_000)).toISOString();
      return send(200, { token, expiresAt, user: { username, roles: ['duty'] }, unit: { code: '500000', level: 'city', name: '重庆市' } });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!tokens.has(bearer)) return send(401, { error: { code: 'unauthorized', message: 'token' } });
    if (url.pathname === '/api/v1/snapshot') {
      hub.snapshots++;
      return send(200, reduceEvents(emptyWallState(), events)); // unscoped: the fake has one user
    }
    if (url.pathname === '/api/v1/indicators') {
      return send(200, [{ id: 'aqi', name: 'AQI', board: 'ecology', unit: '500000', thresholds: { warn: 100, alarm: 150, direction: 'above' } }]);
    }
    if (url.pathname === '/api/v1/units/500000/children') return send(200, [{ code: '500103', name: '渝中区' }]);
    if (url.pathname === '/api/v1/cameras') {
      // `cam-1` … `cam-30`, nearest first whatever the point: enough to see which were asked for.
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const cameras = Array.from({ length: Math.min(limit, 30) }, (_, i) => ({ id: `cam-${i + 1}`, name: `摄像头 ${i + 1}`, unit: '500103', location: [106.57, 29.55], hls: `${hub.url}/hls/cam-${i + 1}/index.m3u8` }));
      return send(200, cameras);
    }
    return send(404, { error: { code: 'not_found', message: url.pathname } });
  }

  const io = new Server(http);
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: string };
    if (auth.token && tokens.has(auth.token)) return next();
    next(new Error('unauthorized'));
  });
  io.on('connection', (socket) => {
    const since = Number((socket.handshake.auth as { since?: number }).since ?? 0);
    const backlog = events.filter((e) => e.seq > since);
    if (backlog.length) socket.emit('events', backlog);
    const token = String((socket.handshake.auth as { token?: string }).token);
    socket.on('command', (command: Command, ack: (answer: CommandAck) => void) => {
      // Like the real hub: a token that stopped working on an open socket refuses commands.
      if (!tokens.has(token)) return ack({ ok: false, error: { code: 'unauthorized', message: 'session expired' } });
      const known = answers.get(command.id);
      if (known) return ack(known);
      const answer = handler(command);
      if (!answer) return; // never answered: the client times out
      commands.push(command);
      answers.set(command.id, answer);
      ack(answer);
    });
  });

  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  hub.port = (http.address() as AddressInfo).port;
  hub.url = `http://127.0.0.1:${hub.port}`;
  return hub;
}
