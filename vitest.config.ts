import { defineConfig } from 'vitest/config';

/**
 * Unit tests and integration tests that fork the built worker
 * (out/main/worker.js: `npm test` builds first). e2e/ belongs to Playwright.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests fork real processes; two files at a time suits two cores.
    maxWorkers: 2,
    globalSetup: ['test/support/require-build.ts'],
  },
});
