import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * One build for every runtime. The main build has one entry per host (the
 * Electron main, the browser host, the CLI, the benchmark) plus the worker,
 * which is its own entry so that every host and every integration test forks
 * the very same file: out/main/worker.js.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          worker: resolve(__dirname, 'src/worker/index.ts'),
        },
      },
    },
  },
});
