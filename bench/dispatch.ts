// bench:dispatch — from the city duty officer's click on the console to the task showing on the
// target centre's console (渝中区), end to end on the real stack: the hub (its own process,
// SQLite, demo accounts, no simulator), two wall cores with their browser shells (city-duty and
// d500103-duty) and their console views in headless Chromium. First with nothing else on the hub,
// then with every centre of the city connected (12,343 socket.io clients in worker processes, as
// bench:hub holds them), side by side in one run. Target: p99 ≤ 250 ms with the centres connected.
//
// Each sample clicks an incident's dispatch button on the city console; where the console asks
// to confirm (`[data-testid="dispatch-confirm"]`), the confirm is the click that sends, and the
// one timed. The pages time themselves (performance.timeOrigin + now(), epoch ms, one machine):
// the click from a capturing listener, the task from a MutationObserver on `[data-task-id]`, to
// the animation frame that draws it; the ack is the city console's outbox row turning
// `acknowledged`. A socket of the target unit in this process adds the hub's event time (`ts`,
// taken as the hub starts on the command) and its delivery, which splits the path into
// click → hub event → target socket → shown.
//
//   npm run bench:dispatch            (bash -c 'ulimit -n …; tsx bench/dispatch.ts')
//   BENCH_CENTRES=500 BENCH_DISPATCHES=20 npm run bench:dispatch      # a quick check
//
// BENCH_DISPATCHES (200) samples per load, paced at BENCH_RATE (3) a second, after BENCH_WARMUP
// (10) unmeasured ones; BENCH_INCIDENTS (12) incidents in 渝中区 take the dispatches in turn;
// BENCH_CENTRES (all 12,343) centre clients, held by BENCH_WORKERS (4) processes; they settle for
// BENCH_SETTLE_SECONDS (10) before the loaded samples. The views are rebuilt into dist/renderer
// when their sources are newer (BENCH_BUILD=0: use it as it is). Prints tables, then one line of
// JSON (last).
import os from 'node:os';
import { rmSync } from 'node:fs';
import { chromium, type Locator, type Page } from 'playwright-core';
import { loadHierarchy } from '../hub/hierarchy';
import { buildRenderer, rendererIsStale } from '../scripts/build.mjs';
import { HubEvent } from '../shared/protocol/events';
import { describeIssue } from '../shared/validation';
import { commandOk, connectClient, type EventClient } from '../tests/support/client';
import { DEMO_PASSWORD, startChildHub, tempDir, tokenFor } from '../tests/support/hub';
import { waitUntil } from '../tests/support/ports';
import { clockMs } from './hubClients';
import { centreCodes, centreSpecs, connectCentres, type CentreClients } from './lib/centreClients';
import { DISPATCH_BUTTON, DISPATCH_CONFIRM, clickAfter, clickCount, installProbe, readProbe } from './lib/consoleProbe';
import { STEPS, matchSamples, spreads, type DispatchedTask, type Sample, type SentClick, type Spread, type Step } from './lib/dispatchSamples';
import { CONSOLE_CHROMIUM, openDutyConsole, type DutyConsole } from './lib/dutyConsole';
import { CpuWindow, MachineBusy } from './lib/procStats';
import { printTable } from './lib/table';

const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
};
const DISPATCHES = Math.round(env('BENCH_DISPATCHES', 200));
const WARMUP = Math.round(env('BENCH_WARMUP', 10));
const RATE = env('BENCH_RATE', 3);
const INCIDENTS = Math.round(env('BENCH_INCIDENTS', 12));
const CENTRE_LIMIT = env('BENCH_CENTRES', Infinity);
const WORKERS = Math.round(env('BENCH_WORKERS', 4));
const SETTLE_MS = env('BENCH_SETTLE_SECONDS', 10) * 1000;
const CONNECT_CONCURRENCY = 64; // per worker, as bench:hub
const TARGET_P99_MS = 250;
const CITY_USER = 'city-duty';
const TARGET_USER = 'd500103-duty';
const TARGET_UNIT = '500103';
/** How long a sample's task may take to show before it counts as lost. */
const SHOW_TIMEOUT_MS = 15_000;
const HARD_STOP_MS = 40 * 60_000;

