// `npm start` (after the build): opens the desktop app. Where Electron cannot
// start (its binary was not downloaded, or there is no display), it says why
// in plain words and serves the same app to the browser instead.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function startBrowserHost(reason) {
  process.stdout.write(
    `\nIsolation Lab cannot open its desktop window here: ${reason}.\n` +
      'The same lessons run in your web browser instead, with real worker processes started by this\n' +
      'terminal. Open the address printed below (it carries a private token); press Ctrl+C here to stop.\n\n',
  );
  const host = spawn(process.execPath, [join(root, 'out/main/web.js'), ...args], {
    stdio: 'inherit',
  });
  const forward = (signal) => host.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  host.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
const problem = 'reason' in binary ? binary.reason : null;
if (problem) {
  startBrowserHost(problem);
} else {
  const started = Date.now();
  const app = spawn(binary.path, [root, ...args], { stdio: 'inherit' });
  app.on('error', (error) => startBrowserHost(`Electron did not start (${error.message})`));
  app.on('exit', (code, signal) => {
    // A crash right at start (missing system libraries, say) falls back too.
    if (code !== 0 && Date.now() - started < 5000)
      startBrowserHost(`Electron exited at start with ${signal ?? `code ${code}`}`);
    else process.exit(code ?? 0);
  });
}
