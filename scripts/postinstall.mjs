#!/usr/bin/env node
// Fetches the Electron binary where the network allows it. Where it cannot (an offline or
// locked-down machine), installation still succeeds and `npm start` uses the browser shell.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const installer = path.resolve(import.meta.dirname, '../node_modules/electron/install.js');
if (!fs.existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
const run = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 300_000, encoding: 'utf8' });
if (run.status === 0) {
  console.log('Electron binary installed: npm start runs the Electron app.');
} else {
  const reason = (run.stderr || run.stdout || '').split('\n').find((l) => l.trim()) ?? 'unknown error';
  console.log(`Electron binary not available (${reason.trim()}); npm start will run the browser shell.`);
}
