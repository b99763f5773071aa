// bench:hub's way in for 12,342 centres without 12,342 scrypt logins: before the hub starts,
// one duty account per centre goes into a fresh SQLite store in one transaction, and tokens are
// minted with the hub's own TokenIssuer and the signing secret the hub will read from that store.
import path from 'node:path';
import Database from 'better-sqlite3';
import { TokenIssuer } from '../hub/auth/tokens';
import { openStore } from '../hub/store/openStore';

const TOKEN_SECRET_KEY = 'token_secret';
const SIX_HOURS = 6 * 3600_000;

/** Usernames `bench-<code>`; their password hash matches no password, so only tokens open them. */
export async function seedBenchAccounts(dataDir: string, secretIfNew: string, units: string[]): Promise<Map<string, string>> {
  const store = await openStore({ dataDir });
  let secret: string;
  try {
    secret = await store.settingOrInit(TOKEN_SECRET_KEY, secretIfNew);
  } finally {
    await store.close();
  }
  const db = new Database(path.join(dataDir, 'hub.sqlite'));
  try {
    const insert = db.prepare(
      `INSERT INTO accounts (username, password_hash, unit, roles, created_ms) VALUES (?, 'bench:no-password', ?, '["duty"]', ?)
       ON CONFLICT (username) DO NOTHING`,
    );
    const now = Date.now();
    db.transaction(() => {
      for (const unit of units) insert.run(`bench-${unit}`, unit, now);
    })();
  } finally {
    db.close();
  }
  const issuer = new TokenIssuer(secret, SIX_HOURS, Date.now);
  return new Map(units.map((unit) => [unit, issuer.issue(`bench-${unit}`).token]));
}
