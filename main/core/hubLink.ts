import { io, type Socket } from 'socket.io-client';
import { LoginResponse } from '../../shared/protocol/auth';
import { ErrorResponse } from '../../shared/protocol/common';
import { CommandAck, type Command } from '../../shared/protocol/commands';
import { HubEvent } from '../../shared/protocol/events';
import { parseAtEdge } from '../../shared/validation';
import type { LinkState, LinkStatus } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { Emitter } from './emitter';
import { getWithToken, postLogin } from './hubHttp';
import { Rejections, silentLogger, type Logger } from './logger';

export interface HubLinkOptions {
  hubUrl: string;
  username: string;
  password: string;
  /** Resume point: the hub sends every event of our scope after this seq first. */
  since?: number;
  logger?: Logger;
  rejections?: Rejections;
  /** How long `send` waits for the hub's ack. */
  commandTimeoutMs?: number;
  /** How long `fetchJson` and login wait for an HTTP answer. */
  httpTimeoutMs?: number;
  /**
   * Backoff between attempts. After the hub refused our credentials it tries only every
   * `unauthorizedDelayMs` (30 s by default): nothing changes until an operator fixes the account.
   */
  reconnect?: { delayMs?: number; maxDelayMs?: number; jitter?: number; unauthorizedDelayMs?: number };
  now?: () => number;
}

export interface HubLinkCounters {
  received: number;
  duplicates: number;
  rejected: number;
}

/** How often a wall whose credentials were refused tries again, unless configured. */
export const UNAUTHORIZED_RETRY_MS = 30_000;

type HubLinkEvents = { status: [LinkStatus]; events: [HubEvent[]] };

/**
 * The wall machine's one connection to the hub: logs in, keeps a socket open with resume from
 * the last seq, validates every pushed event, sends commands and catalog queries.
 */
export class HubLink extends Emitter<HubLinkEvents> {
  private socket: Socket | null = null;
  private token: string | null = null;
  private login: LoginResponse | null = null;
  private loginInFlight: Promise<string> | null = null;
  private lastSeq: number;
  private current: LinkStatus;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAttempt = 0;
  private stopped = true;
  private readonly failInFlight = new Set<(error: Error) => void>();
  private readonly counts: HubLinkCounters = { received: 0, duplicates: 0, rejected: 0 };
  private readonly logger: Logger;
  private readonly rejections: Rejections;
  private readonly now: () => number;

  constructor(private readonly options: HubLinkOptions) {
    const logger = (options.logger ?? silentLogger).child({ component: 'hubLink' });
    super((error, name) => logger.error('listener failed', { event: name, error }));
    this.logger = logger;
    this.rejections = options.rejections ?? new Rejections(this.logger);
    this.now = options.now ?? Date.now;
    this.lastSeq = options.since ?? 0;
    this.current = { state: 'offline', lastSeq: this.lastSeq, hubUrl: options.hubUrl, since: this.iso() };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const r = this.options.reconnect ?? {};
    this.socket = io(this.options.hubUrl, {
      autoConnect: false,
      transports: ['websocket'],
      reconnectionDelay: r.delayMs ?? 500,
      reconnectionDelayMax: r.maxDelayMs ?? 10_000,
      randomizationFactor: r.jitter ?? 0.5,
      // A function: called before every (re)connect attempt, so `since` is always current.
      auth: (cb) => {
        this.ensureToken().then(
          (token) => cb({ token, since: this.lastSeq }),
          (error: unknown) => {
            this.logger.warn('login failed', { error });
            cb({ token: 'none', since: this.lastSeq }); // the hub refuses it; connect_error retries
          },
        );
      },
    });
    this.wire(this.socket);
    this.setStatus('connecting');
    this.socket.connect();
  }

  /**
   * Before the socket runs, a live wall's first contact with the hub is its snapshot fetch
   * (`LiveStart`): the link's status says that attempt is under way. While the credentials are
   * refused it stays `unauthorized`. Once the socket runs, its own events say how it goes.
   */
  reportStartAttempt(): void {
    if (this.stopped && this.current.state !== 'unauthorized') this.setStatus('connecting', this.current.detail);
  }

