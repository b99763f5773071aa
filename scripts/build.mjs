// Builds what the wall app runs: the Electron main process and preload (esbuild, CommonJS, electron
// external) and the views (vite). `node scripts/build.mjs [--electron] [--renderer]`, both by default.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inRoot = (...parts) => path.join(projectRoot, ...parts);

export async function buildElectron() {
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'cjs', external: ['electron'], sourcemap: true, logLevel: 'warning', absWorkingDir: projectRoot };
  // Main: node_modules stay external; electron-builder ships the production dependencies (and
  // rebuilds native ones such as better-sqlite3 for Electron).
  await build({ ...common, entryPoints: [inRoot('main/electron/main.ts')], outfile: inRoot('dist/electron/main.cjs'), target: 'node22', packages: 'external' });
  // Preload runs sandboxed: it may require only `electron`, so everything else is bundled in.
  await build({ ...common, entryPoints: [inRoot('preload/preload.ts')], outfile: inRoot('dist/electron/preload.cjs'), target: 'chrome140' });
}

export function buildRenderer() {
  return new Promise((resolve, reject) => {
    // Always a production build: test runners set NODE_ENV=test, which would bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

/** True when dist/renderer is missing or older than any renderer or shared source. */
export function rendererIsStale() {
  const built = inRoot('dist/renderer/index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return [inRoot('renderer'), inRoot('shared')].some((dir) => newestMtime(dir) > builtAt);
}

/** Newest modification time of any file below `dir` (dot-folders and node_modules skipped). */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const all = only.length === 0;
  try {
    if (all || only.includes('--electron')) {
      await buildElectron();
      console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
    }
    if (all || only.includes('--renderer')) await buildRenderer();
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
