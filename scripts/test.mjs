#!/usr/bin/env node
// `npm test`: every check a change must pass, in order of cost: system packages, type check
// of every layer, lint (with the import-boundary rule), unit tests, then end-to-end and
// conformance tests against the real hub in Debian's Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'tests/.artifacts');
fs.mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step

const steps = [
  ['system', 'node', ['scripts/ensure-system.mjs', '--for', 'test']],
  ['typecheck', 'npx', ['tsc', '-b', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`]],
  // The hub's own store, auth and scale-out tests again, on PostgreSQL and Redis.
  ['hub-postgres', 'npx', ['tsx', 'tests/support/withServices.ts', 'npx', 'vitest', 'run', 'hub/store', 'hub/auth', 'hub/realtime', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/hub-postgres.json`]],
  ['e2e', 'npx', ['vitest', 'run', '--config', 'tests/vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/e2e.json`]],
  // Many live videos at once, one file at a time, on an otherwise idle machine.
  ['e2e-video', 'npx', ['vitest', 'run', '--config', 'tests/vitest.video.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/e2e-video.json`]],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const report = path.join(reports, `${name}.json`);
  const counted = fs.existsSync(report);
  if (counted) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    fs.rmSync(report);
  }
  if (run.status !== 0) {
    failedStep = name;
    if (!counted) totals.failed += 1; // a step with no test report counts as one failure
    break;
  }
}
if (failedStep) console.log(`\nnpm test stopped at: ${failedStep}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
