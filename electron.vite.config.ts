import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src/shared/content-security-policy';

/** Puts the one Content-Security-Policy (src/shared) into the page's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'isolation-lab-content-security-policy',
    transformIndexHtml: (html) =>
      html.replace('__CONTENT_SECURITY_POLICY__', META_CONTENT_SECURITY_POLICY),
  };
}

/**
 * One build for every runtime. The main build has one entry per host (the
 * Electron main, the browser host, the CLI) plus the worker, which is its own
 * entry so that every host and every integration test forks the very same
 * file: out/main/worker.js. The renderer build also emits the browser host's
 * preload (out/renderer/web-preload.js), which defines `window.lab` over a
 * WebSocket where Electron's preload is not there.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          web: resolve(__dirname, 'src/main/web/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          worker: resolve(__dirname, 'src/worker/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          'web-preload': resolve(__dirname, 'src/preload/web.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'web-preload' ? 'web-preload.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
