// Lint rules, including the layer rules of the design: each runtime imports
// only what runs there. `src/shared` is plain TypeScript (no electron, no
// node), the worker and the lab never import electron, only
// `src/main/electron` and the preload do, and the renderer talks to the main
// side only through `window.lab` (it may import types from shared).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'vm',
  'http',
  'net',
  'url',
  'util',
  'events',
  'stream',
  'worker_threads',
];
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/electron and src/preload may import electron.',
};
const node = (where) => ({
  group: NODE_BUILTINS,
  message: `${where} runs where Node is not: no Node built-ins.`,
});
const layer = (from, message) => ({ group: from, message });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            node('src/shared'),
            layer(
              ['**/main/**', '**/worker/**', '**/renderer/**', '**/preload/**'],
              'src/shared imports nothing from the other layers.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            layer(
              ['**/main/**', '**/renderer/**', '**/preload/**'],
              'The worker imports only shared and Node.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/lab/**/*.ts', 'src/main/web/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            layer(
              ['**/renderer/**', '**/preload/**', '**/worker/**'],
              'The main side talks to workers by messages and to the UI through the lab service.',
            ),
            layer(['**/electron/**'], 'Only the Electron host may use src/main/electron.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/lab/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            layer(
              [
                '**/renderer/**',
                '**/preload/**',
                '**/worker/**',
                '**/web/**',
                '**/cli/**',
                '**/electron/**',
              ],
              'src/main/lab is host-agnostic: hosts import it, never the reverse.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            node('The sandboxed preload'),
            layer(
              ['**/main/**', '**/worker/**', '**/renderer/**'],
              'The preload imports only electron and shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            node('The renderer'),
            layer(
              ['**/main/**', '**/worker/**', '**/preload/**'],
              'The renderer talks to the main side only through window.lab.',
            ),
            {
              group: ['**/shared/**'],
              allowTypeImports: true,
              message:
                'The renderer imports only types from shared; values come through window.lab.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests check contracts across layers (the lab's writer against the worker's
    // reader, say); they are not shipped, so only the electron rule holds there.
    // Last, so that it holds over every layer's rules, the renderer's included.
    files: ['src/**/*.test.ts'],
    ignores: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron] }] },
  },
);
