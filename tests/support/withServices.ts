// Runs a command with a throwaway PostgreSQL and Redis, their URLs in HUB_TEST_DATABASE_URL and
// HUB_TEST_REDIS_URL, so the hub's own store, auth and scale-out tests run on PostgreSQL too.
//   tsx tests/support/withServices.ts npx vitest run hub/store hub/auth hub/realtime
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres';
import { startRedis } from './redis';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx tests/support/withServices.ts <command> [args…]');
  process.exit(2);
}
const postgres = await startPostgres();
const redis = await startRedis();
let status = 1;
try {
  const env = { ...process.env, HUB_TEST_DATABASE_URL: postgres.url, HUB_TEST_REDIS_URL: redis.url };
  status = spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
} finally {
  await redis.stop();
  await postgres.stop();
}
process.exit(status);
