// Starting a hub for tests, in-process (`startHub`) or as a child process (`tsx hub/cli.ts serve`,
// which the SIGKILL test needs), and logging in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub, type HubOptions } from '../../hub/server';
import { LoginResponse } from '../../shared/protocol/auth';
import { freePort, waitUntil } from './ports';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'demo';

export interface TestHub {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDir(prefix = 'hub-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Encoded loop clips are shared by every test hub on this machine (the hub locks while encoding). */
export const SHARED_CLIPS_DIR = path.join(tmpdir(), 'command-wall-test-hls-clips');

/** A hub in this process: demo accounts, no simulator, quiet, an ephemeral port and a temp data dir. */
export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDir();
  const hub = await startHub({ host: '127.0.0.1', port: 0, demo: true, simulator: false, logger: false, clipsDir: SHARED_CLIPS_DIR, ...options, dataDir });
  return {
    url: hub.url,
    port: hub.port,
    dataDir,
    async close() {
      await hub.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChildHub {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no flush. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export interface ChildHubOptions {
  dataDir: string;
  port?: number;
  databaseUrl?: string;
  redisUrl?: string;
  simulator?: boolean;
  env?: Record<string, string>;
}

/** `hub/cli.ts serve` under tsx, configured through its environment; resolves once /healthz answers. */
export async function startChildHub(options: ChildHubOptions): Promise<ChildHub> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HUB_HOST: '127.0.0.1',
    HUB_PORT: String(port),
    HUB_DATA_DIR: options.dataDir,
    HUB_DEMO: '1',
    HUB_DEMO_PASSWORD: DEMO_PASSWORD,
    HUB_SIMULATOR: options.simulator ? '1' : '0',
    HUB_CLIPS_DIR: SHARED_CLIPS_DIR,
    ...(options.databaseUrl ? { HUB_DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisUrl ? { HUB_REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  // One process (node with tsx's loader), not the tsx wrapper, so a SIGKILL reaches the hub itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts', 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${output}`);
      return (await fetch(`${url}/healthz`)).ok;
    }, `child hub on ${url}`, 60_000, 100);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- hub output ---\n${output}`);
  }
  const signal = async (name: NodeJS.Signals) => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, port, child, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: HTTP ${response.status} ${await response.text()}`);
  return LoginResponse.parse(await response.json());
}

export async function tokenFor(url: string, username: string): Promise<string> {
  return (await login(url, username)).token;
}

export interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
}

/** One HTTP request; the body is parsed as JSON when it is JSON, kept as text otherwise. */
export async function http(
  url: string,
  pathAndQuery: string,
  options: { token?: string; method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${url}${pathAndQuery}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Every event of `token`'s scope after `since`, following `next` page by page. */
export async function fetchAllEvents(url: string, token: string, since = 0, limit = 500): Promise<any[]> {
  const events: any[] = [];
  let cursor: number | null = since;
  for (let pages = 0; cursor !== null; pages++) {
    if (pages > 10_000) throw new Error('events paging does not end');
    const res = await http(url, `/api/v1/events?since=${cursor}&limit=${limit}`, { token });
    if (res.status !== 200) throw new Error(`GET /api/v1/events?since=${cursor}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    events.push(...res.body.events);
    if (res.body.next !== null && res.body.next <= cursor) throw new Error(`events paging went backwards: next ${res.body.next} after since ${cursor}`);
    cursor = res.body.next;
  }
  return events;
}

/**
 * Runs `hub serve` in its own process with `env` on top of a demo hub's (SQLite in `dataDir`, no
 * simulator) and waits for it to exit: for a hub that must refuse to start. Its exit code and
 * everything it printed.
 */
export async function runHubUntilExit(dataDir: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HUB_HOST: '127.0.0.1',
    HUB_PORT: String(await freePort()),
    HUB_DATA_DIR: dataDir,
    HUB_DEMO: '1',
    HUB_SIMULATOR: '0',
    HUB_CLIPS_DIR: SHARED_CLIPS_DIR,
    ...env,
  };
  delete childEnv.HUB_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts', 'serve'], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
