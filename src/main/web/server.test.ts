/**
 * The browser host over real sockets, no browser needed: its gate (Host,
 * Origin, token), each tab's own runs and the read-only watcher, a tab that
 * stops reading, and clients that misbehave (a bad frame closes that
 * connection with the matching code and the host goes on serving; a
 * malformed %-escape is a 400, not a crash).
 */
import { spawnSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { ChildProcessLauncher } from '../lab/child-process-launcher';
import { Lab } from '../lab/lab';
import { LabService } from '../lab/service';
import { BUILT_WORKER, ROOT } from '../../../test/support/paths';
import { startWebHost, type WebHost } from './server';

let host: WebHost;
let lab: Lab;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'isolation-lab-web-'));
  lab = new Lab({ launcher: new ChildProcessLauncher(BUILT_WORKER), dataDir });
  host = await startWebHost({
    service: new LabService(lab),
    rendererDir: join(ROOT, 'out/renderer'),
    port: 0,
  });
});
afterAll(async () => {
  await host.close();
  await lab.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const origin = (): string => `http://127.0.0.1:${host.port}`;

/** A socket past the WebSocket handshake, to write frames by hand. */
function rawSocket(): Promise<{ socket: Socket; closeCode: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    const key = randomBytes(16).toString('base64');
    socket.once('error', reject);
    socket.write(
      `GET /lab?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: ${origin()}\r\n` +
        `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    let buffered = Buffer.alloc(0);
    let closeCode: (code: number) => void = () => undefined;
    const closed = new Promise<number>((r) => (closeCode = r));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      if (!buffered.subarray(0, 12).toString().includes('101')) reject(new Error('no upgrade'));
      const frames = buffered.subarray(headerEnd + 4);
      // A close frame from the server: opcode 8, unmasked, its code in the first two payload bytes.
      if (frames.length >= 4 && ((frames[0] as number) & 0x0f) === 8)
        closeCode(frames.readUInt16BE(2));
      resolve({ socket, closeCode: closed });
    });
    socket.on('close', () => closeCode(-1));
  });
}

/** A masked client frame with the given first byte (FIN + opcode) and payload. */
function frame(first: number, payload: Buffer, masked = true): Buffer {
  const mask = randomBytes(4);
  const body = masked ? payload.map((b, i) => b ^ (mask[i % 4] as number)) : payload;
  const length =
    payload.length < 126
      ? Buffer.from([(masked ? 0x80 : 0) | payload.length])
      : Buffer.from([(masked ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([first]), length, masked ? mask : Buffer.alloc(0), body]);
}

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
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

/** A tab's connection: its answers by id, and the run events it receives. */
interface Tab {
  ws: WebSocket;
  events: { type: string; runId: number }[];
  ask(
    command: string,
    request?: unknown,
  ): Promise<{ ok: boolean; response?: unknown; error?: { name: string; message: string } }>;
}

async function openTab(watch = false): Promise<Tab> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${host.port}/lab?token=${host.token}${watch ? '&watch=1' : ''}`,
    { origin: origin() },
  );
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const events: Tab['events'] = [];
  const answers = new Map<number, (result: never) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      result?: never;
      payload?: Tab['events'][number];
    };
    if (message.payload) events.push(message.payload);
    else if (typeof message.id === 'number') answers.get(message.id)?.(message.result as never);
  });
  let nextId = 1;
  return {
    ws,
    events,
    ask: (command, request = null) =>
      new Promise((resolve) => {
        const id = nextId++;
        answers.set(id, resolve);
        ws.send(JSON.stringify({ id, command, request }));
      }),
  };
}

describe('the gate', () => {
  it('serves the page and its files to the lab’s own Host, without a token and without a cookie', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await get('/web-preload.js')).status).toBe(200);
    expect((await get('/', { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { Host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await get('/../../etc/passwd')).status).toBe(404);
  });

  it('lets only the page itself, with the token, open the WebSocket', async () => {
    const ws = `ws://127.0.0.1:${host.port}/lab`;
    expect(await upgrade(`${ws}?token=${host.token}`, origin())).toBe('open');
    expect(await upgrade(`${ws}?token=${host.token}`, 'http://evil.example')).toBe('refused 403');
    expect(await upgrade(`${ws}?token=${host.token}`, undefined)).toBe('refused 403');
    expect(await upgrade(`${ws}?token=wrong`, origin())).toBe('refused 403');
    expect(await upgrade(ws, origin())).toBe('refused 403');
  });
});

