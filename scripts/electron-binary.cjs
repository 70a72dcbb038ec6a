// Whether the Electron app can start on this machine, and if not, why, in
// plain words: one probe for `npm start` and for the Electron e2e test
// (CommonJS, so that both an ES module and Playwright's loader can use it).
const { existsSync } = require('node:fs');

/** `{ path }` of the Electron binary, or `{ reason }` it cannot start here. */
function electronBinary() {
  let path;
  try {
    // electron's index.js returns the binary's path, and throws when the download never happened.
    path = require('electron');
  } catch {
    return {
      reason:
        'the Electron binary is not installed (npm install could not download it from GitHub on this machine)',
    };
  }
  if (typeof path !== 'string' || !existsSync(path))
    return { reason: `the Electron binary is missing (${String(path)})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return {
      reason: 'there is no display to open a window on (DISPLAY is not set; run under xvfb-run)',
    };
  return { path };
}

module.exports = { electronBinary };
