// Hub settings from the environment (`npm run hub`, `tsx hub/cli.ts serve`).
import type { HubOptions } from './server';

const flag = (value: string | undefined): boolean | undefined =>
  value === undefined || value === '' ? undefined : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * HUB_HOST (127.0.0.1), HUB_PORT (7700), HUB_DATA_DIR (.data/hub), HUB_DATABASE_URL, HUB_DEMO,
 * HUB_DEMO_PASSWORD (demo), HUB_SIMULATOR (on in demo mode unless 0), HUB_SEED (1), HUB_REDIS_URL,
 * HUB_PUBLIC_URL, HUB_TOKEN_TTL_MS, HUB_SLA_TICK_MS, HUB_CLIPS_DIR, HUB_LOG,
 * HUB_SAMPLE_RETENTION_HOURS (72; 0 keeps indicator samples forever), HUB_CAMERAS_FILE (a real
 * camera platform's cameras, JSON `[{id, name, unit, location, hls}]`, instead of the loop clips),
 * HUB_TEST_CONTROLS (test and demo controls outside demo mode: `POST /api/v1/cameras/:id/feed`),
 * HUB_DISPATCH_RULES (routing rules and SLA minutes, JSON; see domain/dispatchRules.ts; read and
 * checked when the hub starts), HUB_BUILDINGS_FILE (building footprints, GeoJSON; see
 * shared/geo/buildingsGeoJson.ts; read and checked when the hub starts).
 */
export function hubOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HubOptions {
  const demo = flag(env.HUB_DEMO) ?? false;
  const options: HubOptions = {
    host: env.HUB_HOST || '127.0.0.1',
    port: integer('HUB_PORT', env.HUB_PORT) ?? 7700,
    dataDir: env.HUB_DATA_DIR || '.data/hub',
    demo,
    demoPassword: env.HUB_DEMO_PASSWORD || 'demo',
    simulator: flag(env.HUB_SIMULATOR) ?? demo,
    seed: integer('HUB_SEED', env.HUB_SEED) ?? 1,
  };
  const requestLog = flag(env.HUB_LOG);
  if (requestLog !== undefined) options.logger = requestLog;
  if (env.HUB_DATABASE_URL) options.databaseUrl = env.HUB_DATABASE_URL;
  if (env.HUB_REDIS_URL) options.redisUrl = env.HUB_REDIS_URL;
  if (env.HUB_PUBLIC_URL) options.publicBaseUrl = env.HUB_PUBLIC_URL;
  if (env.HUB_CLIPS_DIR) options.clipsDir = env.HUB_CLIPS_DIR;
  if (env.HUB_CAMERAS_FILE) options.camerasFile = env.HUB_CAMERAS_FILE;
  if (env.HUB_DISPATCH_RULES) options.dispatchRulesFile = env.HUB_DISPATCH_RULES;
  if (env.HUB_BUILDINGS_FILE) options.buildingsFile = env.HUB_BUILDINGS_FILE;
  if (flag(env.HUB_TEST_CONTROLS)) options.testControls = true;
  const ttl = integer('HUB_TOKEN_TTL_MS', env.HUB_TOKEN_TTL_MS);
  if (ttl) options.tokenTtlMs = ttl;
  const simSpeed = Number(env.HUB_SIM_SPEED);
  if (env.HUB_SIM_SPEED && Number.isFinite(simSpeed) && simSpeed > 0) options.simulatorSpeed = simSpeed;
  const tick = integer('HUB_SLA_TICK_MS', env.HUB_SLA_TICK_MS);
  if (tick) options.slaTickMs = tick;
  const retentionHours = integer('HUB_SAMPLE_RETENTION_HOURS', env.HUB_SAMPLE_RETENTION_HOURS);
  if (retentionHours !== undefined) options.sampleRetentionHours = retentionHours;
  return options;
}
