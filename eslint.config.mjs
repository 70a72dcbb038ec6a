// Lint rules, including the layer rules of the design (LAYERS below): each
// runtime imports only what runs there. `src/shared` is plain TypeScript (no
// electron, no node) that every layer may import, values included; the
// worker and the lab never import electron; the renderer talks to the main
// side only through `window.lab`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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
/**
 * The house, drawn once: each layer, the files it holds, and what it may
 * import. As VS Code's code-layering: shared ← worker; shared ← lab ←
 * electron / web / cli; shared ← preload; shared ← renderer. `node` and
 * `electron` say whether the runtime has them.
 */
const LAYERS = {
  shared: { files: 'src/shared', may: [], node: false, electron: false },
  worker: { files: 'src/worker', may: ['shared'], node: true, electron: false },
  lab: { files: 'src/main/lab', may: ['shared'], node: true, electron: false },
  electron: { files: 'src/main/electron', may: ['shared', 'lab'], node: true, electron: true },
  web: { files: 'src/main/web', may: ['shared', 'lab'], node: true, electron: false },
  cli: { files: 'src/main/cli', may: ['shared', 'lab'], node: true, electron: false },
  preload: { files: 'src/preload', may: ['shared'], node: false, electron: true },
  renderer: { files: 'src/renderer', may: ['shared'], node: false, electron: false },
};

/** The import patterns a layer may not use. */
function forbidden(name) {
  const layer = LAYERS[name];
  const others = Object.entries(LAYERS).filter(
    ([other]) => other !== name && !layer.may.includes(other),
  );
  // Imports are matched as written: `../web/server` from src/main/lab names the layer by its folder.
  const patterns = others.map(([other, { files }]) => {
    const folder = files.split('/').at(-1);
    return {
      group: [`**/${folder}/**`],
      message: `${layer.files} may import only ${layer.may.length ? layer.may.join(', ') : 'itself'} (not ${other}): see LAYERS in eslint.config.mjs.`,
    };
  });
  if (!layer.electron)
    patterns.push({
      group: ['electron', 'electron/*'],
      message: `${layer.files} does not run in Electron's main process.`,
    });
  if (!layer.node)
    patterns.push({
      group: NODE_BUILTINS,
      message: `${layer.files} runs where Node is not: no Node built-ins.`,
    });
  return patterns;
}

const layerRules = Object.keys(LAYERS).map((name) => ({
  files: [`${LAYERS[name].files}/**/*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden(name) }] },
}));

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
  ...layerRules,
  {
    // No import cycles (a module graph a reader can follow), and imports in one order.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // The imported files are TypeScript too: parse them as such to follow their imports.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/order': [
        'error',
        { groups: ['builtin', 'external', 'parent', 'sibling', 'index'] },
      ],
    },
  },
  {
    // CommonJS scripts (shared by an ES module script and Playwright's loader).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A function a reader can hold in their head: the dispatcher, the lab's
    // run and the readers are cut along their seams instead (tests aside).
    files: ['src/main/**/*.ts', 'src/worker/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tests check contracts across layers (the lab's writer against the worker's
    // reader, say); they are not shipped, so only the electron rule holds there.
    // Last, so that it holds over every layer's rules, the renderer's included.
    files: ['src/**/*.test.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only the Electron layer and its tests use electron.',
            },
          ],
        },
      ],
    },
  },
);
