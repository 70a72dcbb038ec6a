import { resolve } from 'node:path';
import { builtWorker } from '../../src/main/lab/launcher';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');
/** The built worker that every host forks. */
export const BUILT_WORKER = builtWorker(resolve(ROOT, 'out/main'));
/** The built CLI. */
export const BUILT_CLI = resolve(ROOT, 'out/main/cli.js');
