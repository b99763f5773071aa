// bench:hub — every command centre of Chongqing connected at once (city, 40 district centres,
// 1,031 streets, 11,270 communities), dispatches sent from the city at a steady rate, and the
// time each one takes to reach its target. The same clients and load run against a bare
// socket.io echo server first, as the floor. Prints a table, then one line of JSON (last).
//
//   npm run bench:hub            (bash -c 'ulimit -n …; tsx bench/hub.ts')
//   BENCH_RATE=200 BENCH_SECONDS=15 BENCH_CLIENTS=2000 BENCH_WORKERS=4 npm run bench:hub
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { loadHierarchy } from '../hub/hierarchy';
import type { ClientSpec } from './hubClients';
import { NOTE_PREFIX, clockMs } from './hubClients';
import { centreCodes, centreSpecs, connectCentres } from './lib/centreClients';
import { percentile, printTable } from './lib/table';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const RATE = env('BENCH_RATE', 100); // dispatches per second
const SECONDS = env('BENCH_SECONDS', 15);
const WORKERS = env('BENCH_WORKERS', 4);
const CLIENT_LIMIT = env('BENCH_CLIENTS', Infinity);
const CONNECT_CONCURRENCY = 64; // per worker
const HARD_STOP_MS = 170_000;

interface Target {
  unit: string;
  incidentId: string;
  incidentUnits: string[];
}

interface Result {
  server: 'echo' | 'hub';
  clients: number;
  connectSeconds: number;
  sent: number;
  acked: number;
  delivered: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  eventsPerSecond: number;
}

const hardStop = setTimeout(() => {
  console.error(`bench:hub: still running after ${HARD_STOP_MS / 1000} s, giving up`);
  process.exit(2);
}, HARD_STOP_MS);
hardStop.unref();

function connectSocket(url: string, auth: Record<string, unknown>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sends `RATE` dispatches a second for `SECONDS`, open loop; resolves when all are acked (or 10 s on). */
async function drive(socket: Socket, targets: Target[], body: (t: Target) => Record<string, unknown>): Promise<{ sent: number; acked: number }> {
  let sent = 0;
  let acked = 0;
  const total = Math.round(RATE * SECONDS);
  const started = clockMs();
  const pending: Promise<void>[] = [];
  while (sent < total) {
    const due = started + (sent * 1000) / RATE;
    const wait = due - clockMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const target = targets[sent % targets.length]!;
    pending.push(
      socket
        .timeout(30_000)
        .emitWithAck('command', { id: randomUUID(), ...body(target), note: `${NOTE_PREFIX}${clockMs()}` })
        .then((ack: { ok?: boolean }) => {
          if (ack?.ok) acked++;
        }, () => undefined),
    );
    sent++;
  }
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 10_000))]);
  await new Promise((r) => setTimeout(r, 1_000)); // the last deliveries
  return { sent, acked };
}

async function measure(server: Result['server'], url: string, specs: ClientSpec[], dispatcher: Socket, targets: Target[], body: (t: Target) => Record<string, unknown>): Promise<Result> {
  const centres = await connectCentres(url, specs, { workers: WORKERS, concurrency: CONNECT_CONCURRENCY });
  try {
    const { connected: ok, connectSeconds } = centres;
    if (centres.failed) console.error(`${server}: ${specs.length - ok} clients failed to connect, e.g. ${centres.firstError ?? ''}`);
    console.error(`${server}: ${ok} clients connected in ${connectSeconds.toFixed(1)} s; ${RATE} dispatches/s for ${SECONDS} s…`);
    centres.startMeasuring();
    const started = Date.now();
    const { sent, acked } = await drive(dispatcher, targets, body);
    const seconds = (Date.now() - started) / 1000;
    const { latenciesMs: latencies, events } = await centres.report();
    return {
      server,
      clients: ok,
      connectSeconds,
      sent,
      acked,
      delivered: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      eventsPerSecond: events / seconds,
    };
  } finally {
    centres.close();
  }
}

/** Dispatch targets: streets and communities spread over every district, in a fixed order. */
function pickTargets(codes: string[]): string[] {
  const lower = codes.filter((c) => c.length === 9 || c.length === 12);
  const picked: string[] = [];
  for (let i = 0; picked.length < 500 && i < lower.length; i++) picked.push(lower[(i * 7919) % lower.length]!);
  return picked;
}

