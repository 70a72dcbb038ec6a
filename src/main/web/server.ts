/**
 * The browser host: the built renderer over HTTP and the lab's API over a
 * WebSocket, on 127.0.0.1 only. It serves the same page as the desktop app,
 * with one addition: the web preload, which defines `window.lab` over the
 * WebSocket before the app starts. Each tab sees the runs it started; a tab
 * opened with `watch=1` sees every run and cannot start or cancel one.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { wsCommandSchema } from '../../shared/api';
import type { LabClient, LabService } from '../lab/service';
import { contentType } from '../../shared/content-types';
import { ClientChannel } from './client-channel';
import { SECURITY_HEADERS, httpProblem, newToken, upgradeProblem } from './security';

/** The largest WebSocket message the host accepts: commands are small. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WebHostOptions {
  service: LabService;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** A fixed token (tests); a random one otherwise. */
  token?: string;
  /** More page origins whose WebSocket is accepted: only Vite's dev server, for `npm run dev`. */
  pageOrigins?: readonly string[];
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** Open WebSocket connections (tabs). */
  readonly connections: number;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

/** The page, with the web preload, which must run before the app's own module script. */
async function indexHtml(root: string): Promise<string> {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  return html.replace(
    '<head>',
    '<head>\n    <script type="module" src="/web-preload.js"></script>',
  );
}

/** Answers one HTTP request: the page and the built renderer's files, to the lab's own Host only. */
async function serveFile(
  root: string,
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const problem = httpProblem(request, port);
  if (problem)
    return send(response, 403, `Forbidden: ${problem}. Open the address the lab printed.\n`);
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'Only GET is served.\n', undefined, { Allow: 'GET, HEAD' });
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/' || url.pathname === '/index.html')
    return send(response, 200, await indexHtml(root), contentType('.html'));
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return send(response, 400, 'Bad request: the address has a malformed %-escape.\n');
  }
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root + sep)) return send(response, 404, 'Not found.\n');
  try {
    const body = await readFile(path);
    return send(response, 200, body, contentType(extname(path)));
  } catch {
    return send(response, 404, 'Not found.\n');
  }
}

/** Opens a tab's WebSocket when it has the token, the page's Origin and the lab's Host. */
function acceptTabs(
  server: Server,
  sockets: WebSocketServer,
  service: LabService,
  gate: { token: string; port: () => number; pageOrigins: readonly string[] },
): void {
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const problem =
      url.pathname === '/lab'
        ? upgradeProblem(request, url, gate.token, gate.port(), gate.pageOrigins)
        : 'unknown path';
    if (problem) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nForbidden: ${problem}.\n`,
      );
      return;
    }
    const readOnly = url.searchParams.get('watch') === '1';
    sockets.handleUpgrade(request, socket, head, (ws) => bridge(ws, service, readOnly));
  });
}

/** Starts the host and resolves once it listens. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const root = resolve(options.rendererDir);
  let port = 0;
  const server: Server = createServer((request, response) => {
    serveFile(root, port, request, response).catch((error: unknown) =>
      send(response, 500, `Internal error: ${String(error)}\n`),
    );
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  acceptTabs(server, sockets, options.service, {
    token,
    port: () => port,
    pageOrigins: options.pageOrigins ?? [],
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    get connections() {
      return sockets.clients.size;
    },
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}

/** A protocol error's answer: no command id could be read. */
const protocolError = (message: string): string =>
  JSON.stringify({ id: null, result: { ok: false, error: { name: 'ProtocolError', message } } });

/**
 * One tab's connection: commands in, answers and the events of its own runs
 * out (every run's, for a read-only watcher), through a bounded channel.
 */
function bridge(ws: WebSocket, service: LabService, readOnly: boolean): void {
  const channel = new ClientChannel(ws, (queued) =>
    process.stderr.write(
      `isolation-lab: disconnected a tab that stopped reading (${Math.round(queued / 2 ** 20)} MiB queued).\n`,
    ),
  );
  const client: LabClient = { send: (event) => channel.sendEvent(event), readOnly };
  const leave = service.connect(client);
  ws.on('close', () => {
    channel.close();
    leave();
  });
  // A bad frame (too big, invalid UTF-8, unmasked, an unknown opcode) ends
  // that connection only: ws closes it with the matching code (1009, 1007,
  // 1002) once the error is handled, and the host goes on serving.
  ws.on('error', (error) => {
    process.stderr.write(`isolation-lab: a WebSocket client sent a bad frame: ${error.message}\n`);
  });
  ws.on('message', (data) => {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return channel.send(protocolError('Messages must be JSON.'));
    }
    const message = wsCommandSchema.safeParse(json);
    if (!message.success)
      return channel.send(
        protocolError(
          'Each message is {"id": a whole number, "command": a name, "request": …}, nothing else.',
        ),
      );
    const { id, command, request } = message.data;
    void service.handle(command, request, client).then((result) => {
      if (ws.readyState === ws.OPEN) channel.send(JSON.stringify({ id, result }));
    });
  });
}
