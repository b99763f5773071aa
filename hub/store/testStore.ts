// For tests: a fresh store on SQLite (temp dir), or on PostgreSQL in a schema of its own when
// HUB_TEST_DATABASE_URL is set, so the same store tests run on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from './openStore';
import type { Store } from './store';

export const TEST_DATABASE_URL = process.env.HUB_TEST_DATABASE_URL || undefined;

export interface TestStore {
  store: Store;
  /** Opens the same database again (a second hub node, or a restart). */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-store-'));
  let pgSchema: string | undefined;
  if (TEST_DATABASE_URL) {
    pgSchema = `test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${pgSchema}`);
    await client.end();
  }
  const options = { dataDir, ...(TEST_DATABASE_URL ? { databaseUrl: TEST_DATABASE_URL, pgSchema } : {}) };
  const opened: Store[] = [];
  const open = async () => {
    const store = await openStore(options);
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    async cleanup() {
      await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
      if (pgSchema) {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await client.connect();
        await client.query(`DROP SCHEMA ${pgSchema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
