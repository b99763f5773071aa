// Builds the standalone indicator board page (renderer/panels/indicators/standalone.html) that
// the end-to-end test and the benchmark open, into dist/indicators-standalone/, when its sources
// are newer than the last build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from '../scripts/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INDICATORS_PAGE_DIR = path.join(root, 'dist/indicators-standalone');
/** Path of the page under INDICATORS_PAGE_DIR (what the browser shell serves it as). */
export const INDICATORS_PAGE_PATH = '/panels/indicators/standalone.html';

export function indicatorsPageIsStale(): boolean {
  const built = path.join(INDICATORS_PAGE_DIR, INDICATORS_PAGE_PATH);
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return ['renderer', 'shared'].some((dir) => newestMtime(path.join(root, dir)) > builtAt);
}

export async function buildIndicatorsPage(force = false): Promise<string> {
  if (!force && !indicatorsPageIsStale()) return INDICATORS_PAGE_DIR;
  await new Promise<void>((resolve, reject) => {
    // A production build whatever the runner set (vitest sets NODE_ENV=test: React's dev build).
    const env = { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
    const child = spawn('npx', ['vite', 'build', '--config', 'bench/indicatorsViteConfig.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  return INDICATORS_PAGE_DIR;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildIndicatorsPage(true);
  console.log(`built ${path.join(INDICATORS_PAGE_DIR, INDICATORS_PAGE_PATH)}`);
}
