// `npm start` (after the build): opens the desktop app. Where Electron cannot
// start (its binary was not downloaded, or there is no display), it says why
// in plain words and serves the same app to the browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronProblem() {
  let binary;
  try {
    binary = require('electron');
  } catch {
    return 'the Electron binary is not installed (npm install could not download it from GitHub on this machine)';
  }
  if (typeof binary !== 'string' || !existsSync(binary))
    return `the Electron binary is missing (${binary})`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display to open a window on (DISPLAY is not set)';
  }
  return null;
}

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

const problem = electronProblem();
if (problem) {
  startBrowserHost(problem);
} else {
  const started = Date.now();
  const app = spawn(require('electron'), [root, ...args], { stdio: 'inherit' });
  app.on('error', (error) => startBrowserHost(`Electron did not start (${error.message})`));
  app.on('exit', (code, signal) => {
    // A crash right at start (missing system libraries, say) falls back too.
    if (code !== 0 && Date.now() - started < 5000)
      startBrowserHost(`Electron exited at start with ${signal ?? `code ${code}`}`);
    else process.exit(code ?? 0);
  });
}
