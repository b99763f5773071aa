// `tsx hub/cli.ts serve | migrate | create-account --username U --password P --unit CODE --roles duty,leader`
//   `| issue-tokens --units-file FILE --out FILE.json [--data-dir DIR] [--ttl-ms MS]`
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '../shared/protocol/common';
import { UnitCode } from '../shared/protocol/units';
import { parseAtEdge } from '../shared/validation';
import { createAccount } from './auth/accounts';
import { issueServiceTokens } from './auth/serviceTokens';
import { hubOptionsFromEnv } from './config';
import { startHub } from './server';
import { openStore } from './store/openStore';

const AccountArgs = z.object({
  username: z.string().min(1).max(64).regex(/^[^:\s]+$/, 'no spaces or colons'),
  password: z.string().min(4).max(256),
  unit: UnitCode,
  roles: z.string().transform((s) => s.split(',').map((r) => r.trim())).pipe(z.array(Role).min(1)),
});

async function serve(): Promise<void> {
  const options = hubOptionsFromEnv();
  const hub = await startHub(options);
  console.log(`hub listening on ${hub.url}${options.demo ? ' (demo)' : ''}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`hub: ${signal}, closing`);
    hub.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`hub: close failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function migrate(): Promise<void> {
  const options = hubOptionsFromEnv();
  const store = await openStore(options);
  console.log(`schema at version ${await store.schemaVersion()} (${store.dialect})`);
  await store.close();
}

async function createAccountCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, password: { type: 'string' }, unit: { type: 'string' }, roles: { type: 'string' } },
  });
  const parsed = parseAtEdge(AccountArgs, values);
  if (!parsed.ok) throw new Error(`create-account: ${parsed.message}`);
  const store = await openStore(hubOptionsFromEnv());
  try {
    await createAccount(store, parsed.value, Date.now());
    console.log(`account ${parsed.value.username} (${parsed.value.roles.join(',')} of ${parsed.value.unit}) saved`);
  } finally {
    await store.close();
  }
}

const TokenArgs = z.object({
  'units-file': z.string().min(1),
  out: z.string().min(1),
  'data-dir': z.string().min(1).optional(),
  'ttl-ms': z.coerce.number().int().positive().default(6 * 3600_000),
});

/** Accounts `bench-<code>` (created if missing) and `{code: token}` for each unit code in the file. */
async function issueTokensCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'units-file': { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' }, 'ttl-ms': { type: 'string' } },
  });
  const parsed = parseAtEdge(TokenArgs, values);
  if (!parsed.ok) throw new Error(`issue-tokens: ${parsed.message}`);
  const units = readFileSync(parsed.value['units-file'], 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  const options = hubOptionsFromEnv();
  const store = await openStore({ ...options, ...(parsed.value['data-dir'] ? { dataDir: parsed.value['data-dir'] } : {}) });
  try {
    const tokens = await issueServiceTokens(store, units, { ttlMs: parsed.value['ttl-ms'] });
    writeFileSync(parsed.value.out, JSON.stringify(Object.fromEntries(tokens)));
    console.log(`${tokens.size} tokens written to ${parsed.value.out}`);
  } finally {
    await store.close();
  }
}

const [command = 'serve', ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  serve,
  migrate,
  'create-account': () => createAccountCommand(rest),
  'issue-tokens': () => issueTokensCommand(rest),
};
const run = commands[command];
if (!run) {
  console.error(
    'usage: tsx hub/cli.ts serve | migrate | create-account --username U --password P --unit CODE --roles duty,leader\n' +
      '       | issue-tokens --units-file FILE --out FILE.json [--data-dir DIR] [--ttl-ms MS]',
  );
  process.exit(2);
}
run().catch((error: Error) => {
  console.error(`hub: ${error.message}`);
  process.exit(1);
});
