import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The tests that play many live videos at once. They measure playback against the wall clock,
 * so they run one file at a time after the rest of the end-to-end suite: sixteen software
 * decoders sharing two cores with a conformance run is a test of the machine, not of the wall.
 */
export const VIDEO_TESTS = ['tests/e2e/camera-wall.test.ts', 'tests/e2e/cameras-hls.test.ts'];

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: VIDEO_TESTS,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    globalSetup: ['tests/support/globalSetup.ts'],
  },
});
