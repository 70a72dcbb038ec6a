// `npm run dev`: the app with hot reload. With Electron, electron-vite's dev
// mode. Where Electron cannot start (its binary could not be downloaded, or
// there is no display), the same page from Vite's dev server, with hot
// reload, talking to the browser host through Vite's proxy.
import react from '@vitejs/plugin-react';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { electronBinary } from './electron-binary.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary();

/** Runs a command to its end, with the terminal's output. */
const run = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)),
    );
  });

/**
 * Vite's page needs two things the built page has: the web preload before
 * the app's script, and a CSP that lets the dev server's own inline preamble
 * (React's hot reload) and its WebSocket in. This looser policy is for
 * `npm run dev` only; builds keep the strict one.
 */
const devPage = () => ({
  name: 'isolation-lab-dev-page',
  transformIndexHtml: (html) =>
    html
      .replace(
        '__CONTENT_SECURITY_POLICY__',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws:",
      )
      .replace(
        '<head>',
        `<head>\n    <script type="module" src="/@fs${join(root, 'src/preload/web.ts')}"></script>`,
      ),
});

/** Starts the browser host on a free port, accepting the dev page's WebSocket; resolves with its port and token. */
function startHost(pageOrigin) {
  const host = spawn(
    process.execPath,
    [join(root, 'out/main/web.js'), '--port', '0', '--no-open', '--dev-page', pageOrigin],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 0));
  return new Promise((resolve) => {
    let output = '';
    host.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), token: match[2] });
    });
  });
}

async function browserDev(reason) {
  process.stdout.write(
    `\nIsolation Lab cannot open its desktop window here: ${reason}.\nThe page runs from Vite's dev server instead, with hot reload.\n\n`,
  );
  // The host runs the built main process (out/main/web.js); --no-build uses the one there
  // (the test of this script does: rebuilding would pull out/ from under the other tests).
  if (!process.argv.includes('--no-build'))
    await run(process.execPath, [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
    ]);
  const vite = await createServer({
    configFile: false,
    root: join(root, 'src/renderer'),
    plugins: [react(), devPage()],
    server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: [root] } },
    logLevel: 'warn',
  });
  await vite.listen();
  const pageOrigin = `http://127.0.0.1:${vite.config.server.port}`;
  const url = vite.resolvedUrls?.local[0] ?? `${pageOrigin}/`;
  const host = await startHost(new URL(url).origin);
  // The page's WebSocket goes to the host through Vite, with the page's Origin.
  vite.httpServer?.on('upgrade', (request, socket, head) => {
    if (!request.url?.startsWith('/lab')) return;
    const target = forwardUpgrade(host.port, request, socket, head);
    target.on('error', () => socket.destroy());
  });
  process.stdout.write(
    `Isolation Lab (dev) is running at ${new URL(url).origin}/?token=${host.token}\n`,
  );
}

/** Hands a WebSocket upgrade on to the host, as it came (a byte pipe both ways). */
function forwardUpgrade(port, request, socket, head) {
  const lines = [`${request.method} ${request.url} HTTP/1.1`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i];
    const value = name.toLowerCase() === 'host' ? `127.0.0.1:${port}` : request.rawHeaders[i + 1];
    lines.push(`${name}: ${value}`);
  }
  const upstream = connect(port, '127.0.0.1', () => {
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  socket.on('error', () => upstream.destroy());
  return upstream;
}

if ('reason' in binary) {
  await browserDev(binary.reason);
} else {
  await run(process.execPath, [
    join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'dev',
  ]);
}