type Flow = 'one-click' | 'confirm';

interface PhaseResult {
  load: string;
  centres: number;
  connectSeconds: number | null;
  seconds: number;
  hubCores: number;
  machineBusyPct: number;
  samples: Sample[];
  spreads: Record<Step, Spread>;
}

const hardStop = setTimeout(() => {
  console.error(`bench:dispatch: still running after ${HARD_STOP_MS / 60_000} min, giving up`);
  process.exit(2);
}, HARD_STOP_MS);
hardStop.unref();
// Exit hooks (the child hub, Chromium) run on Ctrl-C too.
process.once('SIGINT', () => process.exit(130));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Points inside 渝中区: its communities' centroids that locate there, one per incident. */
function incidentLocations(count: number): { name: string; location: [number, number] }[] {
  const hierarchy = loadHierarchy();
  const found: { name: string; location: [number, number] }[] = [];
  for (const street of hierarchy.children(TARGET_UNIT)) {
    for (const community of hierarchy.children(street.code)) {
      if (hierarchy.locate(community.centroid)[1] === TARGET_UNIT) found.push({ name: community.name, location: community.centroid });
    }
  }
  if (found.length === 0) throw new Error(`no community centroid locates inside ${TARGET_UNIT}`);
  return Array.from({ length: count }, (_, i) => found[(i * 7) % found.length]!);
}

async function reportIncidents(hubUrl: string, count: number): Promise<string[]> {
  const reporter = await connectClient(hubUrl, await tokenFor(hubUrl, CITY_USER));
  try {
    const ids: string[] = [];
    for (const [i, { name, location }] of incidentLocations(count).entries()) {
      const ack = await commandOk(reporter.socket, { type: 'incident.report', title: `演练 ${name} ${i + 1}`, kind: 'drill', board: 'emergency', severity: 3, location }, { timeoutMs: 10_000 });
      ids.push(ack.incidentId!);
    }
    return ids;
  } finally {
    reporter.close();
  }
}

/** A socket of the target unit: each `task.dispatched` the city sends, with the hub's time and its arrival here. */
async function watchTargetUnit(hubUrl: string): Promise<{ client: EventClient; tasks: DispatchedTask[]; rejected: () => number }> {
  const client = await connectClient(hubUrl, await tokenFor(hubUrl, TARGET_USER));
  const tasks: DispatchedTask[] = [];
  let rejected = 0;
  const take = (raw: unknown) => {
    const arrivedAt = clockMs();
    const parsed = HubEvent.safeParse(raw);
    if (!parsed.success) {
      if (rejected++ === 0) console.error(`the target socket got an event the schema rejects: ${describeIssue(parsed.error)}`);
      return;
    }
    const event = parsed.data;
    if (event.type !== 'task.dispatched' || event.by !== CITY_USER) return;
    tasks.push({ taskId: event.taskId, incidentId: event.incidentId, ...(event.leadTaskId ? { leadTaskId: event.leadTaskId } : {}), hubAt: Date.parse(event.ts), arrivedAt });
  };
  client.socket.on('event', take);
  client.socket.on('events', (list: unknown) => {
    if (Array.isArray(list)) list.forEach(take);
  });
  return { client, tasks, rejected: () => rejected };
}

class CityDesk {
  flow: Flow | null = null;

  constructor(
    private readonly page: Page,
    private readonly tasks: DispatchedTask[],
  ) {}

  private button(incidentId: string): Locator {
    return this.page.locator(`[data-incident-id="${incidentId}"] ${DISPATCH_BUTTON}`).first();
  }

