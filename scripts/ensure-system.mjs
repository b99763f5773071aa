#!/usr/bin/env node
// Installs the Debian packages the wall and its tests need when they are missing:
// Chromium (browser shell and browser tests), ffmpeg (camera clips), Xvfb (Electron test),
// Redis and PostgreSQL (hub scale-out and storage tests), CJK fonts (Chinese on screenshots).
// Usage: node scripts/ensure-system.mjs [--for start|test]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const purpose = process.argv.includes('--for') ? process.argv[process.argv.indexOf('--for') + 1] : 'test';

/** [what must exist, the Debian package that provides it, needed for start?] */
const NEEDS = [
  ['/usr/bin/chromium', 'chromium', true],
  ['/usr/bin/ffmpeg', 'ffmpeg', true],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'fonts-noto-cjk', true],
  ['/usr/bin/Xvfb', 'xvfb', false],
  ['/usr/bin/redis-server', 'redis-server', false],
  ['/usr/lib/postgresql/15/bin/initdb', 'postgresql', false],
];

const missing = NEEDS.filter(([file, , forStart]) => (purpose === 'test' || forStart) && !fs.existsSync(file)).map(([, pkg]) => pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`Missing system packages: ${missing.join(' ')}`);
  console.error(`Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`Installing system packages: ${missing.join(' ')} …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
// The postgresql package starts a cluster of its own; the tests start their own throwaway ones.
spawnSync('sh', ['-c', 'command -v service >/dev/null && service postgresql stop; service redis-server stop'], { stdio: 'ignore' });
