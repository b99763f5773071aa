import { defineConfig } from 'vitest/config';

// Unit tests: beside the code, fast, no servers beyond loopback ones they start themselves.
export default defineConfig({
  test: {
    include: ['{shared,hub,main,preload,renderer,scripts,bench}/**/*.test.{ts,tsx}', 'tests/lint/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