  /**
   * The confirm of the incident's proposal (in its row, or in a proposal marked
   * `data-incident-id-for`), else the one visible on the page (a dialog). It may stay disabled
   * while the proposal loads: the click waits for it.
   */
  private async confirm(incidentId: string): Promise<Locator> {
    await this.page.locator(`${DISPATCH_CONFIRM}:visible`).first().waitFor({ timeout: 10_000 });
    const own = this.page.locator(`[data-incident-id="${incidentId}"] ${DISPATCH_CONFIRM}, [data-incident-id-for="${incidentId}"] ${DISPATCH_CONFIRM}`);
    return (await own.count()) > 0 ? own.first() : this.page.locator(`${DISPATCH_CONFIRM}:visible`).first();
  }

  /**
   * One dispatch as the officer makes it; resolves with the click that sent the command. The first
   * call finds out which flow the console has: a confirm appearing, or a task arriving at once.
   */
  async dispatch(incidentId: string): Promise<SentClick> {
    const buttons = await clickCount(this.page, 'dispatch-button');
    await this.button(incidentId)
      .click({ timeout: 10_000 })
      .catch((error: Error) => {
        throw new Error(
          `the dispatch button of incident ${incidentId} could not be clicked within 10 s (if the console refuses a second dispatch of one incident, ` +
            `set BENCH_INCIDENTS to BENCH_WARMUP + BENCH_DISPATCHES): ${error.message.split('\n')[0]}`,
        );
      });
    const buttonClick = await clickAfter(this.page, 'dispatch-button', buttons);
    this.flow ??= await this.detectFlow(incidentId, buttonClick.at);
    if (this.flow === 'one-click') return { incidentId, at: buttonClick.at };
    const confirms = await clickCount(this.page, 'dispatch-confirm');
    const confirm = await this.confirm(incidentId);
    await confirm.click({ timeout: 10_000 });
    const sent = { incidentId, at: (await clickAfter(this.page, 'dispatch-confirm', confirms)).at };
    // One dispatch at a time, as one officer works: the proposal closes once the command is queued,
    // and (renderer/dispatch/dispatchDesk.ts) that close would also shut a proposal opened meanwhile.
    await confirm.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => console.error(`the proposal for ${incidentId} stayed open after its confirm`));
    return sent;
  }

  private async detectFlow(incidentId: string, clickedAt: number): Promise<Flow> {
    let flow: Flow | null = null;
    await waitUntil(
      async () => {
        if (this.tasks.some((t) => t.incidentId === incidentId && t.hubAt >= clickedAt - 20)) flow = 'one-click';
        else if ((await this.page.locator(`${DISPATCH_CONFIRM}:visible`).count()) > 0) flow = 'confirm';
        return flow !== null;
      },
      'the dispatch button to send a task or offer a confirm',
      15_000,
      20,
    );
    console.error(`the console dispatches ${flow === 'confirm' ? 'on confirm, after the proposal' : 'in one click'}`);
    return flow!;
  }
}

