import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Builds the renderer once before end-to-end tests when its sources are newer than the build. */
export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  const built = path.join(root, 'dist/renderer/index.html');
  if (fs.existsSync(built) && newestMtime(path.join(root, 'renderer')) <= fs.statSync(built).mtimeMs) return;
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