  /**
   * That first contact failed: `unauthorized` when the hub refused our login (the caller should
   * retry slowly, see `reconnect.unauthorizedDelayMs`), otherwise `offline`, each with why.
   */
  reportStartFailure(error: unknown): LinkState {
    const state = this.refusedLogin ? 'unauthorized' : 'offline';
    if (this.stopped) this.setStatus(state, this.refusedLogin?.message ?? (error instanceof Error ? error.message : String(error)));
    return state;
  }

  /** Where the stream resumes: the seq of the snapshot the wall started from. Only while stopped. */
  resumeFrom(seq: number): void {
    if (!this.stopped) throw new CoreError('internal', 'resumeFrom: the link is already running');
    this.lastSeq = seq;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.retryTimer = null;
    this.expiryTimer = null;
    this.failAll(new CoreError('unavailable', 'hub link stopped'));
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setStatus('offline', 'stopped');
  }

  status(): LinkStatus {
    return { ...this.current, lastSeq: this.lastSeq };
  }

  /** Who we are logged in as, once a login has succeeded. */
  session(): { user: LoginResponse['user']; unit: LoginResponse['unit'] } | null {
    return this.login ? { user: this.login.user, unit: this.login.unit } : null;
  }

  counters(): HubLinkCounters {
    return { ...this.counts };
  }

