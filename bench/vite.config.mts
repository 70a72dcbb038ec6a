import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The benchmark is a tool, not part of the app: its own entry, built beside
 * the app into out/bench/index.js, which finds the app's built worker and
 * renderer next to it (out/main, out/renderer).
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'index.ts'),
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.js' } },
  },
});
