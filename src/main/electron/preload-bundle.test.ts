/**
 * The sandboxed preload may require nothing but electron: a library bundled
 * by reference (require("zod")) would throw in the window before `window.lab`
 * exists. Checked on the built file, which is what Electron loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/support/paths';

describe('the built preload', () => {
  it('requires electron and nothing else', () => {
    const code = readFileSync(join(ROOT, 'out/preload/index.js'), 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
  });
});
