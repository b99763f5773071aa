import fs from 'node:fs';
import path from 'node:path';

/**
 * Path of the installed Electron executable, or null. Deliberately does not `require('electron')`:
 * that downloads the binary when it is missing, and machines without one must never try.
 */
export function findElectronBinary(projectRoot: string): string | null {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  return relative && fs.existsSync(binary) ? binary : null;
}