async function benchEcho(specs: ClientSpec[], targets: Target[]): Promise<Result> {
  const child = fork(path.join(HERE, 'hubEcho.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    const url = `http://127.0.0.1:${port}`;
    const dispatcher = await connectSocket(url, { unit: 'dispatcher' });
    try {
      const echoSpecs = specs.map((s) => ({ unit: s.unit, auth: { unit: s.unit } }));
      return await measure('echo', url, echoSpecs, dispatcher, targets, (t) => ({ type: 'task.dispatch', incidentId: t.incidentId, toUnit: t.unit, incidentUnits: t.incidentUnits }));
    } finally {
      dispatcher.close();
    }
  } finally {
    child.kill('SIGKILL');
  }
}

async function startHubProcess(dataDir: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HUB_HOST: '127.0.0.1', HUB_PORT: String(port), HUB_DATA_DIR: dataDir, HUB_DEMO: '1', HUB_SIMULATOR: '0', HUB_LOG: '0' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the hub did not start within 60 s');
}

async function benchHub(codes: string[], targetUnits: string[]): Promise<{ result: Result; targets: Target[] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-hub-'));
  const specs = await centreSpecs(dataDir, codes);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const { url, child } = await startHubProcess(dataDir, port);
  try {
    const login = (await (await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-duty', password: 'demo' }) })).json()) as { token: string };
    const dispatcher = await connectSocket(url, { token: login.token });
    try {
      const hierarchy = loadHierarchy();
      const incidents = new Map<string, { incidentId: string; units: string[] }>();
      for (const district of hierarchy.children('500000')) {
        const ack = (await dispatcher.timeout(10_000).emitWithAck('command', {
          id: randomUUID(), type: 'incident.report', title: `bench ${district.name}`, kind: 'drill', board: 'emergency', severity: 3, location: district.centroid,
        })) as { ok: boolean; incidentId: string };
        if (!ack.ok) throw new Error(`incident.report refused: ${JSON.stringify(ack)}`);
        incidents.set(district.code, { incidentId: ack.incidentId, units: hierarchy.locate(district.centroid) });
      }
      const targets = targetUnits.map((unit) => {
        const incident = incidents.get(unit.slice(0, 6))!;
        return { unit, incidentId: incident.incidentId, incidentUnits: incident.units };
      });
      const result = await measure('hub', url, specs, dispatcher, targets, (t) => ({ type: 'task.dispatch', incidentId: t.incidentId, toUnit: t.unit }));
      return { result, targets };
    } finally {
      dispatcher.close();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const codes = centreCodes().slice(0, CLIENT_LIMIT);
  const targetUnits = pickTargets(codes);
  const t0 = Date.now();
  const hub = await benchHub(codes, targetUnits);
  const echo = await benchEcho(codes.map((unit) => ({ unit, auth: {} })), hub.targets);
  const results = [echo, hub.result];
  console.log();
  printTable(
    [
      'server',
      'clients',
      { title: 'connect s', digits: 1 },
      'sent',
      'acked',
      'delivered',
      { title: 'p50 ms', digits: 2 },
      { title: 'p99 ms', digits: 2 },
      { title: 'max ms', digits: 1 },
      { title: 'events/s', digits: 0 },
    ],
    results.map((r) => [r.server, r.clients, r.connectSeconds, r.sent, r.acked, r.delivered, r.p50, r.p99, r.max, r.eventsPerSecond]),
    `bench:hub — ${codes.length} centre clients on loopback, ${RATE} dispatches/s for ${SECONDS} s, latency from send to the target centre`,
  );
  const round = (n: number | null, d = 2) => (n === null ? null : Number(n.toFixed(d)));
  console.log(
    JSON.stringify({
      bench: 'hub',
      clients: codes.length,
      rate: RATE,
      seconds: SECONDS,
      totalSeconds: Math.round((Date.now() - t0) / 1000),
      ...Object.fromEntries(
        results.flatMap((r) => [
          [`${r.server}P50Ms`, round(r.p50)],
          [`${r.server}P99Ms`, round(r.p99)],
          [`${r.server}EventsPerSecond`, Math.round(r.eventsPerSecond)],
          [`${r.server}Delivered`, r.delivered],
          [`${r.server}Sent`, r.sent],
          [`${r.server}Connected`, r.clients],
        ]),
      ),
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:hub failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
