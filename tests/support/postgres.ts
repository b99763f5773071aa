// A throwaway PostgreSQL 15 cluster for one test file: initdb into a temp dir, start on a free
// port, one fresh database. Running as root, the server runs as the `postgres` OS user.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports';

const run = promisify(execFile);
export const POSTGRES_BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** URL of the fresh database made for this cluster's first user. */
  url: string;
  /** Another fresh, empty database on the same cluster. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUid(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  for (const bin of ['initdb', 'pg_ctl']) {
    if (!existsSync(path.join(POSTGRES_BIN_DIR, bin))) return `PostgreSQL binaries not found in ${POSTGRES_BIN_DIR} (set PG_BIN_DIR)`;
  }
  if (isRoot && !postgresUid()) return 'running as root and there is no `postgres` OS user to run the server as';
  return null;
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (initdb refuses root). */
function pgCommand(bin: string, args: string[]): Promise<{ stdout: string }> {
  const file = path.join(POSTGRES_BIN_DIR, bin);
  return isRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

const liveClusters = new Set<string>();
process.once('exit', () => {
  for (const dataDir of liveClusters) {
    try {
      const args = ['stop', '-D', dataDir, '-m', 'immediate'];
      const file = path.join(POSTGRES_BIN_DIR, 'pg_ctl');
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'ignore' });
      else execFileSync(file, args, { stdio: 'ignore' });
    } catch {
      // best effort on the way out
    }
  }
});

let databaseCounter = 0;

export async function startPostgres(): Promise<PostgresCluster> {
  const missing = postgresMissing();
  if (missing) throw new Error(missing);
  const root = mkdtempSync(path.join(tmpdir(), 'hub-pg-'));
  const owner = isRoot ? postgresUid() : null;
  if (owner) chownSync(root, owner.uid, owner.gid);
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  await pgCommand('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  await pgCommand('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '30', '-l', path.join(root, 'server.log'), '-o', options]);
  liveClusters.add(dataDir);
  const base = `postgres://postgres@127.0.0.1:${port}`;

  async function createDatabase(name = `t${process.pid}_${++databaseCounter}`): Promise<string> {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    return `${base}/${name}`;
  }

  const url = await createDatabase();
  return {
    url,
    createDatabase,
    async stop() {
      if (!liveClusters.delete(dataDir)) return;
      await pgCommand('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
