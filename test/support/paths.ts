import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');
/** The built worker that every host forks. */
export const BUILT_WORKER = resolve(ROOT, 'out/main/worker.js');
/** The built CLI. */
export const BUILT_CLI = resolve(ROOT, 'out/main/cli.js');
