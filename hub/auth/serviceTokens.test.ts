// Tokens for many centres: the accounts they stand for, no password that opens them, and (through
// the CLI) a hub started on the same data dir accepting them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub } from '../server';
import { openTestStore, type TestStore } from '../store/testStore';
import { checkCredentials } from './accounts';
import { issueServiceTokens } from './serviceTokens';
import { openTokenIssuer } from './tokens';

const HOUR = 3600_000;
let db: TestStore;

beforeEach(async () => {
  db = await openTestStore();
});
afterEach(async () => {
  await db.cleanup();
});

describe('issueServiceTokens', () => {
  it('creates a duty account per unit and a token the hub\'s issuer accepts for it', async () => {
    const tokens = await issueServiceTokens(db.store, ['500103', '500103001003', '500000'], { ttlMs: HOUR });
    expect([...tokens.keys()]).toEqual(['500103', '500103001003', '500000']);
    const issuer = await openTokenIssuer(db.store, HOUR);
    expect(issuer.verify(tokens.get('500103001003'))).toBe('bench-500103001003');
    expect(await db.store.getAccount('bench-500103001003')).toMatchObject({ unit: '500103001003', roles: ['duty'] });
  });

  it('opens the accounts to tokens only: no password logs in', async () => {
    await issueServiceTokens(db.store, ['500103'], { ttlMs: HOUR });
    const { passwordHash } = (await db.store.getAccount('bench-500103'))!;
    for (const password of ['', 'bench', passwordHash, passwordHash.split('$')[1]!]) {
      expect(await checkCredentials(db.store, 'bench-500103', password)).toBeUndefined();
    }
  });

  it('keeps existing accounts on a second run and issues tokens that expire', async () => {
    let now = 1_000_000;
    await issueServiceTokens(db.store, ['500103'], { ttlMs: HOUR });
    const before = await db.store.getAccount('bench-500103');
    const again = await issueServiceTokens(db.store, ['500103', '500106'], { ttlMs: HOUR, now: () => now });
    expect(await db.store.getAccount('bench-500103')).toEqual(before);
    const issuer = await openTokenIssuer(db.store, HOUR, () => now);
    expect(issuer.verify(again.get('500106'))).toBe('bench-500106');
    now += HOUR;
    expect(issuer.verify(again.get('500106'))).toBeUndefined();
  });

  it('refuses malformed or unknown unit codes before writing anything', async () => {
    await expect(issueServiceTokens(db.store, ['500103', "5' OR 1=1"], { ttlMs: HOUR })).rejects.toThrow();
    await expect(issueServiceTokens(db.store, ['500103', '999999'], { ttlMs: HOUR })).rejects.toThrow(/999999/);
    expect(await db.store.getAccount('bench-500103')).toBeUndefined();
  });
});

describe('tsx hub/cli.ts issue-tokens', () => {
  it('writes {code: token} that a hub on the same data dir accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-tokens-'));
    try {
      const dataDir = path.join(dir, 'data');
      writeFileSync(path.join(dir, 'units.txt'), '500103\n\n500103001003\n');
      const cli = path.resolve(import.meta.dirname, '../cli.ts');
      const args = [cli, 'issue-tokens', '--units-file', path.join(dir, 'units.txt'), '--out', path.join(dir, 'tokens.json'), '--data-dir', dataDir, '--ttl-ms', String(HOUR)];
      await promisify(execFile)(path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx'), args, { env: { ...process.env, HUB_DATABASE_URL: '' } });
      const tokens = JSON.parse(readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(tokens)).toEqual(['500103', '500103001003']);
      const hub = await startHub({ port: 0, dataDir, simulator: false, logger: false });
      try {
        const me = await fetch(`${hub.url}/api/v1/me`, { headers: { authorization: `Bearer ${tokens['500103001003']}` } });
        expect(await me.json()).toMatchObject({ user: { username: 'bench-500103001003', roles: ['duty'] }, unit: { code: '500103001003' } });
      } finally {
        await hub.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