async function runPhase(load: string, centres: number, connectSeconds: number | null, desk: CityDesk, city: DutyConsole, target: DutyConsole, tasks: DispatchedTask[], incidents: string[], hubPid: number): Promise<PhaseResult> {
  console.error(`${load}: ${WARMUP} warm-up dispatches, then ${DISPATCHES} at ${RATE}/s…`);
  for (let i = 0; i < WARMUP; i++) {
    await desk.dispatch(incidents[i % incidents.length]!);
    await sleep(1000 / RATE);
  }
  await sleep(1000);
  const cpu = new CpuWindow(() => [hubPid]);
  const busy = new MachineBusy();
  const started = performance.now();
  const clicks: SentClick[] = [];
  for (let i = 0; i < DISPATCHES; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 1) await sleep(wait);
    clicks.push(await desk.dispatch(incidents[(WARMUP + i) % incidents.length]!));
  }
  // The last tasks on their way.
  let samples: Sample[] = [];
  const deadline = Date.now() + SHOW_TIMEOUT_MS;
  for (;;) {
    const [cityProbe, targetProbe] = await Promise.all([readProbe(city.page), readProbe(target.page)]);
    const rows = Object.entries(cityProbe.commands).map(([id, row]) => ({ id, ...row }));
    samples = matchSamples(clicks, tasks, rows, targetProbe.tasks);
    const done = samples.every((s) => s.shownAt !== null && (s.ackAt !== null || s.rejected));
    if (done || Date.now() > deadline) break;
    await sleep(250);
  }
  const seconds = (performance.now() - started) / 1000;
  const result = { load, centres, connectSeconds, seconds, hubCores: cpu.cores(), machineBusyPct: busy.share() * 100, samples, spreads: spreads(samples) };
  const rejected = samples.filter((s) => s.rejected).length;
  if (rejected) console.error(`${load}: the hub refused ${rejected} dispatches`);
  const shown = result.spreads.clickToShown;
  console.error(`${load}: ${shown.samples - shown.lost}/${shown.samples} shown at the target, p50 ${shown.p50?.toFixed(1)} ms, p99 ${shown.p99?.toFixed(1)} ms`);
  return result;
}

