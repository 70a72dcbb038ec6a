/**
 * The browser host's gate, tried from outside: every HTTP request and
 * WebSocket upgrade needs the token, and upgrades from another Origin or with
 * another Host are refused.
 */
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { LabApi } from '../src/shared/api';
import { expect, needsBrowser, test } from './fixtures';

needsBrowser();

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(url: string, origin: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.on('error', (error) => resolve(`error ${error.message}`));
  });
}

test('HTTP: 403 without the token, with a wrong one, or with another Host', async ({ host }) => {
  expect(await get(host.port, '/')).toBe(403);
  expect(await get(host.port, '/?token=wrong')).toBe(403);
  expect(await get(host.port, '/web-preload.js')).toBe(403);
  expect(await get(host.port, `/?token=${host.token}`, { Host: `evil.example:${host.port}` })).toBe(
    403,
  );
  expect(await get(host.port, `/?token=${host.token}`)).toBe(200);
  expect(await get(host.port, `/../../etc/passwd?token=${host.token}`)).toBe(404);
});

test('WebSocket: only the page itself, with the token, may connect', async ({ host }) => {
  const ws = `ws://127.0.0.1:${host.port}/lab`;
  expect(await upgrade(`${ws}?token=${host.token}`, host.origin)).toBe('open');
  expect(await upgrade(`${ws}?token=${host.token}`, 'http://evil.example')).toBe('refused 403');
  expect(await upgrade(`${ws}?token=${host.token}`, undefined)).toBe('refused 403');
  expect(await upgrade(`${ws}?token=wrong`, host.origin)).toBe('refused 403');
  expect(await upgrade(ws, host.origin)).toBe('refused 403');
});

test('the page loads with its CSP and the WebSocket bridge answers', async ({ page, host }) => {
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const info = await page.evaluate(() =>
    (globalThis as unknown as { lab: LabApi }).lab.invoke('host-info', null),
  );
  expect(info.backend).toBe('ChildProcessBackend');
  const refused = await page.evaluate(() =>
    (globalThis as unknown as { lab: LabApi }).lab
      .invoke('run', { experiment: 'nope' } as never)
      .then(
        () => 'ran',
        (e: Error) => e.message,
      ),
  );
  expect(refused).toContain('Invalid experiment: "nope"');
});