  /** Sends one command; resolves with the validated ack, rejects when offline, on disconnect or timeout. */
  send(command: Command): Promise<CommandAck> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new CoreError('unavailable', 'hub link is offline'));
    const timeoutMs = this.options.commandTimeoutMs ?? 10_000;
    return new Promise<CommandAck>((resolve, reject) => {
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        this.failInFlight.delete(fail);
        fn();
      };
      const fail = (error: Error) => settle(() => reject(error));
      const timer = setTimeout(() => fail(new CoreError('unavailable', `no ack within ${timeoutMs} ms`)), timeoutMs);
      this.failInFlight.add(fail);
      socket.emit('command', command, (raw: unknown) => {
        const parsed = parseAtEdge(CommandAck, raw);
        if (parsed.ok) {
          settle(() => resolve(parsed.value));
          if (!parsed.value.ok && parsed.value.error.code === 'unauthorized') this.renewSession('command refused: unauthorized');
          return;
        }
        this.rejections.record('hub:ack', parsed, { commandId: command.id });
        fail(new CoreError('internal', `hub ack invalid: ${parsed.message}`, parsed.field));
      });
    });
  }

  /** GET a hub path (`/api/v1/...`) with our bearer token; logs in again once on 401. */
  async fetchJson(path: string): Promise<unknown> {
    let response = await this.authorizedGet(path, await this.ensureToken());
    if (response.status === 401) {
      this.token = null;
      response = await this.authorizedGet(path, await this.ensureToken());
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return body;
    const error = parseAtEdge(ErrorResponse, body);
    if (error.ok) throw new CoreError(error.value.error.code, error.value.error.message);
    throw new CoreError(response.status >= 500 ? 'unavailable' : 'invalid', `hub answered ${response.status} for ${path}`);
  }

  private wire(socket: Socket): void {
    socket.on('connect', () => {
      this.retryAttempt = 0;
      this.setStatus('connected');
    });
    socket.on('disconnect', (reason) => {
      this.failAll(new CoreError('unavailable', `hub link lost: ${reason}`));
      this.setStatus('offline', reason);
      // The server closed us on purpose (e.g. expired token): socket.io does not retry that itself.
      if (reason === 'io server disconnect') {
        this.token = null;
        this.scheduleReconnect();
      }
    });
    socket.on('connect_error', (error: Error) => {
      if (socket.active) return this.setStatus('offline', error.message); // transport: socket.io retries
      // Refused by the hub's handshake check: log in afresh, then retry with our own backoff.
      this.token = null;
      const refused = error.message === 'unauthorized' ? this.refusedLogin : null;
      this.setStatus(refused ? 'unauthorized' : 'offline', refused?.message ?? error.message);
      this.scheduleReconnect();
    });
    socket.on('event', (raw: unknown) => this.receive([raw]));
    socket.on('events', (raw: unknown) => {
      if (Array.isArray(raw)) return this.receive(raw);
      this.counts.rejected++;
      this.rejections.record('hub:events', { ok: false, field: '(root)', message: '(root): expected an array' });
    });
  }

  private receive(items: readonly unknown[]): void {
    const accepted: HubEvent[] = [];
    for (const raw of items) {
      const parsed = parseAtEdge(HubEvent, raw);
      if (!parsed.ok) {
        this.counts.rejected++;
        const seq = seqOf(raw);
        this.rejections.record('hub:event', parsed, { seq });
        // Still move past it, or every resume would ask for it again.
        if (seq !== undefined && seq > this.lastSeq) this.lastSeq = seq;
        continue;
      }
      if (parsed.value.seq <= this.lastSeq) {
        this.counts.duplicates++;
        continue;
      }
      this.lastSeq = parsed.value.seq;
      this.counts.received++;
      accepted.push(parsed.value);
    }
    if (accepted.length > 0) this.emit('events', accepted);
  }

  /** Set while our latest login was answered 401: the hub refuses the wall's credentials. */
  private refusedLogin: CoreError | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;

  /** The token has expired (or is about to): log in again and reconnect, resuming from lastSeq. */
  private renewSession(why: string): void {
    this.token = null;
    if (this.stopped || !this.socket) return;
    this.logger.info('renewing session', { why });
    this.socket.disconnect();
    this.setStatus('connecting', why);
    this.socket.connect();
  }

  private scheduleRenewal(expiresAt: string | undefined): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const at = expiresAt ? Date.parse(expiresAt) : NaN;
    if (Number.isNaN(at)) return;
    // A minute early (or halfway, for short tokens), capped to what a timer can hold.
    const lifetime = at - this.now();
    const delay = Math.min(2 ** 31 - 1, Math.max(1000, Math.min(lifetime - 60_000, lifetime / 2)));
    this.expiryTimer = setTimeout(() => this.renewSession('token expiring'), delay);
    this.expiryTimer.unref();
  }

  private ensureToken(): Promise<string> {
    if (this.token) return Promise.resolve(this.token);
    this.loginInFlight ??= this.doLogin().finally(() => (this.loginInFlight = null));
    return this.loginInFlight;
  }

  private async doLogin(): Promise<string> {
    const { hubUrl, username, password } = this.options;
    this.refusedLogin = null;
    const response = await postLogin(hubUrl, username, password, this.httpTimeoutMs());
    if (response.status === 401) {
      this.refusedLogin = new CoreError('unauthorized', `the hub refused the wall's credentials (login as ${username} answered 401)`);
      throw this.refusedLogin;
    }
    if (!response.ok) throw new CoreError('unavailable', `login answered ${response.status}`);
    const parsed = parseAtEdge(LoginResponse, await response.json().catch(() => null));
    if (!parsed.ok) {
      this.rejections.record('hub:login', parsed);
      throw new CoreError('internal', `login answer invalid: ${parsed.message}`, parsed.field);
    }
    this.login = parsed.value;
    this.token = parsed.value.token;
    this.scheduleRenewal(parsed.value.expiresAt);
    this.logger.info('logged in', { username: parsed.value.user.username, unit: parsed.value.unit.code });
    return this.token;
  }

  private authorizedGet(path: string, token: string): Promise<Response> {
    return getWithToken(this.options.hubUrl, path, token, this.httpTimeoutMs());
  }

  private httpTimeoutMs(): number {
    return this.options.httpTimeoutMs ?? 10_000;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const r = this.options.reconnect ?? {};
    const jitter = r.jitter ?? 0.5;
    const delay =
      this.current.state === 'unauthorized'
        ? (r.unauthorizedDelayMs ?? UNAUTHORIZED_RETRY_MS)
        : Math.min(r.maxDelayMs ?? 10_000, (r.delayMs ?? 500) * 2 ** this.retryAttempt++) * (1 - jitter + Math.random() * 2 * jitter);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped || !this.socket || this.socket.connected) return;
      if (this.current.state !== 'unauthorized') this.setStatus('connecting');
      this.socket.connect();
    }, delay);
  }

  private failAll(error: Error): void {
    for (const fail of [...this.failInFlight]) fail(error);
  }

  private setStatus(state: LinkState, detail?: string): void {
    if (this.current.state === state && this.current.detail === detail) return;
    const changedState = this.current.state !== state;
    this.current = {
      state,
      lastSeq: this.lastSeq,
      hubUrl: this.options.hubUrl,
      ...(detail !== undefined ? { detail } : {}),
      since: changedState ? this.iso() : this.current.since,
    };
    if (changedState) this.logger.info('link', { state, detail, lastSeq: this.lastSeq });
    this.emit('status', this.status());
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

function seqOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const seq = (raw as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? seq : undefined;
}
