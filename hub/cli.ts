// `tsx hub/cli.ts serve | migrate | create-account --username U --password P --unit CODE --roles duty,leader`
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '../shared/protocol/common';
import { UnitCode } from '../shared/protocol/units';
import { parseAtEdge } from '../shared/validation';
import { createAccount } from './auth/accounts';
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

const [command = 'serve', ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  serve,
  migrate,
  'create-account': () => createAccountCommand(rest),
};
const run = commands[command];
if (!run) {
  console.error(`usage: tsx hub/cli.ts serve | migrate | create-account --username U --password P --unit CODE --roles duty,leader`);
  process.exit(2);
}
run().catch((error: Error) => {
  console.error(`hub: ${error.message}`);
  process.exit(1);
});
