import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../../shared/protocol/commands';
import type { WallState } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import { BRIDGE_CALLS, type BridgeArgs, type BridgeCall, type BridgeResults, type LinkStatus, type PlayerInfo } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { loadRecording } from './eventFile';
import { HubLink, type HubLinkCounters } from './hubLink';
import { hubQueryRequest } from './hubQuery';
import { Journal, listJournalFiles } from './journal';
import { LivePlayer } from './livePlayer';
import { LiveStart } from './liveStart';
import { createLogger, Rejections } from './logger';
import { Outbox } from './outbox';
import { controlPlayer, type Player } from './player';
import { ReplayPlayer } from './replayPlayer';
import type { WallConfig } from './wallConfig';
import { ViewHost, type UnresponsiveView, type ViewPort } from './viewHost';

export interface WallCoreStatus {
  started: boolean;
  mode: 'live' | 'replay';
  link: LinkStatus;
  linkCounters: HubLinkCounters;
  player: PlayerInfo;
  views: ReturnType<ViewHost['list']>;
  outbox: { pending: number; total: number };
  rejections: { total: number; bySource: Record<string, number> };
  stateSeq: number;
  /** The seq of the hub snapshot this live wall started from; null until it has one, and in replay. */
  startSeq: number | null;
}

export interface WallCore {
  /** Opens the outbox and journal, starts the player and the hub link. */
  start(): Promise<void>;
  /** Stops the link and the player, flushes the journal, closes the outbox. Views are left to the shell. */
  stop(): Promise<void>;
  attachView(port: ViewPort): void;
  detachView(viewId: string, reason?: string): void;
  /** One call from a view. Arguments are validated; failures throw `CoreError` (`code`, `message`, `field`). */
  handleCall(viewId: string, channel: string, rawArgs: unknown): Promise<unknown>;
  /** A view did not apply a push in time and was detached: the shell should reload it. */
  on(name: 'view-unresponsive', listener: (view: UnresponsiveView) => void): () => void;
  status(): WallCoreStatus;
  /** The player, for replay controls (`seek`, `setSpeed`, `pause`, `resume` where declared). */
  player(): Player;
  /** The folded state every view has (or is being sent). */
  state(): WallState;
}

