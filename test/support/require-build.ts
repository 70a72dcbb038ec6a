/**
 * Integration tests fork the built worker, the same file every host runs.
 * Fail early with the fix when it has not been built.
 */
import { existsSync } from 'node:fs';
import { BUILT_WORKER } from './paths';

export default function requireBuild(): void {
  if (!existsSync(BUILT_WORKER)) {
    throw new Error(`${BUILT_WORKER} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
}
