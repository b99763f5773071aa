import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPgDriver } from './pgDriver';
import { openSqliteDriver } from './sqliteDriver';
import { Store } from './store';

/** PostgreSQL when `databaseUrl` is set, else `hub.sqlite` in `dataDir`; migrated and ready. */
export async function openStore(options: { dataDir: string; databaseUrl?: string; pgSchema?: string }): Promise<Store> {
  let driver;
  if (options.databaseUrl) driver = openPgDriver(options.databaseUrl, options.pgSchema);
  else {
    mkdirSync(options.dataDir, { recursive: true });
    driver = openSqliteDriver(path.join(options.dataDir, 'hub.sqlite'));
  }
  const store = new Store(driver);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