/** Composes link, player, outbox, journal and view host for one wall machine. */
export function createWallCore(config: WallConfig): WallCore {
  const logger = config.logger ?? createLogger({ base: { process: 'wall-core' } });
  const rejections = new Rejections(logger);
  const now = config.now ?? Date.now;
  const mode = config.player?.kind ?? 'live';
  const link = new HubLink({ ...config.link, hubUrl: config.hubUrl, username: config.username, password: config.password, logger, rejections, now });
  let outbox: Outbox | null = null;
  let journal: Journal | null = null;
  const livePlayer = new LivePlayer(link, { now, logger });
  let player: Player = livePlayer;
  let liveStart: LiveStart | null = null;
  let startSeq: number | null = null;
  let started = false;
  const unsubscribe: (() => void)[] = [];

  const views = new ViewHost({
    logger,
    ...(config.viewAckTimeoutMs !== undefined ? { ackTimeoutMs: config.viewAckTimeoutMs } : {}),
    context: () => ({
      user: link.session()?.user ?? null,
      unit: link.session()?.unit ?? null,
      hubUrl: config.hubUrl,
      player: player.info(),
      link: link.status(),
      outbox: outbox?.list() ?? [],
    }),
  });
  unsubscribe.push(views.on('view-unresponsive', (v) => journal?.append({ kind: 'view', viewId: v.viewId, what: 'unresponsive', detail: v.reason })));

  const calls: { [C in BridgeCall]: (viewId: string, args: BridgeArgs<C>) => Promise<BridgeResults[C]> } = {
    'view:hello': async (viewId) => {
      journal?.append({ kind: 'view', viewId, what: 'hello' });
      return views.hello(viewId);
    },
    'player:ack': async (viewId, args) => {
      if (args.viewId !== viewId) throw refuse(`view:player:ack`, 'viewId', `viewId: ${args.viewId} is not the calling view`, viewId);
      views.ack(viewId, args.pushId);
      return { ok: true };
    },
    'command:submit': async (_viewId, args) => {
      if (mode === 'replay') throw new CoreError('forbidden', 'commands are not sent while replaying');
      return requireOutbox().submit(args.command as Command); // the schema requires `id`; its inferred type drops it
    },
    'outbox:list': async () => requireOutbox().list(),
    'player:control': async (_viewId, control) => controlPlayer(player, control),
    'hub:query': async (_viewId, args) => {
      const { path, schema } = hubQueryRequest(args.query);
      const parsed = parseAtEdge(schema, await link.fetchJson(path));
      if (parsed.ok) return parsed.value;
      rejections.record('hub:query', parsed, { path });
      throw new CoreError('internal', `hub answer invalid: ${parsed.message}`, parsed.field);
    },
  };

  function refuse(source: string, field: string, message: string, viewId: string): CoreError {
    rejections.record(source, { ok: false, field, message }, { viewId });
    return new CoreError('invalid', message, field);
  }

  function requireOutbox(): Outbox {
    if (!outbox) throw new CoreError('unavailable', 'the wall core is not started');
    return outbox;
  }

  async function createReplayPlayer(file: string, speed?: number, startAt?: string): Promise<Player> {
    const isDir = (await stat(file)).isDirectory();
    const recording = await loadRecording(isDir ? await listJournalFiles(file) : [file], rejections);
    logger.info('replay loaded', { file, events: recording.events.length, snapshots: recording.snapshots.length });
    return new ReplayPlayer(recording, { logger, ...(speed !== undefined ? { speed } : {}), ...(startAt !== undefined ? { startAt } : {}) });
  }

  return {
    async start() {
      if (started) return;
      started = true;
      const journalConfig = config.journal ?? {};
      if (journalConfig.enabled !== false) {
        journal = await Journal.open({ dir: join(config.dataDir, 'journal'), ...journalConfig, now, logger });
      }
      outbox = await Outbox.open({ dir: join(config.dataDir, 'outbox'), transport: link, logger, now, ...(config.outboxRetry ? { retry: config.outboxRetry } : {}) });
      unsubscribe.push(
        outbox.on('changed', (items) => views.broadcast('outbox:changed', items)),
        outbox.on('submitted', (item) => journal?.append({ kind: 'command', command: item.command })),
        outbox.on('settled', (item) => journal?.append({ kind: 'ack', id: item.id, status: item.status, ...(item.ack ? { ack: item.ack } : {}) })),
        link.on('status', (status) => {
          journal?.append({ kind: 'link', status });
          views.broadcast('link:status', status);
          if (status.state === 'connected') outbox?.kick();
        }),
      );
      if (config.player?.kind === 'replay') {
        player = await createReplayPlayer(config.player.file, config.player.speed, config.player.startAt);
        player.start(views.push);
        return; // replay needs the hub only for catalog queries, which log in on demand
      }
      unsubscribe.push(link.on('events', (events) => events.forEach((event) => journal?.append({ kind: 'event', event }))));
      player.start(views.push);
      // Start from the hub's state now, then stream what follows it: never the whole history.
      liveStart = new LiveStart({
        link,
        rejections,
        logger,
        ...(config.link?.reconnect ? { retry: config.link.reconnect } : {}),
        onSnapshot: (snapshot) => {
          journal?.append({ kind: 'snapshot', seq: snapshot.seq, state: snapshot });
          startSeq = snapshot.seq;
          livePlayer.reset(snapshot);
          link.resumeFrom(snapshot.seq);
          link.start();
        },
      });
      await liveStart.begin();
    },

    async stop() {
      if (!started) return;
      started = false;
      liveStart?.cancel();
      await link.stop();
      await player.stop();
      for (const off of unsubscribe.splice(0)) off();
      await outbox?.close();
      await journal?.close();
    },

    attachView(port) {
      views.attach(port);
      journal?.append({ kind: 'view', viewId: port.id, what: 'attached', detail: `${port.role}@${port.displayId}` });
    },

    detachView(viewId, reason = 'detached') {
      views.detach(viewId, reason);
      journal?.append({ kind: 'view', viewId, what: 'detached', detail: reason });
    },

    async handleCall(viewId, channel, rawArgs) {
      if (!Object.hasOwn(BRIDGE_CALLS, channel)) throw refuse('view:call', 'channel', `channel: unknown call ${channel.slice(0, 64)}`, viewId);
      const call = channel as BridgeCall;
      const parsed = parseAtEdge<unknown>(BRIDGE_CALLS[call], rawArgs);
      if (!parsed.ok) {
        rejections.record(`view:${call}`, parsed, { viewId });
        throw new CoreError('invalid', parsed.message, parsed.field);
      }
      return (calls[call] as (viewId: string, args: unknown) => Promise<unknown>)(viewId, parsed.value);
    },

    on: (name, listener) => views.on(name, listener),

    status() {
      return {
        started,
        mode,
        link: link.status(),
        linkCounters: link.counters(),
        player: player.info(),
        views: views.list(),
        outbox: { pending: outbox?.pendingCount() ?? 0, total: outbox?.list().length ?? 0 },
        rejections: { total: rejections.total(), bySource: rejections.bySource() },
        stateSeq: views.currentState().seq,
        startSeq,
      };
    },

    player: () => player,
    state: () => views.currentState(),
  };
}
