// Fetches the Electron binary for `npm start`, and never fails the install.
//
// Electron's own postinstall downloads the binary from GitHub and exits non-zero
// when that is unreachable, which would fail `npm install` on machines that
// only reach the npm registry. package.json denies that script (allowScripts)
// and runs this one instead: it makes the same attempt, reports the outcome in
// one line, and lets the install succeed either way. Everything but the
// Electron window (the lab, the CLI, the browser host, the tests) works without
// the binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  console.log(
    '[isolation-lab] electron is not installed (production install?): skipping its binary.',
  );
  process.exit(0);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    '[isolation-lab] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron binary.',
  );
  process.exit(0);
}

const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  cwd: electronDir,
  encoding: 'utf8',
  timeout: 180_000,
});
const installed = existsSync(join(electronDir, 'path.txt'));
if (result.status === 0 && installed) {
  console.log('[isolation-lab] Electron binary is installed: `npm start` opens the desktop app.');
} else {
  const reason =
    (result.error && result.error.message) ||
    (result.stderr || '').split('\n').find((line) => line.trim()) ||
    `exit code ${result.status}`;
  console.log(
    `[isolation-lab] Could not fetch the Electron binary (${reason.trim()}). ` +
      'The install continues: `npm start` will explain and open the browser host instead, ' +
      'and `npm test` runs everything but the Electron end-to-end spec.',
  );
}
