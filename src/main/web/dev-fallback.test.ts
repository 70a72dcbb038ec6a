/**
 * `npm run dev` where Electron cannot start: Vite's dev server with hot
 * reload, the web preload injected, and the page's WebSocket reaching the
 * browser host through it, behind the same token.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BUILT_WORKER, ROOT } from '../../../test/support/paths';
import { electronBinary } from '../../../scripts/electron-binary.cjs';

// Where Electron can start, `npm run dev` opens it instead: this test is for the fallback.
const fallback = 'reason' in electronBinary();
// The other tests fork out/main/worker.js meanwhile: with --no-build the script must leave it alone.
const builtAt = statSync(BUILT_WORKER).mtimeMs;
const dev = spawn(
  process.execPath,
  fallback ? [join(ROOT, 'scripts/dev.mjs'), '--no-build'] : ['-e', ''],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
afterAll(async () => {
  if (dev.exitCode !== null) return;
  const exited = new Promise((resolve) => dev.on('exit', resolve));
  // The whole group: the script, Vite in it, and the browser host it started.
  process.kill(-(dev.pid as number), 'SIGTERM');
  await exited;
});

const address = new Promise<URL>((resolve) => {
  let output = '';
  dev.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /\(dev\) is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
    if (match?.[1]) resolve(new URL(match[1]));
  });
});

describe.skipIf(!fallback)('npm run dev without Electron', () => {
  it('serves the page with hot reload and the web preload, under the dev policy', async () => {
    const url = await address;
    const html = await (await fetch(new URL('/', url))).text();
    expect(html).toContain('/@vite/client');
    expect(html).toContain('src/preload/web.ts');
    expect(html).toContain("connect-src 'self' ws:");
  });

  it('reaches the lab through the dev server, with the token, and not without it', async () => {
    const url = await address;
    const ask = (token: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${url.host}/lab?token=${token}`, { origin: url.origin });
        ws.on('open', () =>
          ws.send(JSON.stringify({ id: 1, command: 'host-info', request: null })),
        );
        ws.on('message', (data) => {
          ws.close();
          resolve(String(data));
        });
        ws.on('unexpected-response', (_request, response) =>
          resolve(`refused ${response.statusCode}`),
        );
        ws.on('error', (error) => resolve(`error ${error.message}`));
      });
    expect(JSON.parse(await ask(url.searchParams.get('token') ?? ''))).toMatchObject({
      id: 1,
      result: { ok: true, response: { backend: 'ChildProcessBackend' } },
    });
    expect(await ask('wrong')).toMatch(/refused 403|error/);
  });

  it('leaves the build the other tests run alone (--no-build)', async () => {
    await address;
    expect(statSync(BUILT_WORKER).mtimeMs).toBe(builtAt);
  });
});
