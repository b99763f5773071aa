// The simulated city: a one-second tick publishes every indicator, files the everyday cases,
// flaps a camera now and then, starts an episode now and then, and runs whatever the lower
// centres and the episodes have scheduled. All randomness comes from the one seed.
import { loadCameras, loadIndicators } from '../catalog';
import { hashString, Random } from '../hierarchy';
import { Agenda } from './agenda';
import { createEpisodeContext, EpisodeAborted, type EpisodeContext } from './episodeContext';
import { IncidentGenerator } from './incidentGenerator';
import { IndicatorSampler, valuePast } from './indicatorSampler';
import { LowerCentres } from './lowerCentres';
import { rainstormFlood } from './rainstormFlood';
import { riverFluoride } from './riverFluoride';
import { streetEmergency } from './streetEmergency';
import { EPISODE_NAMES, type CommandAck, type CommandInput, type EpisodeName, type SimulatorOptions, type SimulatorPorts } from './types';

const TICK_MS = 1000;

/** The seed the hub should pass: `HUB_SEED`, default 1. */
export function seedFromEnv(env: Record<string, string | undefined> = process.env): number {
  const seed = Number(env.HUB_SEED ?? 1);
  return Number.isFinite(seed) ? seed : 1;
}

/** The tick must not keep a process alive on its own (the server's sockets do that). */
function unrefed(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
const SAMPLE_BATCH = 500;
const EPISODES: Record<EpisodeName, (ctx: EpisodeContext) => Promise<void>> = {
  'street-emergency': streetEmergency,
  'river-fluoride': riverFluoride,
  'rainstorm-flood': rainstormFlood,
};

export interface SimulatorStats {
  commands: number;
  /** Acks with ok:false, by error code (a conflict is a human having got there first). */
  refused: Record<string, number>;
  /** Commands whose port threw, and scheduled actions that threw. */
  failures: number;
  episodesStarted: number;
  samplesPublished: number;
}

export class Simulator {
  private readonly catalogSeed: number;
  private readonly speed: number;
  private readonly incidentsPerMinute: number;
  private readonly autoEpisodes: boolean;
  private readonly agenda = new Agenda();
  private readonly streams: Record<'samples' | 'incidents' | 'centres' | 'world' | 'episodes', Random>;
  private readonly sampler: IndicatorSampler;
  private readonly incidents: IncidentGenerator;
  private readonly centres: LowerCentres;
  private readonly sleepers = new Set<(aborted: boolean) => void>();
  private readonly offlineCameras = new Set<string>();
  private readonly counters: SimulatorStats = { commands: 0, refused: {}, failures: 0, episodesStarted: 0, samplesPublished: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private agendaTimer: ReturnType<typeof setTimeout> | undefined;
  private agendaTimerAt = Infinity;
  private draining = false;
  private unsubscribe: (() => void) | undefined;
  private background = false;
  private autoEpisodeRunning = false;
  private nextAutoEpisodeAt = Infinity;
  private readonly cameraStatus: boolean;
  private readonly offlineAtStart: readonly string[];
  /** Cameras offline by anyone's doing (the simulator's flaps, a trainer's test control), from the events. */
  private readonly heardOffline = new Set<string>();

  constructor(private readonly ports: SimulatorPorts, options: SimulatorOptions) {
    this.catalogSeed = options.catalogSeed ?? 1;
    this.speed = options.speed && options.speed > 0 ? options.speed : 1;
    this.incidentsPerMinute = options.incidentsPerMinute ?? 3;
    this.autoEpisodes = options.autoEpisodes ?? true;
    this.cameraStatus = options.cameraStatus ?? true;
    this.offlineAtStart = options.offlineAtStart ?? [];
    const stream = (name: string) => new Random(hashString(`${options.seed}:${name}`));
    this.streams = { samples: stream('samples'), incidents: stream('incidents'), centres: stream('centres'), world: stream('world'), episodes: stream('episodes') };
    this.sampler = new IndicatorSampler(loadIndicators(this.catalogSeed), this.streams.samples);
    const staffed = (unit: string) => ports.isHumanStaffed(unit);
    this.incidents = new IncidentGenerator(ports.hierarchy, this.streams.incidents, staffed);
    this.centres = new LowerCentres({
      hierarchy: ports.hierarchy,
      random: this.streams.centres,
      isHumanStaffed: staffed,
      command: (asUnit, cmd) => this.issue(asUnit, cmd),
      after: (simSeconds, action) => this.schedule(simSeconds, action),
    });
  }

  /** Starts the normal run: samples, everyday cases, camera flaps, episodes now and then. */
  start(): void {
    this.background = true;
    if (this.autoEpisodes) this.nextAutoEpisodeAt = this.ports.now() + this.realMs(this.streams.episodes.range(600, 1800));
    this.ensureTicking();
    if (this.cameraStatus) for (const cameraId of this.offlineAtStart) this.bringBackLater(cameraId);
  }

  /** Stops everything; an episode under way ends where it is. */
  stop(): void {
    this.background = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disarmAgenda();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.agenda.clear();
    for (const wake of [...this.sleepers]) wake(true);
  }

  /** Plays one episode now; resolves when its script has run to the end (or the simulator stops). */
  async runEpisode(name: EpisodeName): Promise<void> {
    const script = EPISODES[name];
    if (!script) throw new Error(`unknown episode ${String(name)}; known: ${EPISODE_NAMES.join(', ')}`);
    this.ensureTicking();
    this.counters.episodesStarted++;
    try {
      await script(this.episodeContext());
    } catch (error) {
      if (!(error instanceof EpisodeAborted)) throw error;
    }
  }

  stats(): SimulatorStats {
    return { ...this.counters, refused: { ...this.counters.refused } };
  }

  private ensureTicking(): void {
    if (!this.unsubscribe) {
      this.unsubscribe = this.ports.onEvent((event) => {
        if (event.type === 'camera.status') {
          if (event.status === 'offline') this.heardOffline.add(event.cameraId);
          else this.heardOffline.delete(event.cameraId);
        }
        this.centres.onEvent(event);
      });
    }
    if (this.timer) return;
    const loop = async () => {
      try {
        await this.tick();
      } catch {
        this.counters.failures++;
      }
      if (this.timer) this.timer = unrefed(setTimeout(loop, TICK_MS));
    };
    this.timer = unrefed(setTimeout(loop, TICK_MS));
  }

  private async tick(): Promise<void> {
    const now = this.ports.now();
    this.publishSamples(now);
    if (this.background) {
      await this.fileEverydayCases();
      this.maybeInjectAnomaly(now);
      this.maybeFlapCamera();
      this.maybeStartEpisode(now);
    }
  }

  /** Runs `action` after `simSeconds` of simulated time, on its own timer (not the 1 s tick). */
  private schedule(simSeconds: number, action: () => void | Promise<void>): void {
    if (!this.timer) return; // stopped: nothing more happens
    this.agenda.schedule(this.ports.now() + this.realMs(simSeconds), action);
    this.armAgenda();
  }

  private armAgenda(): void {
    const nextAt = this.agenda.nextAt();
    if (nextAt === undefined || this.draining || (this.agendaTimer && this.agendaTimerAt <= nextAt)) return;
    this.disarmAgenda();
    this.agendaTimerAt = nextAt;
    this.agendaTimer = unrefed(setTimeout(() => {
      this.agendaTimer = undefined;
      void this.drainAgenda();
    }, Math.max(0, nextAt - this.ports.now())));
  }

  private disarmAgenda(): void {
    if (this.agendaTimer) clearTimeout(this.agendaTimer);
    this.agendaTimer = undefined;
  }

  /** Runs every due action in order, one at a time, then waits for the next. */
  private async drainAgenda(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let item = this.agenda.takeDue(this.ports.now()); item; item = this.agenda.takeDue(this.ports.now())) {
        try {
          await item.run();
        } catch {
          this.counters.failures++;
        }
      }
    } finally {
      this.draining = false;
    }
    this.armAgenda();
  }

  private publishSamples(now: number): void {
    const samples = this.sampler.sample(now);
    for (let i = 0; i < samples.length; i += SAMPLE_BATCH) this.ports.publishSamples(samples.slice(i, i + SAMPLE_BATCH));
    this.counters.samplesPublished += samples.length;
    if (now % 60_000 < TICK_MS) this.sampler.prune(now);
  }

  private async fileEverydayCases(): Promise<void> {
    const random = this.streams.incidents;
    // Poisson arrivals (Knuth): a few a minute city-wide at speed 1.
    const limit = Math.exp(-(this.incidentsPerMinute * this.speed) / (60_000 / TICK_MS));
    let count = 0;
    for (let p = random.next(); p > limit; p *= random.next()) count++;
    for (let n = 0; n < count; n++) {
      const planned = this.incidents.next();
      if (planned) await this.issue(planned.asUnit, planned.cmd);
    }
  }

  /** About once every 40 s a random indicator drifts past its warn (or alarm) threshold and back. */
  private maybeInjectAnomaly(now: number): void {
    const random = this.streams.world;
    if (!random.chance(1 / 40)) return;
    const indicator = random.pick(this.sampler.indicators);
    if (this.sampler.isExcursing(indicator.id, now)) return;
    this.sampler.excursion(indicator.id, {
      target: valuePast(indicator, random.chance(0.3)),
      start: now,
      rampUpMs: this.realMs(random.range(60, 240)),
      holdMs: this.realMs(random.range(60, 300)),
      rampDownMs: this.realMs(random.range(60, 240)),
    });
  }

  /** Now and then a camera drops offline for a few minutes (never more than 1% at once). */
  private maybeFlapCamera(): void {
    const random = this.streams.world;
    if (!random.chance(1 / 15) || !this.cameraStatus) return;
    const cameras = loadCameras(this.catalogSeed).all();
    const camera = random.pick(cameras);
    if (this.offlineCameras.has(camera.id) || this.heardOffline.has(camera.id) || this.offlineCameras.size >= cameras.length / 100) return;
    this.ports.publishCameraStatus(camera.id, 'offline');
    this.bringBackLater(camera.id);
  }

  /** The camera comes back online after one to ten minutes. */
  private bringBackLater(cameraId: string): void {
    this.offlineCameras.add(cameraId);
    this.schedule(this.streams.world.range(60, 600), () => {
      this.offlineCameras.delete(cameraId);
      this.ports.publishCameraStatus(cameraId, 'online');
    });
  }

  private maybeStartEpisode(now: number): void {
    if (this.autoEpisodeRunning || now < this.nextAutoEpisodeAt) return;
    const random = this.streams.episodes;
    this.autoEpisodeRunning = true;
    void this.runEpisode(random.pick(EPISODE_NAMES))
      .catch(() => { this.counters.failures++; })
      .finally(() => {
        this.autoEpisodeRunning = false;
        this.nextAutoEpisodeAt = this.ports.now() + this.realMs(random.range(1200, 3600));
      });
  }

  private episodeContext(): EpisodeContext {
    return createEpisodeContext({
      hierarchy: this.ports.hierarchy,
      indicators: this.sampler.indicators,
      sampler: this.sampler,
      incidents: this.incidents,
      centres: this.centres,
      random: this.streams.episodes,
      now: () => this.ports.now(),
      realMs: (simSeconds) => this.realMs(simSeconds),
      sleep: (simSeconds) => this.sleep(simSeconds),
      isHumanStaffed: (unit) => this.ports.isHumanStaffed(unit),
      command: (asUnit, cmd) => this.issue(asUnit, cmd),
    });
  }

  private sleep(simSeconds: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.timer) {
        reject(new EpisodeAborted());
        return;
      }
      const wake = (aborted: boolean) => {
        this.sleepers.delete(wake);
        if (aborted) reject(new EpisodeAborted());
        else resolve();
      };
      this.sleepers.add(wake);
      this.schedule(simSeconds, () => wake(false));
    });
  }

  private realMs(simSeconds: number): number {
    return (simSeconds * 1000) / this.speed;
  }

  /** Every command goes through here: counted, and a throwing port becomes a refused ack. */
  private async issue(asUnit: string, cmd: CommandInput): Promise<CommandAck> {
    this.counters.commands++;
    let ack: CommandAck;
    try {
      ack = await this.ports.command(asUnit, cmd);
    } catch (error) {
      this.counters.failures++;
      return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
    }
    if (!ack.ok) this.counters.refused[ack.error.code] = (this.counters.refused[ack.error.code] ?? 0) + 1;
    return ack;
  }
}
