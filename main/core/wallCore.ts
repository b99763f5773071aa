import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../../shared/protocol/commands';
import type { WallState } from '../../shared/state/wallState';
import { parseAtEdge } from '../../shared/validation';
import { DisplayThumbnailSchema } from '../../shared/view/pushSchemas';
import { BRIDGE_CALLS, type BridgeArgs, type BridgeCall, type BridgeResults, type LinkStatus, type PlayerInfo } from '../../shared/view/viewChannel';
import type { DisplayThumbnail } from '../../shared/wall/control';
import { displaysOfCell } from '../../shared/wall/geometry';
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
import { CameraList } from '../../shared/protocol/cameras';
import type { LayoutState } from '../../shared/wall/layoutState';
import { DEFAULT_CANVAS, type WallCanvas, type WallProfile } from '../../shared/wall/profile';
import { AlarmFocus, loadAlarmRules } from './layout/alarmRules';
import { CameraCatalog, fillCameraCells } from './layout/cameraFill';
import { ControlLocks, controlConflict } from './layout/controlLocks';
import { LayoutService } from './layout/layoutService';
import { WallPlanner } from './layout/wallPlanner';

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
  /**
   * The wall's displays (at start and after every hot-plug): the canvas is planned from the
   * `connected` ones (all when absent) and every view is told.
   */
  setWallProfile(profile: WallProfile, connected?: Iterable<string>): void;
  /** The layout on the wall; null before `start()`. */
  layout(): LayoutState | null;
  /** Resolves once alarm rules have acted on everything folded so far and the layout is saved (tests). */
  layoutSettled(): Promise<void>;
  /**
   * A fresh picture of one wall display (the shell captures them): validated, then pushed as
   * `wall:thumbnail` to the consoles only. A bad one is logged with its field and dropped.
   */
  publishThumbnail(thumbnail: DisplayThumbnail): void;
  /** Consoles attached that have said hello: the shell captures thumbnails only while there is one. */
  consolesAttached(): number;
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
  let layouts: LayoutService | null = null;
  let alarms: AlarmFocus | null = null;
  let canvas: WallCanvas = DEFAULT_CANVAS;
  /** Each view's desk name, from its hello (default: its view id). */
  const desks = new Map<string, string>();
  const controls = new ControlLocks(displayIdsOf(canvas), {
    logger,
    ...(config.controlClock ? { clock: config.controlClock } : {}),
    onChange: (state, change) => {
      journal?.append({ kind: 'control', ...change, revision: state.revision });
      views.broadcast('control:changed', state);
    },
  });
  const cameraCatalog = new CameraCatalog(async () => cameraIds(await link.fetchJson('/api/v1/cameras?limit=100'), 'layout:cameras'));

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
      ...(layouts ? { layout: layouts.state(), control: controls.state() } : {}),
    }),
  });
  /** The player's sink: views fold the update, then alarm rules look at what was folded. */
  const sink = (update: Parameters<typeof views.push>[0]): Promise<void> => {
    const delivered = views.push(update);
    alarms?.observe(update, views.currentState());
    return delivered;
  };
  unsubscribe.push(
    views.on('view-unresponsive', (v) => {
      journal?.append({ kind: 'view', viewId: v.viewId, what: 'unresponsive', detail: v.reason });
      controls.viewDetached(v.viewId);
    }),
  );

  const calls: { [C in BridgeCall]: (viewId: string, args: BridgeArgs<C>) => Promise<BridgeResults[C]> } = {
    'view:hello': async (viewId, args) => {
      journal?.append({ kind: 'view', viewId, what: 'hello', ...(args.desk ? { detail: `desk ${args.desk}` } : {}) });
      const hello = views.hello(viewId);
      const desk = args.desk ?? desks.get(viewId) ?? viewId;
      desks.set(viewId, desk);
      controls.viewReturned(viewId);
      return { ...hello, desk };
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
    'layout:apply': async (viewId, args) => {
      const service = requireLayouts();
      refuseIfHeld(viewId, allDisplays());
      return service.applyPreset(args.presetId);
    },
    'layout:revert': async (viewId) => {
      const service = requireLayouts();
      if (service.state().mode === 'focus') refuseIfHeld(viewId, allDisplays()); // outside a focus it changes nothing
      return service.revert();
    },
    'layout:import': async (viewId, args) => {
      const service = requireLayouts();
      refuseIfHeld(viewId, allDisplays());
      try {
        return await service.import(args.text);
      } catch (error) {
        if (error instanceof CoreError && error.code === 'invalid') rejections.record('view:layout:import', { ok: false, field: error.field ?? '(file)', message: error.message }, { viewId });
        throw error;
      }
    },
    'layout:export': async () => requireLayouts().export(),
    'layout:setCell': async (viewId, args) => {
      const service = requireLayouts();
      refuseIfHeld(viewId, displaysOfCellId(service, args.cellId));
      return service.setCell(args.cellId, args.panel);
    },
    'layout:placeCamera': async (viewId, args) => {
      const service = requireLayouts();
      refuseIfHeld(viewId, displaysOfCellId(service, args.cellId));
      return service.placeCamera(args.cellId, args.cameraId, args.slot);
    },
    'layout:focusIncident': async (viewId, args) => {
      const focus = requireAlarms();
      refuseIfHeld(viewId, allDisplays());
      const incident = views.currentState().incidents[args.incidentId];
      if (!incident) throw new CoreError('not_found', `incidentId: no incident "${args.incidentId}" on the wall`, 'incidentId');
      return focus.focusIncident(incident);
    },
    'control:take': async (viewId, args) => controls.take(requireConsole(viewId, 'control:take'), args.displayIds),
    'control:release': async (viewId, args) => controls.release(requireConsole(viewId, 'control:release'), args.displayIds),
    'control:request': async (viewId, args) => controls.request(requireConsole(viewId, 'control:request'), args.displayIds),
    'control:answer': async (viewId, args) => controls.answer(requireConsole(viewId, 'control:answer'), args.grant),
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

  /** A view's layout change touching a display another console holds is refused (`conflict`, naming both). */
  function refuseIfHeld(viewId: string, displayIds: readonly string[]): void {
    const held = controls.heldByOthers(viewId, displayIds);
    if (held.length > 0) throw controlConflict(held);
  }

  function allDisplays(): string[] {
    return displayIdsOf(canvas);
  }

  /** The displays a cell is drawn on (where the wall views put it); an unknown cell is left to the service to refuse. */
  function displaysOfCellId(service: LayoutService, cellId: string): string[] {
    const { layout } = service.state();
    const cell = layout.cells.find((c) => c.id === cellId);
    return cell ? displaysOfCell(layout, cell, canvas) : [];
  }

  /** Only a console controls displays; the caller as the desk others see. */
  function requireConsole(viewId: string, call: BridgeCall): { viewId: string; desk: string } {
    const role = views.list().find((v) => v.id === viewId)?.role;
    if (role !== 'console') throw new CoreError('forbidden', `${call}: only a console controls displays (${viewId} is ${role ?? 'not attached'})`);
    return { viewId, desk: desks.get(viewId) ?? viewId };
  }

  function requireAlarms(): AlarmFocus {
    if (!alarms) throw new CoreError('unavailable', 'the wall core is not started');
    return alarms;
  }

  function requireLayouts(): LayoutService {
    if (!layouts) throw new CoreError('unavailable', 'the wall core is not started');
    return layouts;
  }

  function cameraIds(raw: unknown, source: string): string[] {
    const parsed = parseAtEdge(CameraList, raw);
    if (parsed.ok) return parsed.value.map((c) => c.id);
    rejections.record(source, parsed);
    throw new CoreError('internal', `hub answer invalid: ${parsed.message}`, parsed.field);
  }

  async function openLayouts(): Promise<void> {
    const dir = join(config.dataDir, 'layout');
    layouts = await LayoutService.open({
      dir,
      logger,
      onChange: (state) => views.broadcast('layout:changed', state),
      fillCameras: async (layout) => fillCameraCells(layout, await cameraCatalog.list()),
    });
    layouts.setCanvas(canvas);
    alarms = new AlarmFocus({
      rules: await loadAlarmRules(join(dir, 'alarm-rules.json'), logger),
      layouts,
      logger,
      nearestCameras: async ([lng, lat], limit) => cameraIds(await link.fetchJson(`/api/v1/cameras?near=${lng},${lat}&limit=${limit}`), 'layout:nearest-cameras'),
    });
  }

  /** A first start shows the daily preset before cameras are known: fill them in once the hub answers. */
  function fillCamerasLater(): void {
    void layouts?.refillCameras().catch((error: unknown) => logger.warn('camera fill failed', { error: String(error) }));
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
      await openLayouts();
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
        player.start(sink);
        fillCamerasLater();
        return; // replay needs the hub only for catalog queries, which log in on demand
      }
      unsubscribe.push(link.on('events', (events) => events.forEach((event) => journal?.append({ kind: 'event', event }))));
      player.start(sink);
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
          fillCamerasLater();
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
      await alarms?.idle();
      await layouts?.flushed();
      controls.dispose();
    },

    attachView(port) {
      views.attach(port);
      journal?.append({ kind: 'view', viewId: port.id, what: 'attached', detail: `${port.role}@${port.displayId}` });
    },

    detachView(viewId, reason = 'detached') {
      views.detach(viewId, reason);
      controls.viewDetached(viewId);
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
    setWallProfile(profile, connected) {
      canvas = WallPlanner.planCanvas(profile, connected);
      logger.info('wall canvas planned', { width: canvas.width, height: canvas.height, displays: canvas.slices.map((s) => s.displayId) });
      layouts?.setCanvas(canvas);
      controls.setDisplays(displayIdsOf(canvas));
    },
    layout: () => layouts?.state() ?? null,
    async layoutSettled() {
      await alarms?.idle();
      await layouts?.flushed();
    },
    publishThumbnail(thumbnail) {
      const parsed = parseAtEdge(DisplayThumbnailSchema, thumbnail);
      if (!parsed.ok) {
        rejections.record('shell:wall:thumbnail', parsed, { displayId: String((thumbnail as { displayId?: unknown } | null)?.displayId).slice(0, 64) });
        return;
      }
      views.broadcast('wall:thumbnail', parsed.value, 'console');
    },
    consolesAttached: () => views.greeted('console'),
  };
}

function displayIdsOf(canvas: WallCanvas): string[] {
  return canvas.slices.map((s) => s.displayId);
}