describe('tabs', () => {
  it('a run’s events go to the tab that started it and to watchers, and only that tab can cancel it', async () => {
    const [a, b, watcher] = await Promise.all([openTab(), openTab(), openTab(true)]);
    const running = a.ask('run', { experiment: 'partial-read', rows: 1_048_575 });
    while (!a.events.some((e) => e.type === 'read-progress'))
      await new Promise((resolve) => setTimeout(resolve, 10));
    const foreign = await b.ask('cancel');
    expect(foreign.error?.name).toBe('NotYourRunError');
    const watcherCancel = await watcher.ask('cancel');
    expect(watcherCancel.error?.name).toBe('ReadOnlyError');
    const watcherRun = await watcher.ask('run', { experiment: 'read-global' });
    expect(watcherRun.error?.message).toContain('only watches');
    const result = await running;
    expect(result.ok).toBe(true);
    expect(a.events.at(-1)?.type).toBe('run-finished');
    while (watcher.events.at(-1)?.type !== 'run-finished')
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(b.events).toEqual([]);
    expect(watcher.events.map((e) => e.type)).toEqual(a.events.map((e) => e.type));
    const info = (await watcher.ask('host-info')).response as { readOnly: boolean };
    expect(info.readOnly).toBe(true);
    for (const tab of [a, b, watcher]) tab.ws.close();
  });

  it('a tab that leaves mid-run cancels its run: nobody is left to see it', async () => {
    const tab = await openTab();
    void tab.ask('run', { experiment: 'partial-read', rows: 1_048_575 });
    while (!tab.events.some((e) => e.type === 'read-progress'))
      await new Promise((resolve) => setTimeout(resolve, 10));
    tab.ws.terminate();
    const started = performance.now();
    while (lab.busy && performance.now() - started < 15_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lab.busy).toBe(false);
  });

  it('a tab that stops reading is disconnected once 8 MiB wait for it, and its run is cancelled', async () => {
    const before = host.connections;
    const said = vi.spyOn(process.stderr, 'write');
    const tab = await openTab();
    // 300,000 tasks send 600,000 events: far more than 8 MiB for a tab that reads nothing.
    void tab.ask('run', { experiment: 'read-global', tasks: 300_000, verbose: 0 });
    (tab.ws as unknown as { _socket: Socket })._socket.pause();
    const started = performance.now();
    while (!lab.busy && performance.now() - started < 5_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const rssBefore = process.memoryUsage.rss();
    while (lab.busy && performance.now() - started < 60_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lab.busy).toBe(false);
    expect(host.connections).toBe(before);
    const lines = said.mock.calls.map((call) => String(call[0]));
    said.mockRestore();
    expect(
      lines.some((line) => /disconnected a tab that stopped reading \(\d+ MiB queued\)/.test(line)),
    ).toBe(true);
    // What was queued for the tab is gone with it.
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(64 * 2 ** 20);
  });
});

describe('settings', () => {
  it('a tab and a watching screen remember their own; a bad value is refused, saying what is allowed', async () => {
    const [tab, watcher] = await Promise.all([openTab(), openTab(true)]);
    expect((await tab.ask('save-settings', { language: 'es', fontScale: 1.25 })).response).toEqual({
      language: 'es',
      fontScale: 1.25,
    });
    expect((await watcher.ask('save-settings', { fontScale: 2 })).response).toEqual({
      fontScale: 2,
    });
    expect((await tab.ask('settings')).response).toEqual({ language: 'es', fontScale: 1.25 });
    const bad = await tab.ask('save-settings', { fontScale: 9, colour: 'red' });
    expect(bad.error?.message).toContain('fontScale (1, 1.25, 1.5, 1.75 or 2)');
    await tab.ask('save-settings', { language: 'en', fontScale: 1 });
    for (const t of [tab, watcher]) t.ws.close();
  });
});

describe('a long session', () => {
  it('60 runs over one connection leave the host with the descriptors it had after 10', async () => {
    const tab = await openTab();
    const descriptors = (): number => readdirSync('/proc/self/fd').length;
    let after10 = 0;
    for (let i = 1; i <= 60; i += 1) {
      const result = await tab.ask('run', { experiment: 'read-global', verbose: 0 });
      expect(result.ok).toBe(true);
      if (i === 10) after10 = descriptors();
    }
    expect(descriptors()).toBe(after10);
    tab.ws.close();
  });
});

/** The host still answers a well-formed client. */
async function stillServes(): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/lab?token=${host.token}`, {
    origin: origin(),
  });
  const answer = await new Promise<string>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, command: 'host-info', request: null })));
    ws.on('message', (data) => resolve(data.toString()));
    ws.on('error', reject);
  });
  ws.close();
  expect(JSON.parse(answer)).toMatchObject({ id: 1, result: { ok: true } });
}

describe('a client that sends a bad frame', () => {
  it.each([
    ['a text frame of invalid UTF-8', 1007, frame(0x81, Buffer.from([0xff, 0xfe, 0xfd]))],
    ['an unmasked frame', 1002, frame(0x81, Buffer.from('{}'), false)],
    ['opcode 3 (reserved)', 1002, frame(0x83, Buffer.from('x'))],
  ] as const)(
    '%s: that connection closes with code %i, and the host goes on',
    async (_name, code, bytes) => {
      const { socket, closeCode } = await rawSocket();
      socket.write(bytes);
      expect(await closeCode).toBe(code);
      socket.destroy();
      await stillServes();
    },
  );

  it('a message over 64 KiB: closed with 1009, and the host goes on', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/lab?token=${host.token}`, {
      origin: origin(),
    });
    await new Promise((resolve) => ws.on('open', resolve));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('x'.repeat(65_537));
    expect(await closed).toBe(1009);
    await stillServes();
  });
});

describe('HTTP', () => {
  it('a malformed %-escape is a 400 with a reason, and the host goes on', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: `/%E0%A4%A?token=${host.token}` },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    await stillServes();
  });
});

describe('the command line', () => {
  it('--help prints the usage and exits 0; an unknown option names the allowed ones and exits 2', () => {
    const web = join(ROOT, 'out/main/web.js');
    const help = spawnSync(process.execPath, [web, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run web -- \[--port N\] \[--no-open\]/);
    const bad = spawnSync(process.execPath, [web, '--bogus'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'Unknown option "--bogus". Allowed: --port, --no-open, --data-dir, --dev-page, --help.',
    );
  });
});
