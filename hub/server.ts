// The reference hub: HTTP API (fastify) and Socket.IO on one port, an append-only event log in
// SQLite or PostgreSQL, the SLA clock, the camera service and, in demo mode, the simulator.
import path from 'node:path';
import Fastify from 'fastify';
import { Server } from 'socket.io';
import type { EventDraft, HubEvent } from '../shared/protocol/events';
import { ensureDemoAccounts, principalOf, type Principal } from './auth/accounts';
import { LoginLimiter } from './auth/loginLimiter';
import { openTokenIssuer } from './auth/tokens';
import { CameraFeeds } from './cameras/feeds';
import { loadCameras, loadIndicators, loadMapData, readCameraFile, type MapData } from './catalog';
import { CommandService } from './domain/commandService';
import { DEFAULT_DISPATCH_RULES, readDispatchRules, type DispatchRules } from './domain/dispatchRules';
import { EventScope } from './domain/eventScope';
import { SlaClock } from './domain/slaClock';
import { Snapshots } from './domain/snapshots';
import { SystemPublisher } from './domain/systemPublisher';
import { loadHierarchy } from './hierarchy';
import { BuildingCatalog, MapAreas, readBuildingsFile, BUILDINGS_FILE_ENV } from './map';
import { registerAuth } from './http/authRoutes';
import { registerCameraFeedControl } from './http/cameraFeedRoutes';
import { registerCatalog } from './http/catalogRoutes';
import { registerCommands } from './http/commandRoutes';
import type { HttpContext } from './http/context';
import { registerDispatch } from './http/dispatchRoutes';
import { registerHistory } from './http/historyRoutes';
import { registerErrorHandlers } from './http/errors';
import { registerHls } from './http/hlsRoutes';
import { registerInputGuard } from './http/inputGuard';
import { registerMap } from './http/mapRoutes';
import { registerUnits } from './http/unitRoutes';
import { EventFeed } from './realtime/eventFeed';
import { joinCluster } from './realtime/scaleOut';
import { startSimulator } from './realtime/simulatorPorts';
import { SocketHub } from './realtime/socketHub';
import { openStore } from './store/openStore';
import { DEFAULT_SAMPLE_RETENTION_HOURS, SampleRetention, type RetentionPass } from './store/retention';
import type { Store } from './store/store';

export interface HubOptions {
  host?: string;
  port?: number;
  dataDir: string;
  databaseUrl?: string;
  demo?: boolean;
  demoPassword?: string;
  simulator?: boolean;
  seed?: number;
  /** How fast simulated time runs (1 = real time; episodes and task delays scale with it). */
  simulatorSpeed?: number;
  redisUrl?: string;
  publicBaseUrl?: string;
  now?: () => number;
  logger?: boolean;
  tokenTtlMs?: number;
  /** SLA clock interval (default 5 s; HUB_SLA_TICK_MS). */
  slaTickMs?: number;
  /**
   * Routing rules and SLA minutes (`domain/dispatchRules.ts`), from a JSON file (HUB_DISPATCH_RULES)
   * read and checked at start: a bad file stops the hub, naming the file and the field.
   */
  dispatchRulesFile?: string;
  /** The same, already loaded (tests); the file wins when both are given. Default: the built-in rules. */
  dispatchRules?: DispatchRules;
  /**
   * A real camera platform's cameras, `[{id, name, unit, location, hls}]` (HUB_CAMERAS_FILE): they
   * replace the generated loop-clip cameras, keep their own `hls` URLs, and `/hls/*` answers 404.
   */
  camerasFile?: string;
  /**
   * Building footprints, a GeoJSON FeatureCollection (HUB_BUILDINGS_FILE; format in
   * shared/geo/buildingsGeoJson.ts), read and checked at start: a bad file stops the hub, naming
   * the file and the field. Streets holding some answer them (`source: 'imported'`); the others
   * keep their generated buildings.
   */
  buildingsFile?: string;
  /** Where the loop clips live (default `<dataDir>/hls-clips`). */
  clipsDir?: string;
  /** Fastify request logging; `false` also silences the hub's own log lines (tests). */
  /** Encode clips at start; default: when the simulator runs. Otherwise on the first /hls request. */
  hlsEager?: boolean;
  /** Snapshot checkpoint after about this much fold work: 1 per event + 1 per 20 samples (default 5000). */
  checkpointEvery?: number;
  /** Indicator samples are batched into one event per this interval (default 1000 ms). */
  sampleIntervalMs?: number;
  /** `indicator.samples` events older than this are deleted (default 72; 0 keeps them forever). */
  sampleRetentionHours?: number;
  /** Time between retention passes (default 5 min); one also runs at start. */
  retentionIntervalMs?: number;
  /**
   * Test and demo controls (`POST /api/v1/cameras/:id/feed`) outside demo mode too
   * (HUB_TEST_CONTROLS); demo mode always has them.
   */
  testControls?: boolean;
}