function report(phases: PhaseResult[], context: { centres: number; flow: Flow | null; startedAt: Date; schemaRejections: number }): void {
  const loaded = phases.find((p) => p.centres > 0);
  console.log();
  printTable(
    ['load', 'step', 'samples', 'lost', { title: 'p50 ms', digits: 1 }, { title: 'p90 ms', digits: 1 }, { title: 'p99 ms', digits: 1 }, { title: 'max ms', digits: 1 }],
    phases.flatMap((p) => (Object.keys(STEPS) as Step[]).map((step) => [p.load, STEPS[step], p.spreads[step].samples, p.spreads[step].lost, p.spreads[step].p50, p.spreads[step].p90, p.spreads[step].p99, p.spreads[step].max])),
    `bench:dispatch — city console (${CITY_USER}) → 渝中区 console (${TARGET_USER}), ${DISPATCHES} dispatches per load at ${RATE}/s, ` +
      `${context.flow === 'confirm' ? 'sent by the confirm click' : 'sent by the dispatch button'}; lost: not acknowledged / not delivered / not shown within ${SHOW_TIMEOUT_MS / 1000} s`,
  );
  console.log();
  printTable(
    ['load', 'centres connected', { title: 'connect s', digits: 1 }, { title: 'phase s', digits: 1 }, { title: 'hub cores', digits: 2 }, { title: 'machine busy %', digits: 0 }],
    phases.map((p) => [p.load, p.centres, p.connectSeconds, p.seconds, p.hubCores, p.machineBusyPct]),
    'While measuring: the hub process’s CPU (cores busy on average) and the whole machine’s',
  );
  console.log();
  const shown = loaded?.spreads.clickToShown;
  const met = shown !== undefined && shown.lost === 0 && shown.p99 !== null && shown.p99 <= TARGET_P99_MS;
  const full = loaded !== undefined && loaded.centres >= 12_343;
  console.log(
    `${met ? 'ok  ' : 'MISS'} p99 ≤ ${TARGET_P99_MS} ms click → shown at target with ${loaded ? `${loaded.centres.toLocaleString('en-US')} centres` : 'no centres'} connected ` +
      `(${shown?.p99?.toFixed(1) ?? '–'} ms${shown?.lost ? `, ${shown.lost} lost` : ''})` +
      `${full ? '' : ' — fewer centres than the city has (12,343): indicative only'}`,
  );
  if (context.schemaRejections) console.log(`(${context.schemaRejections} events to the target socket failed the shared schema)`);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  console.log(
    JSON.stringify({
      bench: 'dispatch',
      date: context.startedAt.toISOString(),
      centres: context.centres,
      dispatches: DISPATCHES,
      warmup: WARMUP,
      rate: RATE,
      incidents: INCIDENTS,
      flow: context.flow,
      targetP99Ms: TARGET_P99_MS,
      targetMet: met,
      machine: { cores: os.cpus().length, loadAverageAtEnd: os.loadavg() },
      totalSeconds: Math.round((Date.now() - context.startedAt.getTime()) / 1000),
      phases: phases.map((p) => ({
        load: p.load,
        centres: p.centres,
        connectSeconds: round(p.connectSeconds),
        seconds: round(p.seconds),
        hubCores: Math.round(p.hubCores * 100) / 100,
        machineBusyPct: Math.round(p.machineBusyPct),
        ...Object.fromEntries(
          (Object.keys(STEPS) as Step[]).map((step) => {
            const s = p.spreads[step];
            return [step, { samples: s.samples, lost: s.lost, p50Ms: round(s.p50), p90Ms: round(s.p90), p99Ms: round(s.p99), maxMs: round(s.max) }];
          }),
        ),
      })),
    }),
  );
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const codes = centreCodes().slice(0, CENTRE_LIMIT);
  if (process.env.BENCH_BUILD !== '0' && rendererIsStale()) {
    console.error('building the views (dist/renderer)…');
    await buildRenderer();
  }
  const dataDir = tempDir('bench-dispatch-hub-');
  const undo: (() => Promise<unknown> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  try {
    const specs = await centreSpecs(dataDir, codes);
    const hub = await startChildHub({ dataDir, env: { HUB_LOG: '0' } });
    undo.push(() => hub.stop());
    const browser = await chromium.launch(CONSOLE_CHROMIUM);
    undo.push(() => browser.close());
    const city = await openDutyConsole({ hubUrl: hub.url, username: CITY_USER, password: DEMO_PASSWORD, browser });
    undo.push(() => city.close());
    const target = await openDutyConsole({ hubUrl: hub.url, username: TARGET_USER, password: DEMO_PASSWORD, browser });
    undo.push(() => target.close());
    const watcher = await watchTargetUnit(hub.url);
    undo.push(() => watcher.client.close());

    const incidents = await reportIncidents(hub.url, INCIDENTS);
    await waitUntil(
      async () => (await city.page.locator(incidents.map((id) => `[data-incident-id="${id}"] ${DISPATCH_BUTTON}`).join(', ')).count()) >= incidents.length,
      `the city console listing the ${incidents.length} incidents with their dispatch buttons`,
      30_000,
      100,
    );
    await installProbe(city.page);
    await installProbe(target.page);
    const desk = new CityDesk(city.page, watcher.tasks);
    const hubPid = hub.child.pid!;

    const phases: PhaseResult[] = [];
    phases.push(await runPhase('no load', 0, null, desk, city, target, watcher.tasks, incidents, hubPid));

    console.error(`connecting ${codes.length} centre clients (${WORKERS} workers)…`);
    const centres: CentreClients = await connectCentres(hub.url, specs, { workers: WORKERS, concurrency: CONNECT_CONCURRENCY });
    undo.push(() => centres.close());
    if (centres.failed) console.error(`${centres.failed} centre clients failed to connect, e.g. ${centres.firstError ?? ''}`);
    console.error(`${centres.connected} centre clients connected in ${centres.connectSeconds.toFixed(1)} s; settling ${SETTLE_MS / 1000} s`);
    centres.startMeasuring();
    await sleep(SETTLE_MS);
    const load = `${centres.connected.toLocaleString('en-US')} centres`;
    phases.push(await runPhase(load, centres.connected, centres.connectSeconds, desk, city, target, watcher.tasks, incidents, hubPid));
    const fleet = await centres.report();
    console.error(`the centre clients received ${fleet.events} events while connected; ${fleet.undelivered} were disconnected by the end`);

    report(phases, { centres: codes.length, flow: desk.flow, startedAt, schemaRejections: watcher.rejected() });
  } finally {
    for (const step of undo.splice(0).reverse()) await Promise.resolve(step()).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:dispatch failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
