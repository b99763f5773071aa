import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { VIDEO_TESTS } from './vitest.video.config';

// End-to-end and conformance: real hub, real Chromium, real PostgreSQL and Redis. Files run
// in separate processes; two at a time suits the 2-core machines this runs on. The video tests
// run on their own afterwards (vitest.video.config.ts).
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: ['tests/e2e/**/*.test.ts', 'tests/conformance/**/*.test.ts'],
    exclude: VIDEO_TESTS,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['tests/support/globalSetup.ts'],
  },
});