export interface RunningHub {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
  /** Appends an event as the hub itself (tests, tools); resolves once it is delivered to sockets. */
  appendSystemEvent(draft: EventDraft): Promise<HubEvent>;
  /** Runs one SLA clock check now; resolves with the number of events it appended. */
  tickSla(): Promise<number>;
  /** Issues a command as an arbitrary principal (tests, the simulator). */
  execute(principal: Principal, command: unknown): ReturnType<CommandService['execute']>;
  /** Runs one retention pass now (nothing when retention is off). */
  runRetention(): Promise<RetentionPass>;
}

const DAY = 24 * 3600_000;

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const log = (message: string) => {
    if (options.logger !== false) console.log(`[hub] ${message}`);
  };
  // Checked before anything opens: a bad rules file stops the hub with nothing to clean up.
  const dispatchRules = options.dispatchRulesFile ? readDispatchRules(options.dispatchRulesFile) : (options.dispatchRules ?? DEFAULT_DISPATCH_RULES);
  if (options.dispatchRulesFile) log(`${dispatchRules.rules.length} routing rules from ${options.dispatchRulesFile}`);
  const importedBuildings = options.buildingsFile ? readBuildingsFile(options.buildingsFile) : undefined;
  const store = await openStore({ dataDir: options.dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => store.close()];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch((e: Error) => log(`close: ${e.message}`));
  };
  try {
    const hierarchy = loadHierarchy();
    const indicators = loadIndicators(1);
    const mapAreas = new MapAreas(hierarchy);
    const buildings = new BuildingCatalog(hierarchy, mapAreas);
    if (importedBuildings && options.buildingsFile) {
      const imported = buildings.replaceImported(importedBuildings);
      if (!imported.ok) throw new Error(`${BUILDINGS_FILE_ENV} ${options.buildingsFile}: ${imported.message}`);
      const { summary } = imported;
      log(`${summary.buildings} buildings on ${summary.streets} streets from ${options.buildingsFile}${summary.outside ? ` (${summary.outside} outside the districts, left out)` : ''}`);
    }
    const cameras = options.camerasFile ? readCameraFile(options.camerasFile, hierarchy) : loadCameras(1);
    if (options.camerasFile) log(`${cameras.all().length} cameras from ${options.camerasFile} (their own HLS URLs; no loop clips)`);
    const indicatorUnits = new Map(indicators.map((i) => [i.id, i.unit]));
    const catalogUnits = { indicatorUnit: (id: string) => indicatorUnits.get(id), cameraUnit: (id: string) => cameras.get(id)?.unit };
    const scope = new EventScope(catalogUnits);
    await scope.load(store);

    const tokens = await openTokenIssuer(store, options.tokenTtlMs ?? DAY, now);
    if (options.demo) await ensureDemoAccounts(store, options.demoPassword ?? 'demo', now());
    const authenticate = async (token: string): Promise<Principal | undefined> => {
      const username = tokens.verify(token);
      const account = username ? await store.getAccount(username) : undefined;
      return account ? principalOf(account) : undefined;
    };

    const feed = new EventFeed(store);
    await feed.start();
    feed.subscribe((events) => events.forEach((event) => scope.observe(event)));
    const snapshots = new Snapshots(store, scope, catalogUnits, options.checkpointEvery);
    await snapshots.load(feed.lastDelivered);
    feed.subscribe(snapshots.onEvents);
    // A camera offline when the hub stopped stays frozen (when it stopped is not kept: from now on),
    // until its status changes; the simulator brings back those it would have.
    const offlineAtStart = Object.entries(snapshots.current.cameras).filter(([, status]) => status === 'offline').map(([cameraId]) => cameraId);
    const feeds = new CameraFeeds();
    for (const cameraId of offlineAtStart) feeds.observe(cameraId, 'offline', now());
    feed.subscribe(feeds.onEvents);
    cleanups.push(() => snapshots.flush());

    const commands = new CommandService({ store, hierarchy, scope, now, publish: (events) => feed.publishLocal(events), log, rules: dispatchRules });
    const publisher = new SystemPublisher(commands, options.sampleIntervalMs, log);
    cleanups.push(() => publisher.close());

    const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
    let baseUrl = options.publicBaseUrl ?? '';
    let mapData: MapData | undefined;
    const ctx: HttpContext = {
      store,
      hierarchy,
      tokens,
      limiter: new LoginLimiter(now),
      commands,
      scope,
      snapshots,
      indicators,
      cameras,
      mapData: () => (mapData ??= loadMapData(1)),
      mapAreas,
      buildings,
      dispatchRules,
      now,
      log,
      publicBaseUrl: () => baseUrl,
      authenticate,
    };
    registerErrorHandlers(app, log);
    registerInputGuard(app);
    app.get('/healthz', async () => ({ ok: true }));
    registerAuth(app, ctx);
    registerUnits(app, ctx);
    registerHistory(app, ctx);
    registerCatalog(app, ctx);
    registerMap(app, ctx);
    registerCommands(app, ctx);
    registerDispatch(app, ctx);
    registerCameraFeedControl(app, ctx, { enabled: Boolean(options.demo || options.testControls), feeds, publisher, feed, log });
    const hls = registerHls(app, {
      clipsDir: options.clipsDir ?? path.join(options.dataDir, 'hls-clips'),
      cameras,
      now,
      feeds,
      eager: options.hlsEager ?? Boolean(options.simulator),
      log,
    });
    cleanups.push(() => hls.close());

    const io = new Server(app.server, {
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
      maxHttpBufferSize: 1024 * 1024,
    });
    const sockets = new SocketHub({ io, store, feed, scope, authenticate, execute: (p, c) => commands.execute(p, c), log });
    cleanups.push(() => app.close());
    cleanups.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
    cleanups.push(() => sockets.close());

    if (options.redisUrl) {
      const cluster = await joinCluster(io, feed, options.redisUrl, log);
      cleanups.push(() => cluster.close());
    }

    await app.listen({ host, port: options.port ?? 7700 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 7700);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    baseUrl ||= url;

    const sla = new SlaClock({ store, commands, hierarchy, now, ...(options.slaTickMs ? { intervalMs: options.slaTickMs } : {}) });
    sla.start();
    cleanups.push(() => sla.stop());

    const retentionHours = options.sampleRetentionHours ?? DEFAULT_SAMPLE_RETENTION_HOURS;
    const retention =
      retentionHours > 0
        ? new SampleRetention({ store, now, horizonMs: retentionHours * 3600_000, log, ...(options.retentionIntervalMs ? { intervalMs: options.retentionIntervalMs } : {}) })
        : undefined;
    retention?.start();
    cleanups.push(() => retention?.stop());

    if (options.simulator) {
      const simulator = await startSimulator({
        hierarchy,
        now,
        commands,
        publisher,
        feed,
        isStaffed: (unit) => sockets.isStaffed(unit),
        seed: options.seed ?? 1,
        ...(options.simulatorSpeed !== undefined ? { speed: options.simulatorSpeed } : {}),
        cameraStatus: !options.camerasFile,
        offlineAtStart,
        log,
      });
      cleanups.push(() => simulator.stop());
    }
    log(`listening on ${url} (${store.dialect}${options.redisUrl ? ', redis' : ''}${options.demo ? ', demo' : ''})`);

    return {
      url,
      port,
      store,
      close,
      async appendSystemEvent(draft) {
        const [event] = await commands.appendSystem(async () => [draft]);
        await feed.settled();
        return event!;
      },
      tickSla: () => sla.tick(),
      execute: (principal, command) => commands.execute(principal, command),
      runRetention: async () => (retention ? retention.runOnce() : { samples: 0, checkpoints: 0 }),
    };
  } catch (error) {
    await close();
    throw error;
  }
}
