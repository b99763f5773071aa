// Runs a conformance block once per store: SQLite (the embedded default) and PostgreSQL.
import { afterAll, beforeAll, describe } from 'vitest';
import type { HubOptions } from '../../hub/server';
import { startTestHub, tokenFor, type TestHub } from './hub';
import { postgresMissing, startPostgres, type PostgresCluster } from './postgres';

export const ALL_BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof ALL_BACKENDS)[number];

/** `CONFORMANCE_BACKENDS=sqlite` narrows the run; both by default. */
export function selectedBackends(): Backend[] {
  const wanted = process.env.CONFORMANCE_BACKENDS?.split(',').map((s) => s.trim());
  return ALL_BACKENDS.filter((b) => !wanted || wanted.includes(b));
}

/** Why `backend` cannot run here, or null. Under CI a missing PostgreSQL is a failure, not a skip. */
export function backendMissing(backend: Backend): string | null {
  if (backend === 'sqlite') return null;
  const missing = postgresMissing();
  if (missing && process.env.CI) throw new Error(`CI must run the PostgreSQL conformance suite: ${missing}`);
  return missing;
}

/** `describe` once per selected backend; a backend that cannot run is skipped with its reason in the title. */
export function describeEachBackend(title: string, body: (backend: Backend) => void): void {
  for (const backend of selectedBackends()) {
    const missing = backendMissing(backend);
    if (missing) describe.skip(`${title} [${backend}] (skipped: ${missing})`, () => body(backend));
    else describe(`${title} [${backend}]`, () => body(backend));
  }
}

export interface HubFixture {
  readonly hub: TestHub;
  readonly databaseUrl: string | undefined;
  /** A demo account's token, cached per hub. */
  token(username: string): Promise<string>;
}

/**
 * Starts a hub on `backend` before the block's tests and stops it (and its PostgreSQL) after.
 * Read `hub` inside tests, not at describe time.
 */
export function useHub(backend: Backend, options: Partial<HubOptions> = {}): HubFixture {
  let hub: TestHub | undefined;
  let cluster: PostgresCluster | undefined;
  const tokens = new Map<string, Promise<string>>();
  beforeAll(async () => {
    if (backend === 'postgres') cluster = await startPostgres();
    hub = await startTestHub({ ...options, ...(cluster ? { databaseUrl: cluster.url } : {}) });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    await cluster?.stop();
  }, 30_000);
  return {
    get hub() {
      if (!hub) throw new Error('hub not started');
      return hub;
    },
    get databaseUrl() {
      return cluster?.url;
    },
    token(username) {
      let token = tokens.get(username);
      if (!token) {
        token = tokenFor(this.hub.url, username);
        tokens.set(username, token);
      }
      return token;
    },
  };
}
