import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The hub's conformance suite alone (it also runs under vitest.e2e.config.ts): each file starts
// its own hubs, PostgreSQL and Redis on ephemeral ports. Two files at a time suits 2 cores.
// `CONFORMANCE_BACKENDS=sqlite` narrows a run to one store.
export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    include: ['tests/conformance/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
